import Foundation
import Testing

/// `kiso lesson` and the lesson offered at the end of `kiso step`, under a real pseudo-terminal.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct LessonInteractiveTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A home and a state directory for one test; chapters and lessons from `kisoHome`.
    struct Sandbox {
        let directory: TemporaryDirectory
        let kisoHome: String
        var environment: [String: String] {
            ["HOME": directory.path("home"), "XDG_STATE_HOME": directory.path("state"), "KISO_HOME": kisoHome]
        }
        var lessonsPath: String { directory.path("state/kiso/lessons") }

        init(kisoHome: String? = nil) throws {
            directory = try TemporaryDirectory()
            self.kisoHome = kisoHome ?? directory.path("kiso")
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
        }
    }

    @Test func aWrongCosineIsDiagnosedThenARightOnePassesAndProgressIsKept() throws {
        let sandbox = try Sandbox(kisoHome: Self.root.path)
        defer { sandbox.directory.remove() }
        do {
            let kiso = try TerminalSession(["lesson", "01"], environment: sandbox.environment)
            let opened = kiso.waitFor("1> ", timeout: 30)
            #expect(opened.ok, "\(opened.screen)")
            #expect(opened.screen.contains("exercise 1 of 4"))
            #expect(opened.screen.contains("Cosine similarity"))
            // The chapter's code has run: its variables are there.
            try kiso.enter("emb[\"cat\"]")
            #expect(kiso.waitFor("[0.2 0.8 0.1]").ok)

            try kiso.enter("cosine(a, b) = dot(a, b)")
            try kiso.enter(":check")
            let wrong = kiso.waitFor("✗ your value is 28 where 1 was expected")
            #expect(wrong.ok, "\(wrong.screen)")
            try kiso.enter(":hint")
            // The label has its own line; the hint under it wraps at words.
            #expect(kiso.waitFor("hint 1 of 2:\nthe dot product of a and b equals").ok)

            try kiso.enter("cosine(a, b) = dot(a, b) / (norm(a) * norm(b))")
            try kiso.enter(":check")
            let right = kiso.waitFor("✓ cosine passes all 4 checks")
            #expect(right.ok, "\(right.screen)")
            try kiso.enter(":next")
            #expect(kiso.waitFor("exercise 2 of 4").ok)
            try kiso.enter(":quit")
            #expect(kiso.waitForExit())
        }
        let saved = try String(contentsOfFile: sandbox.lessonsPath, encoding: .utf8)
        #expect(saved.contains("01-vectors\tcosine\t1 2 1 0\n"))

        let kiso = try TerminalSession(["lesson", "vectors"], environment: sandbox.environment)
        let reopened = kiso.waitFor("2> ", timeout: 30)
        #expect(reopened.ok, "\(reopened.screen)")
        #expect(reopened.screen.contains("exercise 2 of 4"))
        try kiso.enter(":list")
        let list = kiso.waitFor("4. The nearest word")
        #expect(list.ok, "\(list.screen)")
        #expect(list.screen.contains("✓ 1. Cosine similarity — cosine  (2 checks, 1 hint)"))
        #expect(list.screen.contains("▸  2. A rotation matrix — rotation"))
        // The model answer needs a confirmation before any check.
        try kiso.enter(":solution")
        #expect(kiso.waitFor("Type :solution again").ok)
        try kiso.enter(":solution")
        #expect(kiso.waitFor("rotation(θ) = [[cos(θ), -sin(θ)], [sin(θ), cos(θ)]]").ok)
        try kiso.press("C-d")
        #expect(kiso.waitForExit())

        let listing = try KisoBinary.run(["lessons"], environment: sandbox.environment)
        #expect(listing.status == 0)
        // Slugs are padded to the longest, softmax-temperature.
        let vectors = "vectors" + String(repeating: " ", count: 12)
        #expect(listing.stdout.contains("  01  \(vectors)  1/4 done  Vectors and matrices — exercises\n"))
        #expect(listing.stdout.contains("  02  softmax-temperature  0/3 done  Softmax and temperature — exercises\n"))
    }

    @Test func theEndOfAChapterOffersItsLesson() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        try sandbox.directory.write(try Fixtures.text("good.md"), to: "kiso/notebooks/01-small.md")
        try sandbox.directory.write(try Fixtures.text("small-lesson.md"), to: "kiso/lessons/01-small.md")
        let kiso = try TerminalSession(["step", "01"], environment: sandbox.environment)
        #expect(kiso.waitFor("step> ").ok)
        // Seven Enters run every cell and pass every section; each is answered by a new prompt.
        for count in 2...8 {
            try kiso.press("Enter")
            #expect(kiso.waitFor("step> ", count: count).ok)
        }
        // The chapter defines a variable `x`, so the key is offered as `:x`.
        let offer = kiso.waitFor(":x  the exercises: 1 exercise (kiso lesson 01-small)")
        #expect(offer.ok, "\(offer.screen)")
        try kiso.enter(":x")
        #expect(kiso.waitFor("1> ").ok)
        #expect(kiso.screen().contains("Write double(v)") || kiso.screen().contains("Write `double(v)`"))
        try kiso.enter("double(v) = v")
        try kiso.enter(":check")
        #expect(kiso.waitFor("✗ every value is 0.5× the expected one").ok)
        try kiso.enter(":quit")
        // Leaving the lesson comes back to the end of the chapter, its session intact.
        #expect(kiso.waitFor("Back at the end of A small notebook.").ok)
        try kiso.enter("x * 2")
        #expect(kiso.waitFor("[2 4 6]").ok)
        try kiso.enter(":q")
        #expect(kiso.waitForExit())
    }
}
