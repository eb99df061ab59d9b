import KisoBase
import KisoNotebook
import KisoTerminal

/// The chapter list as the banner, `:chapters` and `kiso chapters` show it.
enum ChapterListing {
    /// One line per chapter: `  01  vectors       Vectors and matrices`.
    static func lines(_ catalog: ChapterCatalog, indent: String = "  ") -> [String] {
        let slugWidth = catalog.chapters.map { DisplayWidth.of($0.slug) }.max() ?? 0
        return catalog.chapters.map { chapter in
            let number = chapter.number < 10 ? "0\(chapter.number)" : "\(chapter.number)"
            let slug = DisplayWidth.padded(chapter.slug, to: slugWidth)
            return "\(indent)\(number)  \(slug)  \(chapter.title)"
        }
    }
}
