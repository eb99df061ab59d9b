import KisoTensor

/// Tensor text for display, from the engine's NumPy-style printing under the shared options.
enum TensorText {
    static func str(_ t: Tensor) -> String { t.description }

    static func repr(_ t: Tensor) -> String { t.repr() }
}
