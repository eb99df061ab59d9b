extension Tensor {
    func singularValues() throws -> Tensor {
        throw TensorError(.linalg, "norm: singular values are not available yet")
    }
}
