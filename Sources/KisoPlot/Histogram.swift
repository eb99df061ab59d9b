import Glibc

/// How a histogram divides its range.
public enum HistogramBins: Sendable, Equatable {
    /// Sturges' rule, ⌈log₂ n⌉ + 1 bins, widened to a 1-2-5 bin width with edges on multiples of it.
    case sturges
    /// This many equal bins from the minimum to the maximum (clamped to 1...200).
    case count(Int)
    /// These edges (sorted, duplicates and non-finite ones dropped); values outside are noted.
    case edges([Double])
}

extension Plot {
    /// A histogram drawn as horizontal bars, one per bin labelled `[low, high)` (the last bin
    /// closed), with the count at each bar's end.
    public static func histogram(_ values: [Double], bins: HistogramBins = .sturges, title: String? = nil) -> Plot {
        let finite = values.filter(\.isFinite)
        var notes: [String] = []
        if let note = skippedNote(values.count - finite.count, noun: "value") { notes.append(note) }
        var edges = Histogram.edges(finite, bins: bins)
        if edges.count < 2 {
            notes.append("fewer than two usable bin edges; using Sturges' rule")
            edges = Histogram.edges(finite, bins: .sturges)
        }
        let (counts, outside) = Histogram.counts(finite, edges: edges)
        if outside > 0 { notes.append("\(outside) value\(outside == 1 ? "" : "s") outside the bin edges") }
        let labels = Histogram.labels(edges)
        var data = BarData(
            labels: labels, values: counts.map(Double.init), valueTexts: counts.map(String.init), color: nil)
        data.notes = notes
        return Plot(.bars(data), title: title)
    }
}

/// Bin edges, counts and labels for histograms.
enum Histogram {
    static let maximumBins = 200

    static func edges(_ values: [Double], bins: HistogramBins) -> [Double] {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if !(high - low).isFinite {
            return [low, high]
        }
        if high <= low {
            low -= 0.5
            high += 0.5
        }
        switch bins {
        case .edges(let given):
            var sorted = given.filter(\.isFinite).sorted()
            var unique: [Double] = []
            for edge in sorted where unique.last != edge { unique.append(edge) }
            sorted = unique
            return sorted
        case .count(let requested):
            let count = Swift.min(maximumBins, Swift.max(1, requested))
            return (0...count).map { i in
                i == count ? high : low + (high - low) * Double(i) / Double(count)
            }
        case .sturges:
            let target = Int(ceil(log2(Double(Swift.max(1, values.count))))) + 1
            let step = Ticks.niceStep(span: high - low, target: target)
            let start = floor(low / step) * step
            var count = Int(saturating: ceil((high - start) / step - 1e-9))
            count = Swift.min(maximumBins, Swift.max(1, count))
            return (0...count).map { start + Double($0) * step }
        }
    }

    /// The count in each bin `[edges[i], edges[i+1])`, the last closed, and how many fell outside.
    static func counts(_ values: [Double], edges: [Double]) -> ([Int], Int) {
        guard edges.count >= 2 else { return ([], values.count) }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        var outside = 0
        for value in values {
            guard let first = edges.first, let last = edges.last, value >= first, value <= last else {
                outside += 1
                continue
            }
            var low = 0
            var high = edges.count - 1
            while high - low > 1 {
                let middle = (low + high) / 2
                if value < edges[middle] { high = middle } else { low = middle }
            }
            counts[low] += 1
        }
        return (counts, outside)
    }

    static func labels(_ edges: [Double]) -> [String] {
        guard edges.count >= 2 else { return [] }
        var smallest = Double.infinity
        for i in 1..<edges.count { smallest = Swift.min(smallest, edges[i] - edges[i - 1]) }
        let texts = edges.map { Ticks.label($0, step: smallest) }
        let lowWidth = texts.dropLast().reduce(0) { Swift.max($0, $1.count) }
        let highWidth = texts.dropFirst().reduce(0) { Swift.max($0, $1.count) }
        return (0..<(edges.count - 1)).map { i in
            let close = i == edges.count - 2 ? "]" : ")"
            return "[" + TextLayout.padLeft(texts[i], to: lowWidth) + ", "
                + TextLayout.padLeft(texts[i + 1], to: highWidth) + close
        }
    }
}
