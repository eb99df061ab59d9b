import KisoBase
import KisoNotebook

/// What a learner has done in one exercise.
public struct ExerciseProgress: Equatable, Sendable {
    /// Whether a check passed.
    public var done = false
    /// How many times it was checked.
    public var attempts = 0
    /// How many hints were shown.
    public var hints = 0
    /// Whether the model answer was shown.
    public var sawSolution = false

    /// Nothing done yet.
    public init() {}
}

/// The learner's progress through the lessons, kept in `$XDG_STATE_HOME/kiso/lessons`: one line
/// per exercise, `lesson<TAB>exercise<TAB>done attempts hints solution-seen`, and one
/// `lesson<TAB>@<TAB>index` line for the exercise the learner was at. The file is replaced
/// atomically (temporary file, flushed, renamed) on every change, so an interrupted write leaves
/// either the old or the new file whole; lines that do not parse are ignored.
public struct LessonProgress: Sendable {
    /// The file read and written.
    public let path: String
    private var exercises: [String: [String: ExerciseProgress]] = [:]
    private var positions: [String: Int] = [:]

    /// The default file: `lessons` in Kiso's state directory.
    public static func defaultPath(environment: Environment = .process) -> String {
        FileSystem.join(environment.kisoStateDirectory, "lessons")
    }

    /// Loads the progress at `path`; a missing or unreadable file gives none.
    public init(path: String) {
        self.path = path
        guard let bytes = try? FileSystem.readBytes(atPath: path) else { return }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !fields[0].hasPrefix("#"), !fields[0].isEmpty, !fields[1].isEmpty else { continue }
            if fields[1] == "@" {
                if let index = Int(fields[2]), index >= 0 { positions[fields[0]] = index }
                continue
            }
            let numbers = fields[2].split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 4, numbers.allSatisfy({ $0 >= 0 }) else { continue }
            var progress = ExerciseProgress()
            progress.done = numbers[0] != 0
            progress.attempts = numbers[1]
            progress.hints = numbers[2]
            progress.sawSolution = numbers[3] != 0
            exercises[fields[0], default: [:]][fields[1]] = progress
        }
    }

    /// The progress in `exercise` of `lesson` (keys such as `01-vectors` and `cosine`).
    public func progress(lesson: String, exercise: String) -> ExerciseProgress {
        exercises[clean(lesson)]?[clean(exercise)] ?? ExerciseProgress()
    }

    /// The exercise the learner was at in `lesson`.
    public func position(lesson: String) -> Int? {
        positions[clean(lesson)]
    }

    /// Changes one exercise's progress and writes the file.
    public mutating func update(
        lesson: String, exercise: String, _ change: (inout ExerciseProgress) -> Void
    ) throws(FileError) {
        var progress = self.progress(lesson: lesson, exercise: exercise)
        change(&progress)
        exercises[clean(lesson), default: [:]][clean(exercise)] = progress
        try save()
    }

    /// Remembers the exercise the learner is at and writes the file.
    public mutating func setPosition(_ index: Int, lesson: String) throws(FileError) {
        positions[clean(lesson)] = max(0, index)
        try save()
    }

    private func save() throws(FileError) {
        try FileSystem.createDirectories(atPath: FileSystem.directoryName(of: path))
        var text = "# kiso lessons 1: lesson, exercise, then done attempts hints solution-seen\n"
        for lesson in Set(exercises.keys).union(positions.keys).sorted() {
            if let index = positions[lesson] { text += "\(lesson)\t@\t\(index)\n" }
            for (name, p) in (exercises[lesson] ?? [:]).sorted(by: { $0.key < $1.key }) {
                text += "\(lesson)\t\(name)\t\(p.done ? 1 : 0) \(p.attempts) \(p.hints) \(p.sawSolution ? 1 : 0)\n"
            }
        }
        try FileSystem.writeAtomically(text, toPath: path, confined: false)
    }

    /// Tabs and line breaks would break the line format.
    private func clean(_ key: String) -> String {
        String(key.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}

extension Exercise {
    /// The exercise's name in progress files and reports: the function it asks for, else its title.
    public var key: String { functionName ?? title }
}
