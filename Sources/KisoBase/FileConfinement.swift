extension FileSystem {
    /// Where the program being run may read and write files: nil (the REPL, `kiso -e`, whose
    /// code the learner types) means anywhere.
    ///
    /// A script, a notebook or a lesson was written by someone else and may be untrusted, so it
    /// reads files only under its own folder and the working folder, and writes only under the
    /// working folder: `read_text("../../etc/passwd")` in a downloaded notebook is refused, and
    /// so is a tokeniser saved over a file in the learner's home. `kiso run`, `kiso step`, a
    /// script, `kiso lesson` and `kiso check` set it before running anything; the learner's own
    /// commands (`:load`, `:save`) are not confined.
    ///
    /// Writes are checked in ``writeAtomically(_:toPath:confined:)-(String,_,_)``, the one
    /// writer, so every file a program can save passes here; reads in ``checkRead(_:)``, which
    /// every builtin that opens a file calls. Set once per program, before it starts.
    nonisolated(unsafe) public static var confinement: Confinement? = nil

    /// The folders a program may read from and the one it may write in.
    public struct Confinement: Sendable, Equatable {
        /// Folders (with everything below them) that may be read.
        public var readable: [String]
        /// The folder (with everything below it) that may be written in.
        public var writable: String
        /// What the folders are, for error messages: "this notebook's folder".
        public var programFolderName: String

        /// Confinement for a program from `folders` (a notebook's, script's or lesson's folder;
        /// a lesson also reads its chapter's), run from the working folder `.`; `name` says
        /// what the folders are.
        public init(programFolders folders: [String], name: String) {
            readable = folders.map { $0.isEmpty ? "." : $0 } + ["."]
            writable = "."
            programFolderName = name
        }
    }

    /// Throws unless the program being run may read `path` (see ``confinement``). A symbolic
    /// link is judged by the file it leads to.
    public static func checkRead(_ path: String) throws(FileError) {
        guard let confinement else { return }
        let target = resolvedTarget(path)
        if confinement.readable.contains(where: { isInside(target, root: $0) }) { return }
        throw FileError(
            path: path,
            reason:
                "is outside \(confinement.programFolderName) and the working folder, the only places a script, notebook or lesson may read (copy the file into one of them)"
        )
    }

    /// Throws unless the program being run may write `path` (see ``confinement``).
    public static func checkWrite(_ path: String) throws(FileError) {
        guard let confinement else { return }
        if isInside(resolvedTarget(path), root: confinement.writable) { return }
        throw FileError(
            path: path,
            reason:
                "is outside the working folder, the only place a script, notebook or lesson may write (save under the folder you ran kiso in)"
        )
    }
}
