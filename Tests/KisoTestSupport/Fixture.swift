import Foundation
import KisoTensor

/// Reads the committed reference fixtures in Tests/Fixtures (written by scripts/*.py); shared by
/// every test target that compares with a reference.
///
/// Fixtures are JSON. Floats are written with Python's repr, so they parse back bit for bit;
/// non-finite values are the strings "nan", "inf" and "-inf".
public enum Fixture {
    /// Tests/Fixtures.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The parsed JSON of `Tests/Fixtures/<name>.json`.
    public static func load(_ name: String) throws -> Any {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try JSONSerialization.jsonObject(with: data)
    }

    /// The fixture's top level as a dictionary.
    public static func root(_ name: String) throws -> [String: Any] {
        guard let root = try load(name) as? [String: Any] else { throw FixtureError.malformed(name) }
        return root
    }

    /// The fixture's top level as a list of case dictionaries.
    public static func cases(_ name: String) throws -> [[String: Any]] {
        guard let list = try load(name) as? [String: Any], let cases = list["cases"] as? [[String: Any]] else {
            throw FixtureError.malformed(name)
        }
        return cases
    }

    /// One number, accepting the non-finite spellings.
    public static func double(_ any: Any?) -> Double? {
        switch any {
        // JSONSerialization on Linux reads long decimals as NSDecimalNumber, whose doubleValue
        // can be 1 ulp off; parsing its exact decimal text keeps values bit for bit.
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

    /// A flat list of numbers from a (possibly nested) JSON array, row-major.
    public static func doubles(_ any: Any?) -> [Double] {
        if let list = any as? [Any] { return list.flatMap { doubles($0) } }
        if let d = double(any) { return [d] }
        return []
    }

    /// A tensor from `{"shape": [...], "data": [...], "dtype": "..."}`.
    public static func tensor(_ any: Any?) throws -> Tensor {
        guard let dict = any as? [String: Any], let shape = dict["shape"] as? [Int] else {
            throw FixtureError.malformed("tensor")
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

/// A fixture that is not shaped as its reader expects.
public enum FixtureError: Error {
    /// What was being read.
    case malformed(String)
}

/// Whether two values agree: both NaN, equal infinities, or within `rtol`/`atol` like
/// `numpy.allclose`.
public func close(_ a: Double, _ b: Double, rtol: Double = 1e-12, atol: Double = 1e-12) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= atol + rtol * abs(b)
}

/// The first position where two tensors differ in shape or value, described for a failure
/// message; nil when they agree.
public func mismatch(_ actual: Tensor, _ expected: Tensor, rtol: Double = 1e-12, atol: Double = 1e-12) -> String? {
    if actual.shape != expected.shape {
        return "shape \(actual.shape) != expected \(expected.shape)"
    }
    let a = actual.scalars
    let e = expected.scalars
    for i in 0..<a.count where !close(a[i], e[i], rtol: rtol, atol: atol) {
        return "element \(i): \(a[i]) != expected \(e[i])"
    }
    return nil
}
