import KisoBase

/// A chapter notebook found in a directory: `notebooks/01-vectors.md`.
public struct Chapter: Equatable, Sendable {
    /// The number in the file name (`01` → 1).
    public let number: Int
    /// The name after the number: `vectors`.
    public let slug: String
    /// The file name without `.md`: `01-vectors`.
    public let stem: String
    /// The path of the file.
    public let path: String
    /// The title from the front matter or the first `#` heading, else the slug.
    public let title: String
}

/// Why a chapter name could not be resolved.
public struct ChapterLookupError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, naming what was asked for.
    public let message: String
    /// The chapters one might have meant, or the list of chapters.
    public let hint: String?

    /// `message`, and `hint: …` on its own line.
    public var description: String {
        guard let hint else { return message }
        return "\(message)\nhint: \(hint)"
    }
}

/// The chapters in a notebooks directory, and resolution of what a learner types (`01`, `1`,
/// `vectors`, `01-vectors`, or a path) to one of them.
public struct ChapterCatalog: Sendable {
    /// The directory searched.
    public let directory: String
    /// The chapters, ordered by number then name.
    public let chapters: [Chapter]

    /// Lists `NN-slug.md` files in `directory`. A missing directory gives an empty catalog. Each
    /// title is read from its file; an unreadable or malformed file still lists, titled by its slug.
    public init(directory: String) {
        self.directory = directory
        let names = (try? FileSystem.contentsOfDirectory(atPath: directory)) ?? []
        var found: [Chapter] = []
        for name in names {
            guard let parts = ChapterCatalog.chapterName(name) else { continue }
            let path = FileSystem.join(directory, name)
            let title = ChapterCatalog.title(ofFile: path) ?? parts.slug
            found.append(
                Chapter(
                    number: parts.number, slug: parts.slug, stem: String(name.dropLast(3)), path: path, title: title))
        }
        chapters = found.sorted { ($0.number, $0.stem) < ($1.number, $1.stem) }
    }

    /// Splits `01-vectors.md` into 1 and `vectors`; nil for other names.
    public static func chapterName(_ fileName: String) -> (number: Int, slug: String)? {
        guard fileName.hasSuffix(".md") else { return nil }
        let stem = fileName.dropLast(3)
        let digits = stem.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
        let rest = stem.dropFirst(digits.count)
        guard rest.first == "-" else { return nil }
        let slug = rest.dropFirst()
        guard !slug.isEmpty else { return nil }
        return (number, String(slug))
    }

    /// Resolves `01`, `1`, `vectors`, `01-vectors`, `01-vectors.md` or a path to a notebook file. A
    /// path (containing `/` or naming an existing file) is returned as a chapter even when it lies
    /// outside the directory.
    public func resolve(_ name: String) throws(ChapterLookupError) -> Chapter {
        let trimmed = name.trimmingSpaces()
        if trimmed.contains("/") || (trimmed.hasSuffix(".md") && FileSystem.exists(trimmed)) {
            guard FileSystem.exists(trimmed), !FileSystem.isDirectory(trimmed) else {
                throw ChapterLookupError(message: "no notebook file at \(trimmed)", hint: nil)
            }
            let fileName = FileSystem.baseName(of: trimmed)
            let parts = ChapterCatalog.chapterName(fileName)
            let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
            return Chapter(
                number: parts?.number ?? 0, slug: parts?.slug ?? stem, stem: stem, path: trimmed,
                title: ChapterCatalog.title(ofFile: trimmed) ?? stem)
        }
        let key = trimmed.hasSuffix(".md") ? String(trimmed.dropLast(3)) : trimmed
        var matches: [Chapter]
        if !key.isEmpty, key.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let number = Int(key.drop(while: { $0 == "0" })) ?? 0
            matches = chapters.filter { $0.number == number && key.count <= 6 }
        } else {
            matches = chapters.filter { $0.stem == key || $0.slug == key }
            if matches.isEmpty {
                matches = chapters.filter { $0.slug.hasPrefix(key) && !key.isEmpty }
            }
        }
        if matches.count == 1 { return matches[0] }
        let listing = chapters.map { "\($0.stem) (\($0.title))" }.joined(separator: ", ")
        if matches.count > 1 {
            throw ChapterLookupError(
                message: "`\(key)` names more than one chapter: \(matches.map(\.stem).joined(separator: ", "))",
                hint: "type more of the name, or the number")
        }
        if chapters.isEmpty {
            throw ChapterLookupError(message: "no chapter `\(key)`: no notebooks in \(directory)", hint: nil)
        }
        let nearest = chapters.min { editDistance($0.slug, key) < editDistance($1.slug, key) }
        let hint =
            nearest.map { "did you mean \($0.stem)? chapters: \(listing)" } ?? "chapters: \(listing)"
        throw ChapterLookupError(message: "no chapter `\(key)` in \(directory)", hint: hint)
    }

    /// The title of a notebook file without parsing its cells: the front matter's `title:`, else the
    /// first `#` heading. Nil when the file cannot be read or names no title.
    public static func title(ofFile path: String) -> String? {
        guard let text = try? FileSystem.readText(atPath: path) else { return nil }
        let lines = splitLines(text)
        if let front = try? parseFrontMatter(lines, path: path), let title = front.frontMatter.title, !title.isEmpty {
            return title
        }
        var fence: Fence?
        for line in lines {
            if let open = fence {
                if open.isClosed(by: line.content) { fence = nil }
                continue
            }
            if let opening = Fence.opening(line.content) {
                fence = opening
                continue
            }
            if let heading = atxHeading(line.content), heading.level == 1, !heading.title.isEmpty {
                return heading.title
            }
        }
        return nil
    }
}

/// Levenshtein distance, for suggesting the chapter a typo meant.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.prefix(64))
    let b = Array(b.prefix(64))
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
