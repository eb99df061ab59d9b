import KisoBase

/// Replays a notebook's cells in one environment and compares what they print with the recorded
/// output blocks (`kiso run`), or records the outputs (`kiso run --update`).
///
/// Setup cells run but are never compared or recorded. Nocheck cells run; their output is neither
/// compared nor recorded. Error cells must fail, and their recorded output is the error text. Any
/// other cell that fails is a mismatch that shows the error. A cell without an output block is
/// expected to print nothing.
public enum NotebookRunner {
    /// Replays every cell of `notebook` in order through `evaluator` and reports each mismatch.
    public static func verify<Evaluator: CellEvaluator>(
        _ notebook: Notebook, with evaluator: inout Evaluator
    ) -> VerificationReport {
        replay(notebook, with: &evaluator).report
    }

    /// Replays every cell and returns the notebook text with the outputs recorded (see
    /// ``Notebook/recordingOutputs(_:)``), together with the report of what differed from the old
    /// recording. Write the text with ``FileSystem/writeAtomically(_:toPath:)-(String,_)``.
    public static func update<Evaluator: CellEvaluator>(
        _ notebook: Notebook, with evaluator: inout Evaluator
    ) -> (text: String, report: VerificationReport) {
        let run = replay(notebook, with: &evaluator)
        return (notebook.recordingOutputs(run.outputs), run.report)
    }

    private static func replay<Evaluator: CellEvaluator>(
        _ notebook: Notebook, with evaluator: inout Evaluator
    ) -> (report: VerificationReport, outputs: [Int: String]) {
        var mismatches: [CellMismatch] = []
        var outputs: [Int: String] = [:]
        for cell in notebook.cells {
            let outcome = evaluator.evaluate(cell.source, origin: notebook.path, line: cell.sourceLine)
            let expectsError = cell.flags.contains(.error)
            let recorded = cell.recordedOutput?.text ?? ""
            if outcome.failed && !expectsError {
                mismatches.append(
                    CellMismatch(cell: cell, kind: .unexpectedError, recorded: recorded, actual: outcome.output))
                continue
            }
            if expectsError && !outcome.failed {
                mismatches.append(
                    CellMismatch(cell: cell, kind: .missingError, recorded: recorded, actual: outcome.output))
                continue
            }
            if cell.flags.contains(.setup) || cell.flags.contains(.nocheck) { continue }
            outputs[cell.index] = outcome.output
            if OutputText.lines(outcome.output) != OutputText.lines(recorded) {
                mismatches.append(
                    CellMismatch(cell: cell, kind: .outputDiffers, recorded: recorded, actual: outcome.output))
            }
        }
        let report = VerificationReport(path: notebook.path, cellCount: notebook.cells.count, mismatches: mismatches)
        return (report, outputs)
    }
}

/// The result of replaying one notebook.
public struct VerificationReport: Equatable, Sendable {
    /// The notebook's path, as given.
    public let path: String
    /// How many cells ran.
    public let cellCount: Int
    /// The cells that did not behave as recorded, in order.
    public let mismatches: [CellMismatch]

    /// Whether every cell matched.
    public var passed: Bool { mismatches.isEmpty }

    /// Every mismatch as text, each headed with the notebook, cell and line, followed by a summary
    /// line such as `notebooks/01-vectors.md: 2 cells of 14 differ`.
    public func rendered() -> String {
        var text = ""
        for mismatch in mismatches { text += mismatch.rendered(path: path) + "\n" }
        if passed {
            text += "\(path): \(cellCount) \(cellCount == 1 ? "cell" : "cells") ok\n"
        } else {
            let counted =
                mismatches.count == 1
                ? "1 cell of \(cellCount) differs" : "\(mismatches.count) cells of \(cellCount) differ"
            text += "\(path): \(counted)\n"
        }
        return text
    }
}

/// One cell that did not behave as recorded.
public struct CellMismatch: Equatable, Sendable {
    /// How the cell differed.
    public enum Kind: Equatable, Sendable {
        /// It printed something other than its recorded output.
        case outputDiffers
        /// It failed, and is not marked `error`.
        case unexpectedError
        /// It is marked `error` but succeeded.
        case missingError
    }

    /// The cell.
    public let cell: Cell
    /// How it differed.
    public let kind: Kind
    /// The recorded output (empty when there is no block).
    public let recorded: String
    /// What it printed this time.
    public let actual: String

    /// A unified diff of the recorded output against the actual one.
    public var diff: String {
        LineDiff.unified(
            from: OutputText.lines(recorded), to: OutputText.lines(actual), oldLabel: "recorded", newLabel: "actual")
    }

    /// `path:line: cell N: what happened`, then the diff (or the error text).
    public func rendered(path: String) -> String {
        let place = "\(path.isEmpty ? "notebook" : path):\(cell.line): cell \(cell.number)"
        switch kind {
        case .outputDiffers:
            return "\(place): output differs from the recorded output\n\(diff)"
        case .unexpectedError:
            let shown = OutputText.lines(actual).map { "  " + $0 }.joined(separator: "\n")
            var text = "\(place): the cell failed\n\(shown)\n"
            if !OutputText.lines(recorded).isEmpty {
                text += diff
            }
            return text
        case .missingError:
            let hint = "the cell is marked `error` but ran without one; remove the flag or fix the cell"
            return "\(place): expected an error, but the cell succeeded\n  hint: \(hint)\n\(diff)"
        }
    }
}
