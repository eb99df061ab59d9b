import Glibc
import KisoTensor

/// scikit-learn's `make_moons`: two interleaving half circles, as an (n, 2) tensor of points and
/// int64 labels. The upper moon (label 0) gets ⌊n/2⌋ points; rows are shuffled, then noise is
/// added, drawing from a legacy RandomState exactly as scikit-learn does.
public func makeMoons(
    nSamples: Int = 100, shuffle: Bool = true, noise: Double? = nil, randomState: Int? = nil
) throws -> (x: Tensor, y: Tensor) {
    let op = "make_moons"
    if let noise, noise < 0 {
        throw TensorError(.value, "\(op): noise \(noise) is negative", hint: "use noise ≥ 0 or none")
    }
    let (outer, inner) = try DatasetSupport.split(nSamples, op: op)
    let generator = try DatasetSupport.generator(randomState, op: op)
    let outerAngles = DatasetSupport.linspace(0, Double.pi, count: outer, endpoint: true)
    let innerAngles = DatasetSupport.linspace(0, Double.pi, count: inner, endpoint: true)
    let xs = outerAngles.map { Glibc.cos($0) } + innerAngles.map { 1 - Glibc.cos($0) }
    let ys = outerAngles.map { Glibc.sin($0) } + innerAngles.map { 1 - Glibc.sin($0) - 0.5 }
    let labels = [Double](repeating: 0, count: outer) + [Double](repeating: 1, count: inner)
    var (x, y) = try DatasetSupport.points(x: xs, y: ys, labels: labels)
    if shuffle { (x, y) = try DatasetSupport.shuffle(x, y, generator) }
    return (try DatasetSupport.addNoise(x, noise: noise, generator), y)
}
