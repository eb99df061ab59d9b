import KisoTensor

/// PyTorch's `cosine_similarity`: along `axis`, x₁·x₂ / (max(‖x₁‖, ε)·max(‖x₂‖, ε)); the inputs
/// broadcast together first.
public func cosineSimilarity(_ a: Variable, _ b: Variable, axis: Int = 1, epsilon: Double = 1e-8) throws -> Variable {
    let op = "cosine_similarity"
    let shape: [Int]
    do {
        shape = try Tensor.broadcastShapes(a.shape, b.shape)
    } catch {
        throw TensorError(
            .shape, "\(op): shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) cannot be broadcast together")
    }
    let ax = axis < 0 ? axis + shape.count : axis
    guard ax >= 0, ax < shape.count else {
        throw TensorError(
            .axis, "\(op): dim \(axis) is out of range for inputs of rank \(shape.count)",
            hint: "dim runs from -\(shape.count) to \(shape.count - 1)")
    }
    let x = try a.broadcast(to: shape)
    let y = try b.broadcast(to: shape)
    let floor = Variable(epsilon)
    let nx = try Variable.maximum((x * x).sum(axes: [ax], keepdims: true).sqrt(), floor)
    let ny = try Variable.maximum((y * y).sum(axes: [ax], keepdims: true).sqrt(), floor)
    return try ((x / nx) * (y / ny)).sum(axes: [ax])
}
