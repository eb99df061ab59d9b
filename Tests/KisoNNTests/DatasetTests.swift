import Testing

@testable import KisoNN
@testable import KisoTensor
import KisoTestSupport

/// make_circles, make_moons and make_blobs against scikit-learn's points, bit for bit.
@Suite struct DatasetTests {
    private func generate(_ kind: String, _ p: [String: Any]) throws -> (x: Tensor, y: Tensor) {
        let n = p["n_samples"] as? Int ?? 100
        let shuffle = p["shuffle"] as? Bool ?? true
        let noise = Fixture.double(p["noise"])
        let seed = p["random_state"] as? Int
        switch kind {
        case "circles":
            return try makeCircles(
                nSamples: n, shuffle: shuffle, noise: noise, randomState: seed,
                factor: Fixture.double(p["factor"]) ?? 0.8)
        case "moons":
            return try makeMoons(nSamples: n, shuffle: shuffle, noise: noise, randomState: seed)
        default:
            let centers: BlobCenters
            if let count = p["centers"] as? Int {
                centers = .count(count)
            } else if let rows = p["centers"] as? [[Any]] {
                let values = rows.flatMap { Fixture.doubles($0) }
                centers = .fixed(try Tensor(shape: [rows.count, values.count / rows.count], scalars: values))
            } else {
                centers = .count(3)
            }
            let std = p["cluster_std"].map { Fixture.doubles($0) } ?? [1.0]
            let box = Fixture.doubles(p["center_box"])
            return try makeBlobs(
                nSamples: n, nFeatures: p["n_features"] as? Int ?? 2, centers: centers, clusterStd: std,
                centerBox: box.count == 2 ? (box[0], box[1]) : (-10, 10), shuffle: shuffle, randomState: seed)
        }
    }

    @Test func matchScikitLearn() throws {
        let cases = try Fixture.cases("datasets_sklearn")
        #expect(cases.count == 13)
        for c in cases {
            let kind = c["kind"] as? String ?? ""
            let params = c["params"] as? [String: Any] ?? [:]
            let (x, y) = try generate(kind, params)
            let expectedX = try Fixture.tensor(c["x"])
            let expectedY = try Fixture.tensor(c["y"])
            #expect(x.shape == expectedX.shape, "\(kind) \(params)")
            #expect(x.scalars == expectedX.scalars, "\(kind) \(params)")
            #expect(y.scalars == expectedY.scalars, "\(kind) \(params)")
            #expect(y.dtype == .int64)
        }
    }

    @Test func refusesBadParameters() throws {
        #expect(throws: TensorError.self) { try makeCircles(nSamples: 0) }
        #expect(throws: TensorError.self) { try makeCircles(factor: 1.5) }
        #expect(throws: TensorError.self) { try makeMoons(noise: -1) }
        #expect(throws: TensorError.self) { try makeBlobs(centers: .count(0)) }
        #expect(throws: TensorError.self) { try makeBlobs(centers: .count(3), clusterStd: [1, 2]) }
        #expect(throws: TensorError.self) { try makeBlobs(clusterStd: [-1], randomState: 0) }
        #expect(throws: TensorError.self) { try makeCircles(randomState: -5) }
    }
}
