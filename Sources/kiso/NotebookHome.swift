import KisoBase
import KisoNotebook

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the chapter notebooks: when `$KISO_HOME` is set, `$KISO_HOME/notebooks` (or `$KISO_HOME`
/// itself when it holds the chapters) and nothing else; otherwise `notebooks/` in the current
/// directory, then `notebooks/` above the executable (`.build/release/kiso` in a checkout of the
/// repository).
struct NotebookHome {
    /// The directory found, or nil.
    let directory: String?
    /// Every place looked at, in order, for the message when none is found.
    let searched: [String]

    /// Looks in the usual places.
    static func locate(environment: Environment = .process) -> NotebookHome {
        var candidates: [String] = []
        if let home = environment["KISO_HOME"], !home.isEmpty {
            // An explicit home is the only place looked at, so it cannot be overridden by accident.
            candidates = [FileSystem.join(home, "notebooks"), home]
        } else {
            candidates = ["notebooks"] + besideExecutable()
        }
        var seen = Set<String>()
        let unique = candidates.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }.filter {
            seen.insert($0).inserted
        }
        for candidate in unique where FileSystem.isDirectory(candidate) {
            if !ChapterCatalog(directory: candidate).chapters.isEmpty {
                return NotebookHome(directory: candidate, searched: unique)
            }
        }
        return NotebookHome(directory: nil, searched: unique)
    }

    /// `notebooks/` in the directories above the executable.
    private static func besideExecutable() -> [String] {
        var candidates: [String] = []
        for executable in executablePaths() {
            // The build directory may be reached through a symlink (.build/release →
            // .build/<triple>/release), so walk up a few levels rather than exactly two.
            var directory = FileSystem.directoryName(of: executable)
            for _ in 0..<4 {
                directory = FileSystem.directoryName(of: directory)
                candidates.append(FileSystem.join(directory, "notebooks"))
                if directory == "/" || directory == "." { break }
            }
        }
        return candidates
    }

    /// The executable as invoked (when it names a path) and as the kernel resolved it.
    private static func executablePaths() -> [String] {
        var paths: [String] = []
        if let invoked = CommandLine.arguments.first, invoked.contains("/") { paths.append(invoked) }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            let bytes = buffer[0..<count].map { UInt8(bitPattern: $0) }
            paths.append(String(decoding: bytes, as: UTF8.self))
        }
        return paths
    }

    /// The catalog of the directory found (empty when none).
    var catalog: ChapterCatalog {
        ChapterCatalog(directory: directory ?? "notebooks")
    }

    /// What to tell a learner when no chapters were found.
    var notFoundMessage: String {
        "no chapter notebooks found; set KISO_HOME to the Kiso repository, or run kiso inside it "
            + "(looked in \(searched.joined(separator: ", ")))"
    }
}
