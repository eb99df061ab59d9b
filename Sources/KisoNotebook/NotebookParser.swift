import KisoBase
/// Reads notebook text into cells, outputs and sections, keeping line positions.
struct NotebookParser {
    struct Result {
        let frontMatter: FrontMatter?
        let title: String
        let cells: [Cell]
        let sections: [Section]
        let lines: [TextLine]
    }

    let text: String
    let path: String

    private struct PendingCell {
        let index: Int
        let source: String
        let flags: CellFlags
        let open: Int
        let close: Int
        let sectionIndex: Int
        var output: RecordedOutput?
    }

    private struct SectionBuilder {
        let title: String
        let line: Int
        var items: [SectionItem] = []
        var prose: [Substring] = []

        mutating func flushProse() {
            var start = prose.startIndex
            var end = prose.endIndex
            while start < end, prose[start].trimmingSpaces().isEmpty { start += 1 }
            while end > start, prose[end - 1].trimmingSpaces().isEmpty { end -= 1 }
            if start < end { items.append(.prose(prose[start..<end].joined(separator: "\n"))) }
            prose.removeAll()
        }
    }

    func parse() throws(NotebookError) -> Result {
        let lines = splitLines(text)
        let front = try parseFrontMatter(lines, path: path)
        var index = front?.endLine ?? 0
        var cells: [PendingCell] = []
        var sections: [SectionBuilder] = [SectionBuilder(title: "", line: index + 1)]
        var firstHeadingTitle: String?
        // The cell an ```output block may still attach to: only blank lines have followed it.
        var awaitingOutput: Int?

        while index < lines.count {
            let content = lines[index].content
            if let fence = Fence.opening(content) {
                let block = try scanFence(fence, openedAt: index, in: lines, path: path)
                switch fence.language {
                case "kiso":
                    let flags = try cellFlags(fence, line: index + 1)
                    sections[sections.count - 1].flushProse()
                    let cellIndex = cells.count
                    cells.append(
                        PendingCell(
                            index: cellIndex, source: block.content.joined(separator: "\n"), flags: flags,
                            open: block.open, close: block.close, sectionIndex: sections.count - 1))
                    sections[sections.count - 1].items.append(.cell(cellIndex))
                    awaitingOutput = cellIndex
                case "output":
                    guard let owner = awaitingOutput else {
                        throw NotebookError(
                            path: path, line: index + 1, message: "an ```output block here follows no ```kiso cell",
                            hint: "an output block records what the cell just above it printed; "
                                + "put it right after the cell or delete it")
                    }
                    cells[owner].output = RecordedOutput(
                        text: block.content.joined(separator: "\n"), line: index + 1, openLineIndex: block.open,
                        closeLineIndex: block.close)
                    awaitingOutput = nil
                default:
                    sections[sections.count - 1].prose.append(
                        contentsOf: lines[block.open...block.close].map(\.content))
                    awaitingOutput = nil
                }
                index = block.close + 1
                continue
            }
            if lines[index].isBlank {
                sections[sections.count - 1].prose.append(content)
                index += 1
                continue
            }
            awaitingOutput = nil
            if let heading = atxHeading(content) {
                if heading.level == 1 && firstHeadingTitle == nil { firstHeadingTitle = heading.title }
                if heading.level == 2 {
                    sections[sections.count - 1].flushProse()
                    sections.append(SectionBuilder(title: heading.title, line: index + 1))
                }
            }
            sections[sections.count - 1].prose.append(content)
            index += 1
        }
        sections[sections.count - 1].flushProse()

        let title = front?.frontMatter.title ?? firstHeadingTitle ?? ""
        // The introduction is a step only when it has something to show.
        let dropIntroduction = sections.count > 1 && sections[0].items.isEmpty
        let offset = dropIntroduction ? 1 : 0
        let kept = dropIntroduction ? Array(sections.dropFirst()) : sections
        let finalSections = kept.enumerated().map { position, builder in
            Section(
                index: position, title: position == 0 && !dropIntroduction ? title : builder.title,
                line: builder.line, items: builder.items)
        }
        let finalCells = cells.map { pending in
            Cell(
                index: pending.index, source: pending.source, flags: pending.flags, line: pending.open + 1,
                recordedOutput: pending.output, sectionIndex: max(0, pending.sectionIndex - offset),
                closeLineIndex: pending.close)
        }
        return Result(
            frontMatter: front?.frontMatter, title: title, cells: finalCells, sections: finalSections, lines: lines)
    }

    private func cellFlags(_ fence: Fence, line: Int) throws(NotebookError) -> CellFlags {
        var flags: CellFlags = []
        for word in fence.words.dropFirst() {
            let lowered = word.lowercased()
            guard let known = CellFlags.words.first(where: { $0.word == lowered }) else {
                let names = CellFlags.words.map(\.word).joined(separator: ", ")
                throw NotebookError(
                    path: path, line: line, message: "unknown cell flag `\(word.prefix(40))`",
                    hint: "a ```kiso fence takes the flags \(names)")
            }
            flags.insert(known.flag)
        }
        return flags
    }
}
