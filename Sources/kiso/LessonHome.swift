import KisoBase
import KisoLesson
import KisoNotebook

/// Finds the lessons: `lessons/` beside the chapters' `notebooks/` directory, and opens one with
/// the chapter it names.
struct LessonHome {
    /// Where the chapters are.
    let notebooks: NotebookHome
    /// The lessons directory, when the chapters were found.
    let directory: String?

    /// Looks beside the chapters found by ``NotebookHome/locate(environment:)``.
    static func locate() -> LessonHome {
        let notebooks = NotebookHome.locate()
        let directory = notebooks.directory.map { FileSystem.join(FileSystem.directoryName(of: $0), "lessons") }
        return LessonHome(notebooks: notebooks, directory: directory.flatMap { FileSystem.isDirectory($0) ? $0 : nil })
    }

    /// The lessons, as a catalog (lesson files are named like chapters: `01-vectors.md`).
    var catalog: ChapterCatalog {
        ChapterCatalog(directory: directory ?? "lessons")
    }

    /// A lesson opened for checking: the file's entry, the parsed lesson and its chapter.
    struct Opened {
        /// The lesson's catalog entry (its stem keys the progress file).
        let entry: Chapter
        /// The parsed lesson.
        let lesson: Lesson
        /// The chapter whose state the exercises start from, when the lesson names one.
        let chapter: Notebook?
    }

    /// Why a lesson could not be opened: it does not exist (a usage error) or does not parse.
    enum OpenError: Error {
        case notFound(String)
        case invalid(String)
    }

    /// Resolves `name` (`01`, `vectors`, `01-vectors` or a path) and reads the lesson and its chapter.
    func open(_ name: String) throws(OpenError) -> Opened {
        let entry: Chapter
        do { entry = try catalog.resolve(name) } catch {
            var message = error.description.replacingChapterWords()
            if directory == nil { message += "\nno lessons directory found beside the chapters" }
            throw .notFound(message)
        }
        let lesson: Lesson
        do { lesson = try Lesson(contentsOfFile: entry.path) } catch {
            switch error {
            case .file: throw .notFound(error.description)
            case .parse: throw .invalid(error.description)
            }
        }
        var chapter: Notebook?
        if let stem = lesson.notebook {
            let found: Chapter
            do { found = try notebooks.catalog.resolve(stem) } catch {
                throw .invalid("\(entry.path): its notebook `\(stem)` is not a chapter: \(error.description)")
            }
            do { chapter = try Notebook(contentsOfFile: found.path) } catch { throw .invalid(error.description) }
        }
        return Opened(entry: entry, lesson: lesson, chapter: chapter)
    }

    /// The lesson whose file has the chapter's stem, when there is one.
    func lesson(forChapter stem: String) -> Chapter? {
        catalog.chapters.first { $0.stem == stem }
    }
}

extension String {
    /// The catalog's messages speak of chapters; for lessons they should speak of lessons.
    fileprivate func replacingChapterWords() -> String {
        var text = self
        for (from, to) in [("chapters", "lessons"), ("chapter", "lesson"), ("notebook", "lesson")] {
            text = text.replacing(from, with: to)
        }
        return text
    }
}
