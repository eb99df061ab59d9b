/// Lays a tensor's formatted elements out in nested brackets, wrapping long rows and eliding
/// the middle of long axes: NumPy's `_formatArray` and `_leading_trailing`.
struct ArrayLayout {
    let tensor: Tensor
    let formatter: ElementFormatter
    let lineWidth: Int
    let separator: String
    let edgeItems: Int
    let summarise: Bool

    /// The positions along an axis of `size` that a summary keeps (all of them otherwise).
    ///
    /// NumPy slices `[:edge]` and `[-edge:]`; with `edge == 0` the second slice is the whole axis,
    /// which is mirrored so the widths agree with NumPy's.
    static func keptPositions(size: Int, edgeItems: Int, summarise: Bool) -> [Int] {
        guard summarise && size > 2 * edgeItems else { return Array(0..<size) }
        let tail = edgeItems == 0 ? 0 : size - edgeItems
        return Array(0..<edgeItems) + Array(tail..<size)
    }

    /// The elements that will be shown, in row-major order; the formatter sizes columns from
    /// these alone, as NumPy's does.
    static func shownValues(of tensor: Tensor, edgeItems: Int, summarise: Bool) -> [Double] {
        let kept = tensor.shape.map {
            keptPositions(size: $0, edgeItems: edgeItems, summarise: summarise)
        }
        if kept.contains(where: { $0.isEmpty }) { return [] }
        var values: [Double] = []
        var counter = [Int](repeating: 0, count: kept.count)
        while true {
            var position = tensor.offset
            for axis in 0..<kept.count {
                position += kept[axis][counter[axis]] * tensor.strides[axis]
            }
            values.append(tensor.storage[position])
            var axis = kept.count - 1
            while axis >= 0 {
                counter[axis] += 1
                if counter[axis] < kept[axis].count { break }
                counter[axis] = 0
                axis -= 1
            }
            if axis < 0 { return values }
        }
    }

    /// The whole tensor as text; `nextLinePrefix` is the indent of continuation lines.
    func render(nextLinePrefix: String) -> String {
        var index: [Int] = []
        return recurse(index: &index, hangingIndent: nextLinePrefix, width: lineWidth)
    }

    private func element(at index: [Int]) -> Double {
        var position = tensor.offset
        for axis in 0..<index.count { position += index[axis] * tensor.strides[axis] }
        return tensor.storage[position]
    }

    private func recurse(index: inout [Int], hangingIndent: String, width: Int) -> String {
        let axis = index.count
        let axesLeft = tensor.shape.count - axis
        if axesLeft == 0 { return formatter.format(element(at: index)) }

        // Nested rows sit one column right of their `[` and leave room for the `]`.
        let nextIndent = hangingIndent + " "
        let nextWidth = width - 1
        let size = tensor.shape[axis]
        let showSummary = summarise && 2 * edgeItems < size
        let leading = showSummary ? edgeItems : 0
        let trailing = showSummary ? edgeItems : size

        func child(_ position: Int) -> String {
            index.append(position)
            defer { index.removeLast() }
            return recurse(index: &index, hangingIndent: nextIndent, width: nextWidth)
        }

        var text = ""
        if axesLeft == 1 {
            let trimmedSeparator = Self.trimTrailingSpaces(separator)
            let elementWidth = width - Swift.max(trimmedSeparator.unicodeScalars.count, 1)
            var line = hangingIndent
            for i in 0..<leading {
                extendLine(&text, &line, word: child(i), width: elementWidth, nextLinePrefix: hangingIndent)
                line += separator
            }
            if showSummary {
                extendLine(&text, &line, word: "...", width: elementWidth, nextLinePrefix: hangingIndent)
                line += separator
            }
            var back = trailing
            while back > 1 {
                extendLine(
                    &text, &line, word: child(size - back), width: elementWidth, nextLinePrefix: hangingIndent
                )
                line += separator
                back -= 1
            }
            extendLine(
                &text, &line, word: child(size - 1), width: elementWidth, nextLinePrefix: hangingIndent)
            text += line
        } else {
            // Blank lines between blocks grow with the depth of what they separate.
            let lineSeparator =
                Self.trimTrailingSpaces(separator) + String(repeating: "\n", count: axesLeft - 1)
            for i in 0..<leading {
                text += hangingIndent + child(i) + lineSeparator
            }
            if showSummary {
                text += hangingIndent + "..." + lineSeparator
            }
            var back = trailing
            while back > 1 {
                text += hangingIndent + child(size - back) + lineSeparator
                back -= 1
            }
            text += hangingIndent + child(size - 1)
        }
        // The first line carries the hanging indent too; swap it for the bracket.
        return "[" + String(text.unicodeScalars.dropFirst(hangingIndent.unicodeScalars.count)) + "]"
    }

    /// Appends `word` to `line`, first moving to a new line when it would pass `width` (unless
    /// the line holds nothing but its indent, where wrapping would not help). Elements never
    /// span lines, so NumPy's multi-line variant reduces to this.
    private func extendLine(
        _ text: inout String, _ line: inout String, word: String, width: Int, nextLinePrefix: String
    ) {
        let lineLength = line.unicodeScalars.count
        var needsWrap = lineLength + word.unicodeScalars.count > width
        if lineLength <= nextLinePrefix.unicodeScalars.count { needsWrap = false }
        if needsWrap {
            text += Self.trimTrailingSpaces(line) + "\n"
            line = nextLinePrefix
        }
        line += word
    }

    /// `text` without trailing whitespace, like Python's `rstrip()`.
    static func trimTrailingSpaces(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == " " || last == "\n" || last == "\t" || last == "\r" {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
