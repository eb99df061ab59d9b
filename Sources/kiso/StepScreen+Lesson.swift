import KisoNotebook
import KisoTerminal

/// The end of `kiso step`: when the chapter has a lesson, the screen offers it instead of just
/// leaving.
extension StepScreen {
    /// Offers the chapter's lesson, if any, and opens it when the learner presses x; returns the
    /// exit status.
    func offerLesson() -> Int32 {
        let home = LessonHome.locate()
        guard let entry = home.lesson(forChapter: key), let opened = try? home.open(entry.path) else { return 0 }
        let count = opened.lesson.exercises.count
        guard count > 0 else { return 0 }
        StandardStreams.writeLine(
            "This chapter has a lesson: \(count) \(count == 1 ? "exercise" : "exercises") — press x to start it, "
                + "Enter to leave " + style.dim("(later: kiso lesson \(entry.stem))"))
        StandardStreams.flush()
        switch editor.read(prompt: "step> ") {
        case .line(let line) where line.trimmed() == "x":
            return LessonSession(opened: opened).run()
        default:
            return 0
        }
    }
}
