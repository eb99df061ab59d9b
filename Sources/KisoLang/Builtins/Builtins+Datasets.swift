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
                nSamples: try a.int("n_samples"), shuffle: try a.bool("shuffle"),
                noise: try a.isNone("noise") ? nil : try a.number("noise"),
                randomState: try a.optionalInt("random_state"), factor: try a.number("factor"))
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
                nSamples: try a.int("n_samples"), shuffle: try a.bool("shuffle"),
                noise: try a.isNone("noise") ? nil : try a.number("noise"),
                randomState: try a.optionalInt("random_state"))
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
            switch try a["centers"] {
            case .none: centers = .count(3)
            case .number, .int, .bool: centers = .count(try a.int("centers"))
            default: centers = .fixed(try a.tensor("centers"))
            }
            let std: [Double]
            switch try a["cluster_std"] {
            case .number, .int, .bool: std = [try a.number("cluster_std")]
            default: std = try Convert.tensor(try a["cluster_std"], "cluster_std").scalars
            }
            let box = try Convert.tensor(try a["center_box"], "center_box").scalars
            guard box.count == 2 else {
                throw KisoError(
                    .value, "make_blobs: center_box needs two numbers (low, high), got \(box.count)",
                    hint: "e.g. center_box=[-10, 10]")
            }
            let (x, y) = try makeBlobs(
                nSamples: try a.int("n_samples"), nFeatures: try a.int("n_features"), centers: centers, clusterStd: std,
                centerBox: (box[0], box[1]), shuffle: try a.bool("shuffle"),
                randomState: try a.optionalInt("random_state"))
            return .tuple([.tensor(x), .tensor(y)])
        }
    }
}
