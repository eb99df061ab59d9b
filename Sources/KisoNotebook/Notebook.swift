import KisoBase

/// A chapter notebook: Markdown prose, ```` ```kiso ```` cells and their recorded ```` ```output ````
/// blocks, divided into sections by `##` headings.
///
/// The notebook keeps its original text, so ``text`` reproduces the file byte for byte, and
/// recording new outputs (``recordingOutputs(_:)``) changes nothing but output blocks.
public struct Notebook: Sendable {
    /// The file the notebook came from, as the caller named it; used in messages.
    public let path: String
    /// The file's text, exactly.
    public let text: String
    /// The metadata block, when the file has one.
    public let frontMatter: FrontMatter?
    /// The title: the front matter's `title:`, else the first `#` heading, else empty.
    public let title: String
    /// Every cell, in file order.
    public let cells: [Cell]
    /// The steps of the step-through screen: the introduction before the first `##` heading (when it
    /// has any text), then one section per `##` heading.
    public let sections: [Section]

    let lines: [TextLine]

    /// Parses notebook text; `path` is used only in messages.
    public init(text: String, path: String = "") throws(NotebookError) {
        let parsed = try NotebookParser(text: text, path: path).parse()
        self.path = path
        self.text = text
        self.frontMatter = parsed.frontMatter
        self.title = parsed.title
        self.cells = parsed.cells
        self.sections = parsed.sections
        self.lines = parsed.lines
    }

    /// Reads and parses the notebook at `path`.
    public init(contentsOfFile path: String) throws(NotebookLoadError) {
        let text: String
        do { text = try FileSystem.readText(atPath: path) } catch { throw .file(error) }
        do { try self.init(text: text, path: path) } catch { throw .parse(error) }
    }

    /// The cells that run before section `index` begins, in order: replaying them rebuilds the
    /// environment when a learner resumes in the middle of a notebook.
    public func cells(before sectionIndex: Int) -> [Cell] {
        guard sectionIndex > 0 else { return [] }
        let bound = min(sectionIndex, sections.count)
        return sections[0..<bound].flatMap { section in section.cellIndices.map { cells[$0] } }
    }
}

/// Why a notebook file could not be loaded.
public enum NotebookLoadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// It could not be read.
    case file(FileError)
    /// It was read but is malformed.
    case parse(NotebookError)

    /// The underlying error's message.
    public var description: String {
        switch self {
        case .file(let error): error.description
        case .parse(let error): error.description
        }
    }
}

/// One ```` ```kiso ```` cell.
public struct Cell: Equatable, Sendable {
    /// Position among the notebook's cells, from 0.
    public let index: Int
    /// The code, without the fences and without a trailing newline.
    public let source: String
    /// The flags after `kiso` on the fence line.
    public let flags: CellFlags
    /// 1-based line of the opening fence.
    public let line: Int
    /// 1-based line of the first line of code.
    public var sourceLine: Int { line + 1 }
    /// The output recorded in the ```` ```output ```` block after the cell, if there is one.
    public let recordedOutput: RecordedOutput?
    /// The section the cell belongs to.
    public let sectionIndex: Int

    /// Position among the notebook's cells, from 1, as messages count them.
    public var number: Int { index + 1 }

    /// Index of the closing fence line in the file, from 0.
    let closeLineIndex: Int
}

/// The flags of a cell: ```` ```kiso setup ````, `nocheck`, `error`.
public struct CellFlags: OptionSet, Hashable, Sendable {
    /// The flag bits.
    public let rawValue: Int

    /// Creates flags from bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Runs, is never shown, its output is never compared: preparation the learner need not type.
    public static let setup = CellFlags(rawValue: 1)
    /// Runs and is shown; its output is not compared (and not recorded).
    public static let nocheck = CellFlags(rawValue: 2)
    /// Expected to fail; its recorded output is the error message.
    public static let error = CellFlags(rawValue: 4)

    /// The flag words the parser accepts, with their meaning.
    public static let words: [(word: String, flag: CellFlags)] = [
        ("setup", .setup), ("nocheck", .nocheck), ("error", .error),
    ]
}

/// An ```` ```output ```` block recorded after a cell.
public struct RecordedOutput: Equatable, Sendable {
    /// The block's text: its lines joined with `\n`, without a trailing newline.
    public let text: String
    /// 1-based line of the opening fence.
    public let line: Int

    /// Indices of the opening and closing fence lines, from 0.
    let openLineIndex: Int
    let closeLineIndex: Int
}

/// A step of the step-through screen.
public struct Section: Equatable, Sendable {
    /// Position among the sections, from 0.
    public let index: Int
    /// The `##` heading's text; for the introduction, the notebook's title.
    public let title: String
    /// 1-based line of the heading, or of the section's first line for the introduction.
    public let line: Int
    /// Prose and cells in order. Setup cells are included (the screen runs them without showing
    /// them); output blocks are not, since they are what the screen produces by running the cell.
    public let items: [SectionItem]

    /// The indices of the section's cells, in order.
    public var cellIndices: [Int] {
        items.compactMap { item in
            if case .cell(let index) = item { return index }
            return nil
        }
    }
}

/// A piece of a section.
public enum SectionItem: Equatable, Sendable {
    /// Markdown text (a `##` heading, when it opens the section, is part of the first prose item).
    case prose(String)
    /// The cell at this index of ``Notebook/cells``.
    case cell(Int)
}
