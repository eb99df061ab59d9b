import KisoTensor

/// How `makeBlobs` chooses its centers.
public enum BlobCenters: Sendable {
    /// This many centers drawn uniformly from `centerBox` (scikit-learn's default is 3).
    case count(Int)
    /// These centers, one row each (n_centers, n_features).
    case fixed(Tensor)
}

/// scikit-learn's `make_blobs`: isotropic Gaussian clusters, as an (n, nFeatures) tensor of
/// points and int64 cluster labels. The points split as evenly as possible between the centers
/// (the first ones get the remainder); centers are drawn first, then each cluster's points in
/// turn, then the rows are shuffled — the draw order of scikit-learn's legacy RandomState.
public func makeBlobs(
    nSamples: Int = 100, nFeatures: Int = 2, centers: BlobCenters = .count(3), clusterStd: [Double] = [1.0],
    centerBox: (Double, Double) = (-10.0, 10.0), shuffle: Bool = true, randomState: Int? = nil
) throws -> (x: Tensor, y: Tensor) {
    let op = "make_blobs"
    guard nSamples >= 1, nFeatures >= 1 else {
        throw TensorError(
            .value, "\(op): n_samples \(nSamples) and n_features \(nFeatures) must be at least 1",
            hint: "ask for 1 or more points and features")
    }
    // The points, their labels and the shuffled copies are alive at once.
    try TensorLimits.checkAllocation(shape: [nSamples, nFeatures, 4], op: op)
    let generator = try DatasetSupport.generator(randomState, op: op)
    let centerRows: Tensor
    switch centers {
    case .count(let n):
        guard n >= 1 else {
            throw TensorError(.value, "\(op): centers must be at least 1, got \(n)", hint: "ask for 1 or more centers")
        }
        centerRows = try generator.uniform(low: centerBox.0, high: centerBox.1, size: [n, nFeatures])
    case .fixed(let rows):
        guard rows.rank == 2, rows.shape[0] >= 1 else {
            throw TensorError(
                .shape, "\(op): centers of shape \(formatShape(rows.shape)) — expected (n_centers, n_features)",
                hint: "give one row per center")
        }
        centerRows = rows.cast(to: .float64)
    }
    let centerCount = centerRows.shape[0]
    let features = centerRows.shape[1]
    let deviations = clusterStd.count == 1 ? Array(repeating: clusterStd[0], count: centerCount) : clusterStd
    guard deviations.count == centerCount else {
        throw TensorError(
            .value, "\(op): \(clusterStd.count) cluster_std values for \(centerCount) centers",
            hint: "give one standard deviation, or one per center")
    }
    var perCenter = Array(repeating: nSamples / centerCount, count: centerCount)
    for i in 0..<(nSamples % centerCount) { perCenter[i] += 1 }
    var pieces: [Tensor] = []
    var labels: [Double] = []
    for (i, (n, std)) in zip(perCenter, deviations).enumerated() {
        let center = try centerRows.subscripted([.int(i)])
        pieces.append(try generator.normal(loc: center, scale: Tensor(std), size: [n, features]))
        labels += Array(repeating: Double(i), count: n)
    }
    var x = try Tensor.concatenate(pieces, axis: 0)
    var y = try Tensor(shape: [labels.count], scalars: labels, dtype: .int64)
    if shuffle { (x, y) = try DatasetSupport.shuffle(x, y, generator) }
    return (x, y)
}
