import KisoBase

/// Remembers where a learner is in each notebook: the section index, keyed by a name such as the
/// chapter's stem (`01-vectors`).
///
/// The file (`$XDG_STATE_HOME/kiso/progress`) is plain text, one `section<TAB>key` line per notebook
/// under a `# kiso progress 1` header, and is replaced atomically on every change. Lines that do not
/// parse — a corrupt or foreign file — are ignored rather than fatal.
public struct ProgressStore: Sendable {
    /// The file read and written.
    public let path: String
    /// The remembered places.
    public private(set) var places: [String: Int]

    /// The default file: `progress` in Kiso's state directory.
    public static func defaultPath(environment: Environment = .process) -> String {
        FileSystem.join(environment.kisoStateDirectory, "progress")
    }

    /// Loads the store from `path`; a missing or unreadable file gives an empty store.
    public init(path: String) {
        self.path = path
        self.places = [:]
        guard let bytes = try? FileSystem.readBytes(atPath: path) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in splitLines(text) {
            let content = line.content
            if content.hasPrefix("#") { continue }
            guard let tab = content.firstIndex(of: "\t") else { continue }
            let key = String(content[content.index(after: tab)...])
            guard let section = Int(content[..<tab]), section >= 0, !key.isEmpty, !key.contains("\u{FFFD}")
            else { continue }
            places[key] = section
        }
    }

    /// The remembered section for `key`, or nil.
    public func section(for key: String) -> Int? {
        places[ProgressStore.clean(key)]
    }

    /// Remembers `section` for `key` and writes the file atomically, creating its directory.
    public mutating func setSection(_ section: Int, for key: String) throws(FileError) {
        places[ProgressStore.clean(key)] = max(0, section)
        try save()
    }

    /// Forgets `key` and writes the file.
    public mutating func remove(_ key: String) throws(FileError) {
        places[ProgressStore.clean(key)] = nil
        try save()
    }

    private func save() throws(FileError) {
        try FileSystem.createDirectories(atPath: FileSystem.directoryName(of: path))
        var text = "# kiso progress 1\n"
        for key in places.keys.sorted() {
            if let section = places[key] { text += "\(section)\t\(key)\n" }
        }
        try FileSystem.writeAtomically(text, toPath: path, confined: false)
    }

    /// Tabs and line breaks would break the line format.
    private static func clean(_ key: String) -> String {
        String(key.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
