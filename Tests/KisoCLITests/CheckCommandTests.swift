import Foundation
import Testing

/// `kiso check LESSON ANSWERS`: a teacher grading files of answers.
@Suite struct CheckCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let environment = ["KISO_HOME": root.path, "NO_COLOR": "1"]

    static let right = """
        cosine(a, b) = dot(a, b) / (norm(a) * norm(b))
        rotation(θ) = [[cos(θ), -sin(θ)], [sin(θ), cos(θ)]]
        layer(x, W, b) = x @ W.T + b
        def nearest(words, v)
            best = none
            best_score = -2
            for w in words
                if cosine(words[w], v) > best_score
                    best = w
                    best_score = cosine(words[w], v)
                end
            end
            best
        end

        """

    static let wrong = """
        cosine(a, b) = dot(a, b)
        rotation(θ) = [[cos(θ), sin(θ)], [-sin(θ), cos(θ)]]
        def layer(x, W, b)
            h = x @ W
            h + b
        end

        """

    @Test func aGradedFileWritesOnlyUnderTheWorkingFolder() throws {
        let work = try TemporaryDirectory()
        let elsewhere = try TemporaryDirectory()
        defer {
            work.remove()
            elsewhere.remove()
        }
        let save = "tok = bpe_train([\"low\", \"lower\"], merges=1, min_frequency=1)\n"
        try work.write(save + "tok.save(\"\(elsewhere.path("merges.txt"))\")\n" + Self.right, to: "outside.kiso")
        try work.write(save + "tok.save(\"merges.txt\")\n" + Self.right, to: "inside.kiso")
        let outside = try KisoBinary.run(["check", "01", "outside.kiso"], environment: environment, directory: work.url)
        #expect(outside.status == 1)
        #expect(outside.stdout.contains("is outside the working folder"), "\(outside.stdout)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path("merges.txt")))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path("vocab.json")))
        let inside = try KisoBinary.run(["check", "01", "inside.kiso"], environment: environment, directory: work.url)
        #expect(inside.status == 0, "\(inside.stdout)")
        #expect(FileManager.default.fileExists(atPath: work.path("merges.txt")))
    }

    @Test func theSolutionsPass() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.right, to: "right.kiso")
        let result = try KisoBinary.run(["check", "01", directory.path("right.kiso")], environment: environment)
        #expect(result.stdout == "✓ cosine\n✓ rotation\n✓ layer\n✓ nearest\n4 passed, 0 failed\n")
        #expect(result.status == 0)
    }

    @Test func wrongAnswersGetTheirDiagnoses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.wrong, to: "wrong.kiso")
        let path = directory.path("wrong.kiso")
        let result = try KisoBinary.run(["check", "vectors", path], environment: environment)
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                ✗ cosine: your value is 28 where 1 was expected, on `cosine([1, 2, 3], [2, 4, 6])`
                ✗ rotation: your result is the transpose of the expected one
                ✗ layer: your code raised an error on `layer(rng.normal(0, 1, [4, 5]), rng.normal(0, 1, [3, 5]), [1, 2, 3])`:
                    \(path):4:9: shape error: matmul: (4,5) @ (3,5) — inner sizes 5 and 3 differ
                      4 |     h = x @ W
                        |         ^^^^^
                    hint: did you mean `W.T`?
                ✗ nearest: `nearest` is not defined yet: write `nearest(words, v) = …`
                0 passed, 4 failed

                """)
    }

    @Test func jsonReport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.right.replacingOccurrences(of: "x @ W.T + b", with: "x @ W.T"), to: "a.kiso")
        let result = try KisoBinary.run(["check", "01", directory.path("a.kiso"), "--json"], environment: environment)
        #expect(result.status == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["lesson"] as? String == "01-vectors")
        #expect(object["passed"] as? Int == 3)
        #expect(object["failed"] as? Int == 1)
        let exercises = try #require(object["exercises"] as? [[String: Any]])
        #expect(exercises.map { $0["name"] as? String } == ["cosine", "rotation", "layer", "nearest"])
        #expect(exercises.map { $0["passed"] as? Bool } == [true, true, false, true])
        #expect((exercises[2]["diagnosis"] as? String)?.hasPrefix("at [0, 0] your value is") == true)
        #expect(exercises[0]["diagnosis"] is NSNull)
    }

    @Test func aFileThatDoesNotParseOrAMissingLessonExitsWith2() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("cosine(a, b) =\n", to: "broken.kiso")
        let broken = try KisoBinary.run(["check", "01", directory.path("broken.kiso")], environment: environment)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.kiso:1:15: syntax error"))
        try directory.write(Self.right, to: "right.kiso")
        let missing = try KisoBinary.run(["check", "99", directory.path("right.kiso")], environment: environment)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no lesson `99`"))
    }

    @Test func aFolderGetsOneRowPerFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Self.right, to: "answers/alice.kiso")
        try directory.write(Self.wrong, to: "answers/bob.kiso")
        try directory.write("cosine(a, b) =\n", to: "answers/carol.kiso")
        try directory.write("not graded", to: "answers/notes.txt")
        let result = try KisoBinary.run(["check", "01", directory.path("answers")], environment: environment)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "alice.kiso  4 passed, 0 failed")
        #expect(lines[1] == "bob.kiso    0 passed, 4 failed  ✗ cosine ✗ rotation ✗ layer ✗ nearest")
        #expect(lines[2].hasPrefix("carol.kiso  does not parse: "))
        #expect(lines[3] == "1 of 3 files passed every exercise")
    }

    @Test func aLoopingFileIsStoppedAndReported() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "def cosine(a, b)\n    while true\n    end\nend\n"
                + Self.right.replacingOccurrences(
                    of: "cosine(a, b) = dot(a, b) / (norm(a) * norm(b))\n", with: ""), to: "loop.kiso")
        let result = try KisoBinary.run(
            ["check", "01", directory.path("loop.kiso"), "--timeout", "0.5"], environment: environment)
        #expect(result.status == 1)
        let stopped = "stopped after 0.5 s — does a loop never end? (the limit is --timeout)"
        // `nearest` calls the looping `cosine`, so it is stopped too; the others still pass.
        #expect(
            result.stdout == "✗ cosine: \(stopped)\n✓ rotation\n✓ layer\n✗ nearest: \(stopped)\n2 passed, 2 failed\n")
    }
}
