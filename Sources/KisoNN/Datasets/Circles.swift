import Glibc
import KisoTensor

/// scikit-learn's `make_circles`: a large circle holding a smaller one (scaled by `factor`), as
/// an (n, 2) tensor of points and int64 labels (0 outer, 1 inner). The outer circle gets
/// ⌊n/2⌋ points, evenly spaced without the endpoint; the rows are shuffled, then noise is added,
/// drawing from a legacy RandomState exactly as scikit-learn does.
public func makeCircles(
    nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, randomState: Int? = nil, factor: Double = 0.8
) throws -> (x: Tensor, y: Tensor) {
    let op = "make_circles"
    guard factor >= 0 && factor < 1 else {
        throw TensorError(.value, "\(op): factor \(factor) must be in [0, 1)", hint: "use e.g. factor=0.5")
    }
    if let noise, noise < 0 {
        throw TensorError(.value, "\(op): noise \(noise) is negative", hint: "use noise ≥ 0 or none")
    }
    let (outer, inner) = try DatasetSupport.split(nSamples, op: op)
    let generator = try DatasetSupport.generator(randomState, op: op)
    let outerAngles = DatasetSupport.linspace(0, 2 * Double.pi, count: outer, endpoint: false)
    let innerAngles = DatasetSupport.linspace(0, 2 * Double.pi, count: inner, endpoint: false)
    let xs = outerAngles.map { Glibc.cos($0) } + innerAngles.map { Glibc.cos($0) * factor }
    let ys = outerAngles.map { Glibc.sin($0) } + innerAngles.map { Glibc.sin($0) * factor }
    let labels = [Double](repeating: 0, count: outer) + [Double](repeating: 1, count: inner)
    var (x, y) = try DatasetSupport.points(x: xs, y: ys, labels: labels)
    if shuffle { (x, y) = try DatasetSupport.shuffle(x, y, generator) }
    return (try DatasetSupport.addNoise(x, noise: noise, generator), y)
}
