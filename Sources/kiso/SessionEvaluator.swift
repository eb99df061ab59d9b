import KisoLang
import KisoNotebook

/// Runs notebook cells in one Kiso session for the notebook runner.
///
/// A cell's output is everything it printed followed by the echo of its last expression (the
/// same rule as a script); a cell that fails ends its output with the error as
/// ``KisoError/render(source:)`` gives it, without colour. Errors name the notebook by its file
/// name, so a recorded error reads the same whichever path the notebook was run by.
struct SessionEvaluator: CellEvaluator {
    /// Collects what the session prints during one cell.
    private final class Capture {
        var text = ""
    }

    private let capture = Capture()
    /// The session the cells run in.
    let session: Session

    /// A fresh session.
    init() {
        let capture = self.capture
        session = Session(output: { capture.text += $0 })
    }

    mutating func evaluate(_ source: String, origin: String, line: Int) -> CellOutcome {
        capture.text = ""
        let result = session.run(source, origin: FileSystem.baseName(of: origin), line: line)
        var output = capture.text
        if let echo = result.echo { output += echo + "\n" }
        if !result.errors.isEmpty {
            output += result.errors.map { $0.render(source: source) }.joined(separator: "\n\n") + "\n"
            return CellOutcome(output: output, failed: true)
        }
        return CellOutcome(output: output)
    }
}
