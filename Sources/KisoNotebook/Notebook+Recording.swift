extension Notebook {
    /// The notebook's text with new outputs recorded; nothing but output blocks changes.
    ///
    /// `outputs` maps cell indices to what the cells printed. For each such cell: when the output is
    /// the same as the recorded one (compared as ``OutputText`` does) the block is left exactly as it
    /// is; a different output replaces the block's lines; a cell without a block gets one, after a
    /// blank line; and an empty output is recorded as no block, so an existing block is removed
    /// together with the blank lines before it. Cells not in `outputs` keep their blocks.
    public func recordingOutputs(_ outputs: [Int: String]) -> String {
        let newline = lineTerminator(of: lines)
        var edits: [(range: Range<Int>, replacement: String)] = []
        for cell in cells {
            guard let output = outputs[cell.index] else { continue }
            let newLines = OutputText.lines(output)
            if let recorded = cell.recordedOutput {
                if OutputText.lines(recorded.text) == newLines { continue }
                if newLines.isEmpty {
                    edits.append((cell.closeLineIndex + 1..<recorded.closeLineIndex + 1, ""))
                } else {
                    edits.append(
                        (recorded.openLineIndex..<recorded.closeLineIndex + 1, outputBlock(newLines, newline)))
                }
            } else if !newLines.isEmpty {
                let after = cell.closeLineIndex + 1
                var insertion = newline + outputBlock(newLines, newline)
                // The closing fence may be the file's last line, without a terminator.
                if !lines[cell.closeLineIndex].raw.hasSuffix("\n") { insertion = newline + insertion }
                if after < lines.count && !lines[after].isBlank { insertion += newline }
                edits.append((after..<after, insertion))
            }
        }
        if edits.isEmpty { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 256)
        var position = 0
        for edit in edits {
            for index in position..<edit.range.lowerBound { result += lines[index].raw }
            result += edit.replacement
            position = edit.range.upperBound
        }
        for index in position..<lines.count { result += lines[index].raw }
        return result
    }

    private func outputBlock(_ outputLines: [String], _ newline: String) -> String {
        // A fence longer than any backtick run that starts a line of the output keeps it intact.
        let longestRun =
            outputLines.map { line in
                line.drop(while: { $0 == " " }).prefix(while: { $0 == "`" }).count
            }.max() ?? 0
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        var block = fence + "output" + newline
        for line in outputLines { block += line + newline }
        return block + fence + newline
    }
}
