import KisoNN
import KisoTensor

/// scikit-learn's toy datasets, point for point: (X, y) with y int64.
extension Registry {
    func registerDatasets() {
        section("Datasets")
        add(
            "make_circles",
            [
                param("n_samples", .int, .int(100)), param("shuffle", .bool, .bool(true)),
                param("noise", .number, .none),
                param("random_state", .int, .none), param("factor", .number, .number(0.8)),
            ],
            doc: "Two concentric circles (label 0 outer, 1 inner), as scikit-learn makes them: (X, y).",
            example: "X, y = make_circles(n_samples=500, noise=0.1, factor=0.5, random_state=42)"
        ) { a in
            let (x, y) = try makeCircles(
                nSamples: try a.int(0), shuffle: try a.bool(1), noise: a.isNone(2) ? nil : try a.number(2),
                randomState: try a.optionalInt(3), factor: try a.number(4))
            return .tuple([.tensor(x), .tensor(y)])
        }
        add(
            "make_moons",
            [
                param("n_samples", .int, .int(100)), param("shuffle", .bool, .bool(true)),
                param("noise", .number, .none),
                param("random_state", .int, .none),
            ],
            doc: "Two interleaving half circles, as scikit-learn makes them: (X, y).",
            example: "X, y = make_moons(n_samples=200, noise=0.1, random_state=0)"
        ) { a in
            let (x, y) = try makeMoons(
                nSamples: try a.int(0), shuffle: try a.bool(1), noise: a.isNone(2) ? nil : try a.number(2),
                randomState: try a.optionalInt(3))
            return .tuple([.tensor(x), .tensor(y)])
        }
        add(
            "make_blobs",
            [
                param("n_samples", .int, .int(100)), param("n_features", .int, .int(2)), param("centers", .any, .none),
                param("cluster_std", .any, .number(1.0)), param("center_box", .any, .list([.int(-10), .int(10)])),
                param("shuffle", .bool, .bool(true)), param("random_state", .int, .none),
            ],
            doc:
                "Gaussian clusters, as scikit-learn makes them: centers is a count (3 when none) or one row per center; (X, y).",
            example: "X, y = make_blobs(n_samples=90, centers=3, random_state=0)"
        ) { a in
            let centers: BlobCenters
            switch a[2] {
            case .none: centers = .count(3)
            case .number, .int, .bool: centers = .count(try a.int(2))
            default: centers = .fixed(try a.tensor(2))
            }
            let std: [Double]
            switch a[3] {
            case .number, .int, .bool: std = [try a.number(3)]
            default: std = try Convert.tensor(a[3], "cluster_std").scalars
            }
            let box = try Convert.tensor(a[4], "center_box").scalars
            guard box.count == 2 else {
                throw KisoError(
                    .value, "make_blobs: center_box needs two numbers (low, high), got \(box.count)",
                    hint: "e.g. center_box=[-10, 10]")
            }
            let (x, y) = try makeBlobs(
                nSamples: try a.int(0), nFeatures: try a.int(1), centers: centers, clusterStd: std,
                centerBox: (box[0], box[1]), shuffle: try a.bool(5), randomState: try a.optionalInt(6))
            return .tuple([.tensor(x), .tensor(y)])
        }
    }
}
