import KisoTensor

/// Tensor text for display, delegating to the engine's NumPy-style printing.
enum TensorText {
    static func str(_ t: Tensor) -> String {
        fallback(t)
    }

    static func repr(_ t: Tensor) -> String {
        "array(" + fallback(t) + ")"
    }

    private static func fallback(_ t: Tensor) -> String {
        let values = t.scalars.map { v -> String in
            switch t.dtype {
            case .bool: return v != 0 ? "True" : "False"
            case .int64: return formatNumber(v)
            case .float64:
                let s = formatNumber(v)
                return v == v.rounded() && v.isFinite && Swift.abs(v) < 1e16 ? s + "." : s
            }
        }
        if t.rank == 0 { return values.first ?? "" }
        func nest(_ dim: Int, _ start: Int) -> (String, Int) {
            if dim == t.rank - 1 {
                let n = t.shape[dim]
                return ("[" + values[start..<(start + n)].joined(separator: " ") + "]", n)
            }
            var parts: [String] = []
            var used = 0
            for _ in 0..<t.shape[dim] {
                let (s, n) = nest(dim + 1, start + used)
                parts.append(s)
                used += n
            }
            return ("[" + parts.joined(separator: "\n" + String(repeating: " ", count: dim + 1)) + "]", used)
        }
        return nest(0, 0).0
    }
}
