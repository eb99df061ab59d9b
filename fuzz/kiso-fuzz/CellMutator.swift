import Foundation

/// Programs made from the course's own notebooks and lessons: the cells of one file up to a
/// chosen cell (so the names they define exist), with that cell mutated — a number swapped for
/// an extreme one, a span deleted or duplicated, lines swapped, a name replaced, a generated
/// expression spliced in.
struct CellMutator {
    /// Each notebook's or lesson's Kiso cells, in order.
    let files: [[String]]
    let generator: ProgramGenerator

    /// Reads every `notebooks/*.md` and `lessons/*.md` under `root`.
    init(root: String, generator: ProgramGenerator) {
        self.generator = generator
        var files: [[String]] = []
        for folder in ["notebooks", "lessons"] {
            let directory = (root as NSString).appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                guard let text = try? String(contentsOfFile: (directory as NSString).appendingPathComponent(name), encoding: .utf8)
                else { continue }
                let cells = Self.kisoCells(text)
                if !cells.isEmpty { files.append(cells) }
            }
        }
        self.files = files
    }

    /// The bodies of the ```kiso fences of a Markdown file.
    static func kisoCells(_ text: String) -> [String] {
        var cells: [String] = []
        var current: [Substring]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```kiso") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                cells.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return cells
    }

    /// Program `index` of `seed`, or nil when there are no cells to mutate.
    func program(seed: UInt64, index: UInt64) -> String? {
        guard !files.isEmpty else { return nil }
        var c = Choices(seed: seed ^ 0x5EED_CE11, index: index)
        let cells = c.pick(files)
        let target = c.below(cells.count)
        // A prefix of the file's cells, so the mutated cell finds its names defined; long
        // prefixes are cut to keep each program short.
        let prefix = cells[Swift.max(0, target - 6)..<target]
        var cell = cells[target]
        for _ in 0..<(1 + c.below(3)) { cell = mutate(cell, &c) }
        return (prefix + [cell]).joined(separator: "\n")
    }

    private func mutate(_ cell: String, _ c: inout Choices) -> String {
        var scalars = Array(cell.unicodeScalars)
        guard !scalars.isEmpty else { return generator.atom(&c, ProgramGenerator.Context()) }
        switch c.below(7) {
        case 0:
            // A number literal replaced by an extreme one.
            let digits = scalars.indices.filter { scalars[$0].properties.numericType != nil }
            guard let at = digits.isEmpty ? nil : c.pick(digits) else { return cell }
            var end = at
            while end < scalars.count, scalars[end].properties.numericType != nil || scalars[end] == "." { end += 1 }
            let extreme = c.pick(["0", "-1", "2^62", "1e308", "nan", "inf", "1e-320", "10^9", "0.0", "-0"])
            scalars.replaceSubrange(at..<end, with: extreme.unicodeScalars)
        case 1:
            // A span deleted.
            let start = c.below(scalars.count)
            let end = Swift.min(scalars.count, start + 1 + c.below(12))
            scalars.removeSubrange(start..<end)
        case 2:
            // A span duplicated.
            let start = c.below(scalars.count)
            let end = Swift.min(scalars.count, start + 1 + c.below(20))
            scalars.insert(contentsOf: scalars[start..<end], at: end)
        case 3:
            var lines = cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.count > 1 { lines.swapAt(c.below(lines.count), c.below(lines.count)) }
            return lines.joined(separator: "\n")
        case 4:
            // A name replaced by a builtin's.
            let name = c.pick(generator.builtins).name
            let words = cell.split(whereSeparator: { !$0.isLetter && $0 != "_" }).map(String.init)
            guard let word = words.isEmpty ? nil : c.pick(words) else { return cell }
            return cell.replacingOccurrences(of: word, with: name)
        case 5:
            // A generated expression spliced in at a random place.
            let at = c.below(scalars.count + 1)
            let inserted = generator.expression(&c, ProgramGenerator.Context(), depth: 2)
            scalars.insert(contentsOf: inserted.unicodeScalars, at: at)
        default:
            // A random byte, as a corrupted file would have.
            let at = c.below(scalars.count + 1)
            let scalar = Unicode.Scalar(UInt8(truncatingIfNeeded: c.next()))
            scalars.insert(scalar, at: at)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
