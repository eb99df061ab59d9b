import KisoPlot
import KisoTensor

/// What `?name` says about a variable, as IPython's `name?` does: its kind, its shape and dtype,
/// and a short look at its values (min, mean and max for a tensor) — enough to recognise it
/// without printing all of it.
enum ValueSummary {
    /// The widest a shown value may be before it is cut.
    static let previewWidth = 72

    /// `x: tensor float64, shape (3,4), 12 elements` and a line of statistics, for a variable
    /// named `name`.
    static func text(name: String, value: Value) -> String {
        if let t = value.readableTensor { return tensorText(name, t) }
        switch value {
        case .list(let items), .tuple(let items):
            let kinds = Set(items.map(\.shortKind)).sorted()
            let of = kinds.isEmpty ? "" : " of " + kinds.joined(separator: ", ")
            return "\(name): \(value.shortKind), \(counted(items.count, "item"))\(of)\n  " + preview(value)
        case .dict(let d):
            return "\(name): dict, \(counted(d.count, "key"))\n  " + preview(value)
        case .plot(let p):
            return "\(name): plot (\(p.kind))"
        case .string(let s):
            return "\(name): string, \(counted(s.count, "character"))\n  " + preview(value)
        default:
            return "\(name): \(value.shortKind)\n  " + preview(value)
        }
    }

    private static func tensorText(_ name: String, _ t: Tensor) -> String {
        var text = "\(name): tensor \(t.dtype), shape \(formatShape(t.shape)), \(counted(t.count, "element"))"
        let values = t.scalars
        let finite = values.filter(\.isFinite)
        if !finite.isEmpty {
            let mean = finite.reduce(0, +) / Double(finite.count)
            let low = finite.min() ?? 0
            let high = finite.max() ?? 0
            // Six digits, written as Python writes a float (2.0, not 2).
            func short(_ x: Double) -> String {
                let text = NumberFormat.compact(x, significant: 6)
                return text.contains(where: { $0 == "." || $0 == "e" || $0 == "n" }) ? text : text + ".0"
            }
            text += "\n  min \(short(low))  mean \(short(mean))  max \(short(high))"
        }
        let nonFinite = values.count - finite.count
        if nonFinite > 0 {
            let nans = values.filter(\.isNaN).count
            text += (finite.isEmpty ? "\n  " : "  ") + "\(nans) nan, \(nonFinite - nans) inf"
        }
        return text
    }

    private static func preview(_ value: Value) -> String {
        let flat = value.repr.split(separator: "\n").map { line in
            String(line.drop(while: { $0 == " " }))
        }.joined(separator: " ")
        guard flat.count > previewWidth else { return flat }
        return String(flat.prefix(previewWidth - 1)) + "…"
    }

    private static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
