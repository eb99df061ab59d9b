import KisoPlot

/// Where long loops show their progress while they run. The executable gives the REPL and
/// `kiso step` one that draws on the terminal; a notebook being recorded, a test or a script whose
/// output is not a terminal has none, so nothing of it ever reaches recorded output.
public protocol LiveDisplay: AnyObject {
    /// Shows `loops`, outermost first, and the reported values of the innermost loop that has
    /// any (`curves`, one per metric, oldest first). Called at most about ten times a second.
    func update(_ loops: [ProgressStatus], curves: [(name: String, values: [Double])])
    /// Every loop has ended: removes what was drawn.
    func finish()
}
