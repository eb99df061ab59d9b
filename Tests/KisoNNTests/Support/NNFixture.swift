import Foundation
import KisoTensor

/// Reads the committed reference fixtures in Tests/Fixtures (written by scripts/*.py): JSON whose
/// floats were written with Python's repr, so they parse back bit for bit.
enum NNFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The fixture's top level.
    static func root(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NNFixtureError.malformed(name)
        }
        return root
    }

    /// The fixture's list of cases.
    static func cases(_ name: String) throws -> [[String: Any]] {
        guard let cases = try root(name)["cases"] as? [[String: Any]] else { throw NNFixtureError.malformed(name) }
        return cases
    }

    /// One number, accepting the non-finite spellings.
    static func double(_ any: Any?) -> Double? {
        switch any {
        // Long decimals arrive as NSDecimalNumber, whose doubleValue can be 1 ulp off.
        case let n as NSDecimalNumber: return Double(n.stringValue) ?? n.doubleValue
        case let n as NSNumber: return n.doubleValue
        case let s as String:
            switch s {
            case "nan": return .nan
            case "inf": return .infinity
            case "-inf": return -.infinity
            default: return Double(s)
            }
        default: return nil
        }
    }

    /// A flat list of numbers.
    static func doubles(_ any: Any?) -> [Double] {
        if let list = any as? [Any] { return list.flatMap { doubles($0) } }
        if let d = double(any) { return [d] }
        return []
    }

    /// A tensor from `{"shape": [...], "dtype": "...", "data": [...]}`.
    static func tensor(_ any: Any?) throws -> Tensor {
        guard let dict = any as? [String: Any], let shape = dict["shape"] as? [Int] else {
            throw NNFixtureError.malformed("tensor")
        }
        let dtype: DType
        switch dict["dtype"] as? String ?? "float64" {
        case "bool": dtype = .bool
        case let s where s.hasPrefix("int"): dtype = .int64
        default: dtype = .float64
        }
        return try Tensor(shape: shape, scalars: doubles(dict["data"]), dtype: dtype)
    }
}

enum NNFixtureError: Error {
    case malformed(String)
}

/// The largest |a − b| / (atol + rtol·|b|) over two equal-shaped tensors (∞ for a shape
/// mismatch); ≤ 1 means they agree like numpy.allclose.
func closeness(_ a: Tensor, _ b: Tensor, rtol: Double, atol: Double) -> Double {
    guard a.shape == b.shape else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a.scalars, b.scalars) {
        let score = abs(x - y) / (atol + rtol * abs(y))
        worst = max(worst, score.isNaN ? .infinity : score)
    }
    return worst
}
