import KisoLang
import KisoNotebook

/// Runs notebook cells in one Kiso session for the notebook runner.
///
/// A cell's output is everything it printed followed by the echo of its last expression (the
/// same rule as a script); a cell that fails ends its output with the error as
/// ``KisoError/render(source:)`` gives it, without colour.
///
/// An error is located within its cell (`cell:2:7:`, line 2 of the cell), not by the notebook's
/// path and line: the recorded error of an `error` cell then stays the same when the notebook is
/// run by another path, or when text or output blocks above the cell change — which
/// `kiso run --update` itself does.
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

    /// How errors name the cell they happened in.
    static let origin = "cell"

    /// How many cells have run: the runner runs every cell in order, so this numbers them as
    /// messages do, for call stacks (`called from cell 3 line 2`).
    private var cellsRun = 0

    /// Runs one cell; `origin` and `line` are not used, since errors are located within the cell.
    mutating func evaluate(_ source: String, origin: String, line: Int) -> CellOutcome {
        capture.text = ""
        cellsRun += 1
        let result = session.run(source, origin: SessionEvaluator.origin, line: 1, unit: "cell \(cellsRun)")
        var output = capture.text
        if let echo = result.echo { output += echo + "\n" }
        if !result.errors.isEmpty {
            output += result.errors.map { $0.render(source: source) }.joined(separator: "\n\n") + "\n"
            return CellOutcome(output: output, failed: true)
        }
        return CellOutcome(output: output)
    }
}
