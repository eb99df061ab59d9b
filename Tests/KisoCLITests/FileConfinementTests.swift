import Foundation
import Testing

/// Scripts, notebooks and lessons read files only under their own folder and the working folder
/// and write only under the working folder; what the learner types (`kiso -e`, the REPL's
/// `:load` and `:save`) goes anywhere.
@Suite struct FileConfinementTests {
    /// A working folder with a program folder inside it (`learner/programs`) and a folder beside it
    /// (`outside`), each holding a file to read.
    struct Layout {
        let root: TemporaryDirectory
        var work: URL { root.url.appendingPathComponent("learner") }
        var programs: String { root.path("learner/programs") }
        var outside: String { root.path("outside") }

        init() throws {
            root = try TemporaryDirectory()
            try root.write("in the working folder\n", to: "learner/here.txt")
            try root.write("beside the program\n", to: "learner/programs/beside.txt")
            try root.write("not for programs\n", to: "outside/secret.txt")
        }
    }

    @Test func aNotebookReadingEtcPasswdIsRefusedWithAClearError() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let notebook = """
            # Harmless

            ```kiso
            secret = read_text("../../../../../../../../../../etc/passwd")
            ```

            """
        try layout.root.write(notebook, to: "learner/programs/harmless.md")
        let result = try KisoBinary.run(["run", "programs/harmless.md"], directory: layout.work)
        #expect(result.status != 0)
        let shown = result.stdout + result.stderr
        #expect(
            shown.contains("is outside this notebook's folder and the working folder"), "\(shown)")
        #expect(!shown.contains("root:"))
    }

    @Test func aScriptReadsInItsFolderAndTheWorkingFolderOnly() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let script = """
            print(read_text("beside.txt"))
            print(read_text("\(layout.work.path)/here.txt"))
            read_text("\(layout.outside)/secret.txt")

            """
        try layout.root.write(script, to: "learner/programs/reader.kiso")
        let result = try KisoBinary.run(["programs/reader.kiso"], directory: layout.work)
        #expect(result.status == 1)
        #expect(result.stdout == "beside the program\n\nin the working folder\n\n")
        #expect(
            result.stderr.contains("is outside the script's folder and the working folder"), "\(result.stderr)")
        #expect(!result.stdout.contains("not for programs"))
    }

    @Test func aScriptLoadsArrayFilesOnlyFromItsFolders() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        // An array file outside: saved in the working folder, then moved out of it.
        let outside = "\(layout.outside)/weights.npy"
        let written = try KisoBinary.run(["-e", "save(\"weights.npy\", [1.0, 2.0])"], directory: layout.work)
        #expect(written.status == 0, "\(written.stderr)")
        try FileManager.default.moveItem(atPath: layout.root.path("learner/weights.npy"), toPath: outside)
        let script = """
            save("inside.npy", [3.0])
            print(load("inside.npy"))
            load("\(outside)")

            """
        try layout.root.write(script, to: "learner/programs/loader.kiso")
        let result = try KisoBinary.run(["programs/loader.kiso"], directory: layout.work)
        #expect(result.status == 1)
        #expect(result.stdout == "[3.]\n")
        #expect(
            result.stderr.contains("is outside the script's folder and the working folder"), "\(result.stderr)")
    }

    @Test func aSymbolicLinkIsJudgedByWhereItLeads() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: layout.programs + "/link.txt", withDestinationPath: layout.outside + "/secret.txt")
        try layout.root.write("read_text(\"link.txt\")\n", to: "learner/programs/linked.kiso")
        let result = try KisoBinary.run(["programs/linked.kiso"], directory: layout.work)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is outside the script's folder"), "\(result.stderr)")
    }

    @Test func aScriptWritesOnlyUnderTheWorkingFolder() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let train = "tok = bpe_train([\"low\", \"lower\"], merges=1, min_frequency=1)\n"
        try layout.root.write(
            train + "tok.save(\"\(layout.work.path)/merges.txt\")\n", to: "learner/programs/inside.kiso")
        let inside = try KisoBinary.run(["programs/inside.kiso"], directory: layout.work)
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(FileManager.default.fileExists(atPath: layout.work.path + "/merges.txt"))

        try layout.root.write(
            train + "tok.save(\"\(layout.outside)/merges.txt\")\n", to: "learner/programs/outside.kiso")
        let outside = try KisoBinary.run(["programs/outside.kiso"], directory: layout.work)
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("is outside the working folder"), "\(outside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: layout.outside + "/merges.txt"))

        // A relative path is written in the working folder, wherever the script is; one that
        // climbs out of it is refused.
        try layout.root.write(train + "tok.save(\"more-merges.txt\")\n", to: "learner/programs/beside.kiso")
        let elsewhere = try KisoBinary.run(
            ["../learner/programs/beside.kiso"], directory: layout.root.url.appendingPathComponent("outside"))
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(FileManager.default.fileExists(atPath: layout.outside + "/more-merges.txt"))
        #expect(!FileManager.default.fileExists(atPath: layout.programs + "/more-merges.txt"))
        try layout.root.write(train + "tok.save(\"../merges.txt\")\n", to: "learner/programs/climbs.kiso")
        let climbs = try KisoBinary.run(["programs/climbs.kiso"], directory: layout.work)
        #expect(climbs.status == 1)
        #expect(climbs.stderr.contains("is outside the working folder"), "\(climbs.stderr)")
        #expect(!FileManager.default.fileExists(atPath: layout.root.path("merges.txt")))
    }

    /// A chapter that saves and loads files works from any working folder, as `kiso step` from
    /// a learner's own folder runs it: its files go to the working folder and are read back from
    /// there, its data files are read beside it, and `remove` tidies up.
    @Test func aNotebookSavesInTheWorkingFolderWhereverItIs() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let notebook = """
            # Saving

            ```kiso
            save("w.npy", [1.0, 2.0])
            print(load("w.npy"))
            print(read_text("beside.txt"))
            save("kept.npz", {"w": [3.0]})
            remove("w.npy")
            ```

            ```output
            [1. 2.]
            beside the program

            ```

            ```kiso error
            remove("w.npy")
            ```

            ```output
            cell:1:1: value error: `remove`: cannot remove w.npy: no such file
              1 | remove("w.npy")
                | ^^^^^^^^^^^^^^^
            ```

            """
        try layout.root.write(notebook, to: "outside/saving.md")
        try layout.root.write("beside the program\n", to: "outside/beside.txt")
        let result = try KisoBinary.run(["run", layout.root.path("outside/saving.md")], directory: layout.work)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: layout.work.path + "/kept.npz"))
        #expect(!FileManager.default.fileExists(atPath: layout.root.path("outside/kept.npz")))
        #expect(!FileManager.default.fileExists(atPath: layout.work.path + "/w.npy"))
    }

    @Test func aPipedProgramIsConfinedToTheWorkingFolder() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let result = try KisoBinary.run(
            [], input: "print(read_text(\"here.txt\"))\nread_text(\"\(layout.outside)/secret.txt\")\n",
            directory: layout.work)
        #expect(result.stdout == "in the working folder\n\n")
        #expect(result.stderr.contains("is outside the script's folder and the working folder"), "\(result.stderr)")
    }

    @Test func whatTheLearnerTypesIsNotConfined() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let result = try KisoBinary.run(
            ["-e", "read_text(\"\(layout.outside)/secret.txt\")"], directory: layout.work)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("not for programs"))
    }

    @Test func aLessonsAnswersReadOnlyInTheLessonsChaptersAndWorkingFolders() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        let environment = ["KISO_HOME": CheckCommandTests.root.path, "NO_COLOR": "1"]
        try layout.root.write(
            "secret = read_text(\"\(layout.outside)/secret.txt\")\n" + CheckCommandTests.right, to: "learner/reads.kiso"
        )
        let outside = try KisoBinary.run(
            ["check", "01", "reads.kiso"], environment: environment, directory: layout.work)
        #expect(outside.status == 1)
        #expect(
            outside.stdout.contains("is outside the lesson's and chapter's folders and the working folder"),
            "\(outside.stdout)")
        try layout.root.write("here = read_text(\"here.txt\")\n" + CheckCommandTests.right, to: "learner/fine.kiso")
        let inside = try KisoBinary.run(["check", "01", "fine.kiso"], environment: environment, directory: layout.work)
        #expect(inside.status == 0, "\(inside.stdout)")
    }
}
