import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// Shared readers and checks for the linear-algebra fixtures (scripts/gen_linalg_fixtures.py).
enum LinalgFixture {
    /// An operand: a plain fixture tensor, or a strided view rebuilt from
    /// `{"base", "shape", "strides", "offset"}` so non-contiguous inputs reach the kernels as views.
    static func operand(_ any: Any?) throws -> Tensor {
        guard let dict = any as? [String: Any] else { throw FixtureError.malformed("operand") }
        guard let baseJSON = dict["base"] else { return try Fixture.tensor(dict) }
        let base = try Fixture.tensor(baseJSON)
        guard let shape = dict["shape"] as? [Int], let strides = dict["strides"] as? [Int],
            let offset = dict["offset"] as? Int
        else { throw FixtureError.malformed("view") }
        let view = Tensor(
            view: base.storage, shape: shape, strides: strides, offset: offset, dtype: base.dtype)
        #expect(!view.isContiguous, "a fixture view should exercise the strided path")
        return view
    }

    /// The case's `note`, for failure messages.
    static func label(_ c: [String: Any]) -> String {
        "\(c["op"] ?? "?"): \(c["note"] ?? "")"
    }
}

/// Expects `body` to throw a `TensorError` of `kind` whose message contains `contains` (and
/// whose hint contains `hint`, when given).
func expectTensorError(
    _ kind: TensorError.Kind, contains: String, hint: String? = nil, _ label: String,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("\(label): expected a \(kind) error containing \"\(contains)\"")
    } catch let error as TensorError {
        #expect(error.kind == kind, "\(label): \(error)")
        #expect(error.message.contains(contains), "\(label): message was \"\(error.message)\"")
        if let hint {
            #expect(error.hint?.contains(hint) == true, "\(label): hint was \(error.hint ?? "nil")")
        }
    } catch {
        Issue.record("\(label): unexpected error \(error)")
    }
}

/// A row-major matrix helper for the reconstruction checks: element (i, j) of the last two
/// dimensions of matrix `m` in a stack of `rows`×`cols` matrices.
struct MatrixStackView {
    let values: [Double]
    let rows: Int
    let cols: Int
    subscript(_ m: Int, _ i: Int, _ j: Int) -> Double { values[m * rows * cols + i * cols + j] }
}
