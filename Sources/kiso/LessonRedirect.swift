import KisoNotebook

/// What to say when a command that takes a notebook is given a lesson file instead: lessons are
/// opened with `kiso lesson` and graded with `kiso check`, not replayed or stepped through.
enum LessonRedirect {
    /// The message for `file`, or nil when it is not a lesson.
    static func message(for file: String) -> String? {
        guard file.hasSuffix(".md"), let lesson = try? Lesson(contentsOfFile: file), lesson.notebook != nil else {
            return nil
        }
        return "\(file) is a lesson: open it with `kiso lesson \(file)`, or grade a file of answers with "
            + "`kiso check \(file) ANSWERS.kiso`"
    }
}
