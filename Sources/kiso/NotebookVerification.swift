import KisoBase
import KisoNotebook

/// `kiso run`: replays notebooks, each in its own session, and checks (or, with `--update`,
/// records) every cell's output.
enum NotebookVerification {
    /// Runs every notebook in `paths` (all chapters when empty) and returns the exit status: 0 when
    /// all verify, 1 when any cell differs or a notebook cannot be parsed, 2 when a file is missing.
    static func run(paths: [String], update: Bool) -> Int32 {
        var targets = paths
        if targets.isEmpty {
            let home = NotebookHome.locate()
            guard home.directory != nil else {
                StandardStreams.writeError("kiso: " + home.notFoundMessage)
                return 2
            }
            targets = home.catalog.chapters.map(\.path)
        }
        var status: Int32 = 0
        var passed = 0
        for path in targets {
            if let redirect = LessonRedirect.message(for: path) {
                StandardStreams.writeError("kiso: " + redirect)
                status = max(status, 2)
                continue
            }
            let notebook: Notebook
            do {
                notebook = try Notebook(contentsOfFile: path)
            } catch {
                switch error {
                case .file(let fileError):
                    StandardStreams.writeError("kiso: cannot read notebook \(fileError.description)")
                    status = max(status, 2)
                case .parse(let parseError):
                    StandardStreams.writeError("kiso: \(parseError.description)")
                    status = max(status, 1)
                }
                continue
            }
            let ok = update ? record(notebook) : verify(notebook)
            if ok { passed += 1 } else { status = max(status, 1) }
        }
        if targets.count > 1 {
            let verb = update ? "recorded" : "verified"
            StandardStreams.writeLine("\(passed) of \(targets.count) notebooks \(verb)")
        }
        return status
    }

    /// A notebook's code reads in its own folder and the working folder, and writes in the latter.
    static func confinement(_ notebook: Notebook) -> FileSystem.Confinement {
        FileSystem.Confinement(
            programFolders: [FileSystem.directoryName(of: notebook.path)], name: "this notebook's folder")
    }

    /// Prints the report; true when every cell matched.
    private static func verify(_ notebook: Notebook) -> Bool {
        var evaluator = SessionEvaluator()
        evaluator.session.directory = FileSystem.directoryName(of: notebook.path)
        FileSystem.confinement = confinement(notebook)
        let report = NotebookRunner.verify(notebook, with: &evaluator)
        // The report quotes the notebook's text and the program's output: both may hold escape
        // sequences, which are shown rather than sent to the terminal.
        StandardStreams.write(ControlEscapes.escaped(report.rendered()))
        StandardStreams.flush()
        return report.passed
    }

    /// Records the outputs and writes the file when it changed; true unless a cell failed
    /// unexpectedly, an `error` cell succeeded, or the file could not be written.
    private static func record(_ notebook: Notebook) -> Bool {
        var evaluator = SessionEvaluator()
        evaluator.session.directory = FileSystem.directoryName(of: notebook.path)
        FileSystem.confinement = confinement(notebook)
        let (text, report) = NotebookRunner.update(notebook, with: &evaluator)
        let failures = report.mismatches.filter { $0.kind != .outputDiffers }
        for failure in failures {
            StandardStreams.write(ControlEscapes.escaped(failure.rendered(path: notebook.path)) + "\n")
        }
        let changed = report.mismatches.count - failures.count
        if text != notebook.text {
            do {
                // Kiso's own write of the notebook it was asked to record, wherever it is.
                try FileSystem.writeAtomically(text, toPath: notebook.path, confined: false)
            } catch {
                StandardStreams.writeError("kiso: cannot write \(error.description)")
                return false
            }
            let cells = changed == 1 ? "1 cell" : "\(changed) cells"
            StandardStreams.writeLine("\(notebook.path): recorded (\(cells) changed)")
        } else {
            StandardStreams.writeLine("\(notebook.path): unchanged")
        }
        StandardStreams.flush()
        return failures.isEmpty
    }
}
