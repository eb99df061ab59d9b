import KisoBase
import KisoNotebook
import KisoTerminal

/// The end of `kiso step`: the screen stays, with the chapter's session, and offers the chapter's
/// exercises and the next chapter instead of exiting.
extension StepScreen {
    /// Offers the lesson (x) and the next chapter (Enter or n), runs any other line as Kiso in
    /// the chapter's session, and returns the exit status when the learner quits.
    func endOfChapter() -> Int32 {
        let lessonHome = LessonHome.locate()
        let lesson = lessonHome.lesson(forChapter: key).flatMap { entry in
            (try? lessonHome.open(entry.path)).map { (entry, $0) }
        }.flatMap { $0.1.lesson.exercises.isEmpty ? nil : $0 }
        let next = nextChapter()
        while true {
            var offers: [(key: String, text: String)] = []
            if let (entry, opened) = lesson {
                let count = opened.lesson.exercises.count
                offers.append(
                    (
                        keyLabel("x"),
                        "the exercises: \(count) \(count == 1 ? "exercise" : "exercises") (kiso lesson \(entry.stem))"
                    ))
            }
            if let next { offers.append((keyLabel("n"), "the next chapter: \(next.stem) — \(next.title)")) }
            offers.append((keyLabel("q"), "quit · any other line runs as Kiso; the chapter's variables are all here"))
            for offer in offers { writeNote(offer.text, prefix: offer.key + "  ") }
            var allowed: Set<Action> = [.quit]
            if lesson != nil { allowed.insert(.exercises) }
            if next != nil { allowed.insert(.next) }
            var action = ask(allowed: allowed.union([.next]))
            while case .code(let code) = action {
                runCode(code)
                action = ask(allowed: allowed.union([.next]))
            }
            switch action {
            case .exercises:
                if let (_, opened) = lesson { _ = LessonSession(opened: opened).run() }
                StandardStreams.writeLine(style.bold("Back at the end of \(title)."))
            case .next:
                guard let next else { return 0 }
                return openChapter(next)
            default:
                return 0
            }
        }
    }

    /// The chapter's title, or its key when it has none.
    var title: String { notebook.title.isEmpty ? key : notebook.title }

    /// The chapter after this one in the notebooks folder, when this is a chapter there.
    private func nextChapter() -> Chapter? {
        let here = FileSystem.absolutePath(FileSystem.resolvedTarget(notebook.path))
        let catalog = ChapterCatalog(directory: FileSystem.directoryName(of: here))
        guard let position = catalog.chapters.firstIndex(where: { FileSystem.absolutePath($0.path) == here }),
            position + 1 < catalog.chapters.count
        else { return nil }
        return catalog.chapters[position + 1]
    }

    /// Walks `chapter` in a screen of its own.
    private func openChapter(_ chapter: Chapter) -> Int32 {
        do {
            let notebook = try Notebook(contentsOfFile: chapter.path)
            StandardStreams.writeLine()
            return StepScreen(notebook: notebook, key: chapter.stem).run()
        } catch {
            StandardStreams.writeError("\(error)")
            return 1
        }
    }
}
