import Testing

@testable import KisoNotebook

/// Evaluates by table lookup and records what it was asked, in order.
struct FakeEvaluator: CellEvaluator {
    var answers: [String: CellOutcome]
    var seen: [(source: String, line: Int)] = []

    mutating func evaluate(_ source: String, origin: String, line: Int) -> CellOutcome {
        seen.append((source, line))
        return answers[source] ?? CellOutcome(output: "")
    }
}

@Suite struct RunnerTests {
    let text = """
        # Title

        ```kiso setup
        setup
        ```

        ```kiso
        a
        ```

        ```output
        1
        2
        3
        ```

        ```kiso error
        bad
        ```

        ```output
        error: boom
        ```

        ```kiso nocheck
        random
        ```

        ```output
        0.123
        ```

        ```kiso
        silent
        ```

        """

    func matching() -> [String: CellOutcome] {
        [
            "setup": CellOutcome(output: "ignored output"),
            "a": CellOutcome(output: "1\n2  \n3\n\n"),
            "bad": CellOutcome(output: "error: boom\n", failed: true),
            "random": CellOutcome(output: "0.999"),
        ]
    }

    @Test func matchingNotebookPasses() throws {
        let notebook = try Notebook(text: text, path: "nb.md")
        var evaluator = FakeEvaluator(answers: matching())
        let report = NotebookRunner.verify(notebook, with: &evaluator)
        #expect(report.passed)
        #expect(evaluator.seen.map(\.source) == ["setup", "a", "bad", "random", "silent"])
        #expect(evaluator.seen.map(\.line) == [4, 8, 18, 26, 34])
        #expect(report.rendered() == "nb.md: 5 cells ok\n")
    }

    @Test func mismatchShowsUnifiedDiff() throws {
        let notebook = try Notebook(text: text, path: "nb.md")
        var answers = matching()
        answers["a"] = CellOutcome(output: "1\n20\n3")
        var evaluator = FakeEvaluator(answers: answers)
        let report = NotebookRunner.verify(notebook, with: &evaluator)
        #expect(report.mismatches.count == 1)
        #expect(
            report.rendered() == """
                nb.md:7: cell 2: output differs from the recorded output
                --- recorded
                +++ actual
                @@ -1,3 +1,3 @@
                 1
                -2
                +20
                 3

                nb.md: 1 cell of 5 differs

                """)
    }

    @Test func errorCellsAndUnexpectedErrors() throws {
        let notebook = try Notebook(text: text, path: "nb.md")
        var answers = matching()
        answers["bad"] = CellOutcome(output: "fine")
        answers["silent"] = CellOutcome(output: "error: name `q` is not defined", failed: true)
        answers["random"] = CellOutcome(output: "error: in nocheck", failed: true)
        var evaluator = FakeEvaluator(answers: answers)
        let report = NotebookRunner.verify(notebook, with: &evaluator)
        #expect(report.mismatches.map(\.kind) == [.missingError, .unexpectedError, .unexpectedError])
        #expect(report.mismatches.map(\.cell.number) == [3, 4, 5])
        let rendered = report.mismatches[2].rendered(path: "nb.md")
        #expect(rendered == "nb.md:33: cell 5: the cell failed\n  error: name `q` is not defined\n")
        #expect(report.mismatches[0].rendered(path: "nb.md").contains("expected an error"))
    }

    @Test func updateRecordsCheckedOutputsOnly() throws {
        let notebook = try Notebook(text: text, path: "nb.md")
        var answers = matching()
        answers["a"] = CellOutcome(output: "7")
        answers["silent"] = CellOutcome(output: "now speaks")
        var evaluator = FakeEvaluator(answers: answers)
        let (updated, report) = NotebookRunner.update(notebook, with: &evaluator)
        #expect(report.mismatches.count == 2)
        let reparsed = try Notebook(text: updated)
        #expect(reparsed.cells.map { $0.recordedOutput?.text } == [nil, "7", "error: boom", "0.123", "now speaks"])
        var again = FakeEvaluator(answers: answers)
        #expect(NotebookRunner.verify(reparsed, with: &again).passed)
    }
}

@Suite struct LineDiffTests {
    @Test func editsAreMinimal() {
        let old = ["a", "b", "c", "d", "e"]
        let new = ["a", "c", "d", "x", "e"]
        let edits = LineDiff.edits(from: old, to: new)
        #expect(edits == [.same("a"), .removed("b"), .same("c"), .same("d"), .added("x"), .same("e")])
        #expect(LineDiff.edits(from: [], to: ["a"]) == [.added("a")])
        #expect(LineDiff.edits(from: ["a"], to: []) == [.removed("a")])
        #expect(LineDiff.unified(from: ["a"], to: ["a"], oldLabel: "x", newLabel: "y") == "")
    }

    @Test func lcsLengthMatchesBruteForceOnRandomInputs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...8, using: &generator)).map { _ in ["a", "b", "c"].randomElement()! }
            let new = (0..<Int.random(in: 0...8, using: &generator)).map { _ in ["a", "b", "c"].randomElement()! }
            let edits = LineDiff.edits(from: old, to: new)
            // Replaying the edits gives back both sides.
            let rebuiltOld = edits.compactMap { edit -> String? in
                switch edit {
                case .same(let line), .removed(let line): line
                case .added: nil
                }
            }
            let rebuiltNew = edits.compactMap { edit -> String? in
                switch edit {
                case .same(let line), .added(let line): line
                case .removed: nil
                }
            }
            #expect(rebuiltOld == old && rebuiltNew == new)
            let kept = edits.filter { if case .same = $0 { true } else { false } }.count
            #expect(kept == lcs(old, new))
        }
    }

    func lcs(_ a: [String], _ b: [String]) -> Int {
        if a.isEmpty || b.isEmpty { return 0 }
        if a[0] == b[0] { return 1 + lcs(Array(a.dropFirst()), Array(b.dropFirst())) }
        return max(lcs(Array(a.dropFirst()), b), lcs(a, Array(b.dropFirst())))
    }

    @Test func hunksSplitWhenFarApart() {
        let old = (1...20).map(String.init)
        var new = old
        new[1] = "two"
        new[17] = "eighteen"
        let diff = LineDiff.unified(from: old, to: new, oldLabel: "a", newLabel: "b", context: 1)
        #expect(
            diff == "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -17,3 +17,3 @@\n 17\n-18\n+eighteen\n 19\n")
        let insertion = LineDiff.unified(from: [], to: ["x"], oldLabel: "a", newLabel: "b")
        #expect(insertion == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n")
    }

    @Test func hugeInputsStayBounded() {
        let old = (0..<5000).map { "line \($0)" }
        let new = (0..<5000).map { "other \($0)" }
        let edits = LineDiff.edits(from: old, to: new)
        #expect(edits.count == 10000)
    }
}
