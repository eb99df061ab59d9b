import KisoTensor

/// Tensor text for display, from the engine's NumPy-style printing under the running session's
/// print options (each session has its own, so `set_printoptions` in one notebook never changes
/// how another prints).
enum TensorText {
    static func str(_ t: Tensor) -> String { t.str(options: SessionPrintOptions.current?.options) }

    static func repr(_ t: Tensor) -> String { t.repr(options: SessionPrintOptions.current?.options) }
}

/// One session's print options, visible to display code while that session runs.
final class SessionPrintOptions: @unchecked Sendable {
    /// The options `set_printoptions` changes; NumPy's defaults to begin with.
    var options = PrintOptions()

    /// The options of the session running on this thread, if any.
    @TaskLocal static var current: SessionPrintOptions?
}
