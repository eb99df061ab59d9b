import Foundation

import KisoTestSupport
@testable import KisoTensor

/// Replays one fixture case of scripts/gen_core_fixtures.py through Kiso's API.
enum CoreOps {
    /// A fixture argument as a tensor, with its view (flip / transpose) applied the way the
    /// generator applied it in NumPy, so strided inputs are exercised.
    static func argument(_ any: Any?) throws -> Tensor? {
        guard let dict = any as? [String: Any] else { return nil }
        var t = try Fixture.tensor(dict)
        if let v = dict["view"] as? [String: Any], let kind = v["kind"] as? String, let axes = v["axes"] as? [Int] {
            t = kind == "flip" ? try t.flipped(axes) : try t.transposed(axes)
        }
        return t
    }

    static func order(_ any: Any?) -> NormOrder? {
        switch any {
        case let s as String:
            switch s {
            case "fro": return .frobenius
            case "nuc": return .nuclear
            case "inf": return .infinity
            case "-inf": return .negativeInfinity
            default: return nil
            }
        case let n as NSNumber: return .p(n.doubleValue)
        default: return nil
        }
    }

    /// Runs `op`; the results as a list (one element for single-result ops).
    static func run(_ op: String, _ args: [Tensor?], _ kw: [String: Any]) throws -> [Tensor] {
        let a = args.first.flatMap { $0 } ?? Tensor(0)
        let b = args.count > 1 ? args[1] ?? Tensor(0) : Tensor(0)
        let axes = kw["axes"] as? [Int]
        let keepdims = kw["keepdims"] as? Bool ?? false
        let axis = kw["axis"] as? Int
        switch op {
        case "exp": return [a.exp()]
        case "log": return [a.log()]
        case "log1p": return [a.log1p()]
        case "log2": return [a.log2()]
        case "log10": return [a.log10()]
        case "expm1": return [a.expm1()]
        case "sqrt": return [a.sqrt()]
        case "abs": return [a.abs()]
        case "sign": return [a.sign()]
        case "sin": return [a.sin()]
        case "cos": return [a.cos()]
        case "tan": return [a.tan()]
        case "arcsin": return [a.arcsin()]
        case "arccos": return [a.arccos()]
        case "arctan": return [a.arctan()]
        case "degrees": return [a.degrees()]
        case "radians": return [a.radians()]
        case "tanh": return [a.tanh()]
        case "sigmoid": return [a.sigmoid()]
        case "erf": return [a.erf()]
        case "floor": return [a.floor()]
        case "ceil": return [a.ceil()]
        case "round": return [a.round(decimals: kw["decimals"] as? Int ?? 0)]
        case "negative": return [a.negated()]
        case "isnan": return [a.isnan()]
        case "isinf": return [a.isinf()]
        case "isfinite": return [a.isfinite()]
        case "logical_not": return [a.logicalNot()]
        case "add": return [try Tensor.add(a, b)]
        case "subtract": return [try Tensor.subtract(a, b)]
        case "multiply": return [try Tensor.multiply(a, b)]
        case "divide": return [try Tensor.divide(a, b)]
        case "power": return [try Tensor.power(a, b)]
        case "mod": return [try Tensor.mod(a, b)]
        case "floor_divide": return [try Tensor.floorDivide(a, b)]
        case "maximum": return [try Tensor.maximum(a, b)]
        case "minimum": return [try Tensor.minimum(a, b)]
        case "equal": return [try Tensor.equal(a, b)]
        case "not_equal": return [try Tensor.notEqual(a, b)]
        case "less": return [try Tensor.less(a, b)]
        case "less_equal": return [try Tensor.lessEqual(a, b)]
        case "greater": return [try Tensor.greater(a, b)]
        case "greater_equal": return [try Tensor.greaterEqual(a, b)]
        case "logical_and": return [try Tensor.logicalAnd(a, b)]
        case "logical_or": return [try Tensor.logicalOr(a, b)]
        case "where":
            return [try Tensor.where(a, b, args[2] ?? Tensor(0))]
        case "clip": return [try a.clip(args[1], args.count > 2 ? args[2] : nil)]
        case "sum": return [try a.sum(axes: axes, keepdims: keepdims)]
        case "mean": return [try a.mean(axes: axes, keepdims: keepdims)]
        case "var": return [try a.variance(axes: axes, ddof: kw["ddof"] as? Int ?? 0, keepdims: keepdims)]
        case "std": return [try a.std(axes: axes, ddof: kw["ddof"] as? Int ?? 0, keepdims: keepdims)]
        case "max": return [try a.max(axes: axes, keepdims: keepdims)]
        case "min": return [try a.min(axes: axes, keepdims: keepdims)]
        case "prod": return [try a.prod(axes: axes, keepdims: keepdims)]
        case "any": return [try a.any(axes: axes, keepdims: keepdims)]
        case "all": return [try a.all(axes: axes, keepdims: keepdims)]
        case "logsumexp": return [try a.logsumexp(axes: axes, keepdims: keepdims)]
        case "argmax": return [try a.argmax(axis: axis)]
        case "argmin": return [try a.argmin(axis: axis)]
        case "cumsum": return [try a.cumsum(axis: axis)]
        case "cumprod": return [try a.cumprod(axis: axis)]
        case "norm": return [try a.norm(order(kw["ord"]), axes: axes, keepdims: keepdims)]
        case "reshape": return [try a.reshaped(kw["shape"] as? [Int] ?? [])]
        case "transpose": return [try a.transposed(kw["axes"] as? [Int])]
        case "squeeze": return [try a.squeezed(axes)]
        case "expand_dims": return [try a.expandingDims(axis ?? 0)]
        case "flatten": return [a.flattened()]
        case "concatenate": return [try Tensor.concatenate(args.compactMap { $0 }, axis: axis ?? 0)]
        case "stack": return [try Tensor.stack(args.compactMap { $0 }, axis: axis ?? 0)]
        case "split":
            if let parts = kw["parts"] as? Int { return try a.split(.parts(parts), axis: axis ?? 0) }
            return try a.split(.indices(kw["indices"] as? [Int] ?? []), axis: axis ?? 0)
        case "tile": return [try a.tiled(kw["reps"] as? [Int] ?? [])]
        case "repeat": return [try a.repeated(kw["repeats"] as? [Int] ?? [], axis: axis)]
        case "flip": return [try a.flipped(axes)]
        case "triu": return [try a.triu(k: kw["k"] as? Int ?? 0)]
        case "tril": return [try a.tril(k: kw["k"] as? Int ?? 0)]
        case "broadcast_to": return [try a.broadcast(to: kw["shape"] as? [Int] ?? [])]
        case "pad":
            let widths = (kw["widths"] as? [[Int]] ?? []).map { ($0[0], $0[1]) }
            let mode = Tensor.PadMode(rawValue: kw["mode"] as? String ?? "constant") ?? .constant
            return [try a.padded(widths, mode: mode, value: Fixture.double(kw["value"]) ?? 0)]
        case "zeros": return [try Tensor.zeros(kw["shape"] as? [Int] ?? [])]
        case "ones": return [try Tensor.ones(kw["shape"] as? [Int] ?? [])]
        case "full": return [try Tensor.full(kw["shape"] as? [Int] ?? [], value: Fixture.double(kw["value"]) ?? 0)]
        case "eye": return [try Tensor.eye(kw["n"] as? Int ?? 0, kw["m"] as? Int, k: kw["k"] as? Int ?? 0)]
        case "arange":
            return [
                try Tensor.arange(
                    Fixture.double(kw["start"]) ?? 0, Fixture.double(kw["stop"]) ?? 0,
                    step: Fixture.double(kw["step"]) ?? 1)
            ]
        case "linspace":
            return [
                try Tensor.linspace(
                    Fixture.double(kw["start"]) ?? 0, Fixture.double(kw["stop"]) ?? 0, num: kw["num"] as? Int ?? 50,
                    endpoint: kw["endpoint"] as? Bool ?? true)
            ]
        case "meshgrid": return try Tensor.meshgrid(args.compactMap { $0 }, indexing: kw["indexing"] as? String ?? "xy")
        default: throw FixtureError.malformed("unknown op \(op)")
        }
    }
}
