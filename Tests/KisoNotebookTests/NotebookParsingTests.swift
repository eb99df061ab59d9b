import Testing

@testable import KisoNotebook

let sampleNotebook = """
    ---
    title: Softmax and temperature
    requires: [01-vectors, "00-intro"]
    ---
    # Softmax and temperature

    Intro prose with $e^{x_i}$.

    ```kiso setup
    rng = default_rng(0)
    ```

    ## Logits

    Some text.

    ```kiso
    logits = [2.0, 1.0]
    softmax(logits)
    ```

    ```output
    [0.73105858 0.26894142]
    ```

    ```python
    # not a cell
    ```kiso
    ```

    ## Errors

    ```kiso error
    [1, 2] @ [1, 2, 3]
    ```

    ```output
    error: shapes differ
    ```

    ```kiso nocheck
    print(rng.random())
    ```

    """

@Suite struct NotebookParsingTests {
    @Test func parsesFrontMatterCellsOutputsAndSections() throws {
        let notebook = try Notebook(text: sampleNotebook, path: "nb.md")
        #expect(notebook.title == "Softmax and temperature")
        #expect(notebook.frontMatter?.requires == ["01-vectors", "00-intro"])
        #expect(notebook.cells.count == 4)
        #expect(notebook.cells.map(\.flags) == [.setup, [], .error, .nocheck])
        #expect(notebook.cells.map(\.line) == [9, 17, 33, 41])
        #expect(notebook.cells[1].source == "logits = [2.0, 1.0]\nsoftmax(logits)")
        #expect(notebook.cells[1].recordedOutput?.text == "[0.73105858 0.26894142]")
        #expect(notebook.cells[1].recordedOutput?.line == 22)
        #expect(notebook.cells[0].recordedOutput == nil)
        #expect(notebook.cells[3].recordedOutput == nil)
        #expect(notebook.sections.map(\.title) == ["Softmax and temperature", "Logits", "Errors"])
        #expect(notebook.sections.map(\.line) == [5, 13, 31])
        #expect(notebook.cells.map(\.sectionIndex) == [0, 1, 2, 2])
        #expect(notebook.sections[1].items.count == 3)
        guard case .prose(let prose) = notebook.sections[1].items[2] else {
            Issue.record("expected prose")
            return
        }
        #expect(prose.contains("```kiso") && prose.contains("not a cell"))
        #expect(notebook.cells(before: 2).map(\.index) == [0, 1])
    }

    @Test func serialisingUnchangedReproducesBytes() throws {
        for text in [sampleNotebook, sampleNotebook.replacing("\n", with: "\r\n"), "no newline at end", "", "\n\n"] {
            let notebook = try Notebook(text: text)
            #expect(notebook.text == text)
            #expect(notebook.recordingOutputs([:]) == text)
            // Recording the same outputs changes nothing either.
            let same = Dictionary(
                uniqueKeysWithValues: notebook.cells.map { ($0.index, $0.recordedOutput?.text ?? "") })
            #expect(notebook.recordingOutputs(same) == text)
        }
    }

    @Test func recordingChangesOnlyOutputBlocks() throws {
        let notebook = try Notebook(text: sampleNotebook)
        let updated = notebook.recordingOutputs([1: "[0.5 0.5]\n", 2: "error: new message"])
        let expected =
            sampleNotebook
            .replacing("[0.73105858 0.26894142]", with: "[0.5 0.5]")
            .replacing("error: shapes differ", with: "error: new message")
        #expect(updated == expected)
        let reparsed = try Notebook(text: updated)
        #expect(reparsed.cells.map(\.source) == notebook.cells.map(\.source))
    }

    @Test func recordingInsertsAndRemovesBlocks() throws {
        let text = "# T\n\n```kiso\n1 + 1\n```\nafter\n\n```kiso\nx = 1\n```\n\n```output\nold\n```\n\ntail\n"
        let notebook = try Notebook(text: text)
        let updated = notebook.recordingOutputs([0: "2", 1: ""])
        #expect(updated == "# T\n\n```kiso\n1 + 1\n```\n\n```output\n2\n```\n\nafter\n\n```kiso\nx = 1\n```\n\ntail\n")
        // A cell at the very end of a file without a final newline.
        let bare = try Notebook(text: "```kiso\n1\n```")
        #expect(bare.recordingOutputs([0: "1"]) == "```kiso\n1\n```\n\n```output\n1\n```\n")
    }

    @Test func outputContainingFencesGetsALongerFence() throws {
        let notebook = try Notebook(text: "```kiso\nshow()\n```\n")
        let updated = notebook.recordingOutputs([0: "```\ncode\n```"])
        #expect(updated.contains("````output\n```\ncode\n```\n````\n"))
        #expect(try Notebook(text: updated).cells[0].recordedOutput?.text == "```\ncode\n```")
    }

    @Test func parseErrorsNameTheLine() {
        func error(_ text: String) -> NotebookError? {
            do {
                _ = try Notebook(text: text, path: "x.md")
                return nil
            } catch {
                return error
            }
        }
        #expect(error("a\n\n```kiso\n1 + 1\n")?.line == 3)
        #expect(error("a\n\n```kiso\n1 + 1\n")?.message.contains("never closed") == true)
        #expect(error("prose\n\n```output\n1\n```\n")?.line == 3)
        #expect(error("```kiso\n1\n```\ntext\n```output\n1\n```\n")?.line == 5)
        #expect(error("```kiso\n1\n```\n```output\n1\n```\n```output\n2\n```\n")?.line == 7)
        #expect(error("---\ntitle: x\n")?.message.contains("never closed") == true)
        #expect(error("---\ntitle x\n---\n")?.line == 2)
        #expect(error("---\nlist: [a, b\n---\n")?.line == 2)
        #expect(error("```kiso wibble\n1\n```\n")?.message.contains("wibble") == true)
        #expect(
            error("```kiso wibble\n1\n```\n")?.description
                == "x.md:1: unknown cell flag `wibble`\nhint: a ```kiso fence takes the flags setup, nocheck, error")
    }

    @Test func frontMatterBlockLists() throws {
        let notebook = try Notebook(text: "---\ntitle: 'Q'\nrequires:\n  - a\n  - b\n# comment\n---\nbody\n")
        #expect(notebook.title == "Q")
        #expect(notebook.frontMatter?.requires == ["a", "b"])
        #expect(notebook.sections.count == 1)
    }

    @Test func malformedInputNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<400, using: &generator)).map { _ in
                [
                    UInt8(ascii: "`"), UInt8(ascii: "\n"), UInt8(ascii: "-"), UInt8(ascii: "#"), UInt8(ascii: " "),
                    UInt8.random(in: 0...255, using: &generator),
                ].randomElement(using: &generator) ?? 0
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if let notebook = try? Notebook(text: text) {
                #expect(notebook.text == text)
                _ = notebook.recordingOutputs(Dictionary(uniqueKeysWithValues: notebook.cells.map { ($0.index, "x") }))
            }
            _ = try? Lesson(text: text)
        }
        let huge = String(repeating: "```kiso\n1\n```\n\n```output\n1\n```\n\nprose line\n", count: 20_000)
        #expect((try? Notebook(text: huge))?.cells.count == 20_000)
        let unclosed = "```kiso\n" + String(repeating: "x = 1\n", count: 50_000)
        #expect((try? Notebook(text: unclosed)) == nil)
    }
}
