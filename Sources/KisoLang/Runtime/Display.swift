import KisoBase
import KisoTensor

/// How values read on screen. Numbers print as Python prints them (`3`, `3.0`, `0.1`, `1e-05`,
/// `True`); tensors print as NumPy prints them, keeping their dtype (see docs/language.md,
/// "Display").

/// A float as Python's `repr` shows it: `3.0`, `0.1`, `1e-05`, `inf`, `nan`.
func formatNumber(_ x: Double) -> String {
    formatScalar(x)
}

/// A number that names something (a class id, a count, a bin): whole values without a point.
func formatWhole(_ x: Double) -> String {
    if let n = Int(exactly: x) { return String(n) }
    return formatNumber(x)
}

/// One element of a tensor as its dtype prints it alone: `3` for int64, `3.0` for float64,
/// `True` for bool.
func formatElement(_ x: Double, _ dtype: DType) -> String {
    switch dtype {
    case .bool: return x != 0 ? "True" : "False"
    case .int64: return formatWhole(x)
    case .float64: return formatNumber(x)
    }
}

/// A tensor as NumPy's `str` shows it.
func tensorText(_ t: Tensor) -> String {
    TensorText.str(t)
}

/// A tensor as NumPy's `repr` shows it (inside lists and dicts).
func tensorRepr(_ t: Tensor) -> String {
    TensorText.repr(t)
}

extension Value {
    /// The text `print` writes: strings as they are, except that control characters other than
    /// newline and tab are shown escaped (`\x1b`), so a printed string cannot drive the terminal;
    /// everything else as on echo.
    var printed: String {
        if case .string(let s) = self { return ControlEscapes.escaped(s) }
        return echoed
    }

    /// The text the REPL echoes: strings quoted, containers Python-style.
    var echoed: String {
        if let t = readableTensor { return tensorText(t) }
        switch self {
        case .plot(let p): return p.drawing(PlotDisplay())
        default: return repr
        }
    }

    /// The text inside a container: strings quoted, tensors as `array(…)`, a 0-d tensor as its
    /// number (`[1, 2.5, True]` for the items a loop over a tensor gives, where NumPy 2 would
    /// write `np.int64(1)`: the number is what a learner collecting values expects to see).
    var repr: String { repr(depth: 0) }

    /// ``repr`` of a value `depth` containers down; levels past ``Nesting/limit`` show as `...`.
    func repr(depth: Int) -> String {
        if holdsValues && depth >= Nesting.limit { return "..." }
        let inner = depth + 1
        switch self {
        case .number(let x): return formatNumber(x)
        case .int(let n): return String(n)
        case .tensor(let t): return t.rank == 0 ? formatElement(t.scalar ?? .nan, t.dtype) : tensorRepr(t)
        case .string(let s): return quoteString(s)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "none"
        case .list(let items): return "[" + items.map { $0.repr(depth: inner) }.joined(separator: ", ") + "]"
        case .tuple(let items):
            if items.count == 1 { return "(\(items[0].repr(depth: inner)),)" }
            return "(" + items.map { $0.repr(depth: inner) }.joined(separator: ", ") + ")"
        case .dict(let d):
            return "{"
                + zip(d.keys, d.values).map { "\($0.value.repr(depth: inner)): \($1.repr(depth: inner))" }
                .joined(separator: ", ") + "}"
        case .range(let r):
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case .function(let f):
            return "<function \(f.decl.name)(\(f.decl.parameters.map(\.name).joined(separator: ", ")))>"
        case .builtin(let b): return "<builtin \(b.signature)>"
        case .method(let m): return "<method \(m.builtin.name) of \(m.receiver.kindName)>"
        case .plot(let p): return p.summary
        case .variable(let v): return tensorRepr(v.value)
        case .object(let o): return o.objectType.text(self)
        }
    }
}

/// A string as Python's repr shows it: single quotes unless the text holds one.
func quoteString(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for c in s {
        switch c {
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case "\\": out += "\\\\"
        case quote: out += "\\" + String(c)
        default:
            // Other control characters as Python's repr writes them (`\x1b`).
            if c.unicodeScalars.contains(where: ControlEscapes.needsEscape) {
                out += ControlEscapes.escaped(String(c))
            } else {
                out.append(c)
            }
        }
    }
    out.append(quote)
    return out
}
