/// A line diff (longest common subsequence) and its unified-diff rendering.
public enum LineDiff {
    /// One step of turning the old lines into the new ones.
    public enum Edit: Equatable, Sendable {
        /// A line in both.
        case same(String)
        /// A line only in the old text.
        case removed(String)
        /// A line only in the new text.
        case added(String)
    }

    /// Above this many comparisons the middle of the texts is reported as replaced wholesale rather
    /// than aligned line by line, which bounds time and memory on huge outputs.
    public static let maximumTableSize = 4_000_000

    /// The edits turning `old` into `new`: common lines kept, the rest removed then added.
    public static func edits(from old: [String], to new: [String]) -> [Edit] {
        // Common prefix and suffix need no table, and are most of a typical output diff.
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let oldMiddle = Array(old[prefix..<(old.count - suffix)])
        let newMiddle = Array(new[prefix..<(new.count - suffix)])
        var result = old[0..<prefix].map(Edit.same)
        result += middleEdits(oldMiddle, newMiddle)
        result += old[(old.count - suffix)...].map(Edit.same)
        return result
    }

    private static func middleEdits(_ old: [String], _ new: [String]) -> [Edit] {
        let rows = old.count
        let columns = new.count
        let table = rows.multipliedReportingOverflow(by: columns)
        if rows == 0 || columns == 0 || table.overflow || table.partialValue > maximumTableSize {
            return old.map(Edit.removed) + new.map(Edit.added)
        }
        // lengths[i][j]: the longest common subsequence of old[i...] and new[j...].
        let width = columns + 1
        var lengths = [Int32](repeating: 0, count: (rows + 1) * width)
        for i in stride(from: rows - 1, through: 0, by: -1) {
            for j in stride(from: columns - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    old[i] == new[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < rows && j < columns {
            if old[i] == new[j] {
                edits.append(.same(old[i]))
                i += 1
                j += 1
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                edits.append(.removed(old[i]))
                i += 1
            } else {
                edits.append(.added(new[j]))
                j += 1
            }
        }
        edits += old[i...].map(Edit.removed)
        edits += new[j...].map(Edit.added)
        return edits
    }

    /// A unified diff of `old` against `new` with `context` lines around each change: a
    /// `--- oldLabel` / `+++ newLabel` header, then `@@ -a,b +c,d @@` hunks. Empty when equal.
    public static func unified(
        from old: [String], to new: [String], oldLabel: String, newLabel: String, context: Int = 3
    ) -> String {
        let edits = edits(from: old, to: new)
        let changed = edits.indices.filter {
            if case .same = edits[$0] { return false }
            return true
        }
        guard let firstChange = changed.first else { return "" }
        let context = max(0, context)
        // Group changes whose context windows touch into one hunk.
        var hunks: [Range<Int>] = []
        var start = max(0, firstChange - context)
        var end = min(edits.count, firstChange + context + 1)
        for index in changed.dropFirst() {
            if index - context <= end {
                end = min(edits.count, index + context + 1)
            } else {
                hunks.append(start..<end)
                start = max(0, index - context)
                end = min(edits.count, index + context + 1)
            }
        }
        hunks.append(start..<end)

        // Line numbers where each edit sits in the old and new texts.
        var oldLine = [Int](repeating: 0, count: edits.count + 1)
        var newLine = [Int](repeating: 0, count: edits.count + 1)
        for (index, edit) in edits.enumerated() {
            oldLine[index + 1] = oldLine[index]
            newLine[index + 1] = newLine[index]
            switch edit {
            case .same:
                oldLine[index + 1] += 1
                newLine[index + 1] += 1
            case .removed: oldLine[index + 1] += 1
            case .added: newLine[index + 1] += 1
            }
        }
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks {
            let oldCount = oldLine[hunk.upperBound] - oldLine[hunk.lowerBound]
            let newCount = newLine[hunk.upperBound] - newLine[hunk.lowerBound]
            // An empty side names the line before the change, as diff(1) does.
            let oldStart = oldCount == 0 ? oldLine[hunk.lowerBound] : oldLine[hunk.lowerBound] + 1
            let newStart = newCount == 0 ? newLine[hunk.lowerBound] : newLine[hunk.lowerBound] + 1
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for edit in edits[hunk] {
                switch edit {
                case .same(let line): output += " \(line)\n"
                case .removed(let line): output += "-\(line)\n"
                case .added(let line): output += "+\(line)\n"
                }
            }
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
