import Foundation
import KisoBase
import Testing

/// Every file Kiso writes goes through `FileSystem.writeAtomically`: these are its promises.
@Suite struct AtomicFileTests {
    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "kiso-atomic-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private func status(_ path: String) -> stat {
        var s = stat()
        lstat(path, &s)
        return s
    }

    @Test func createsAndReplaces() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.md"
        try FileSystem.writeAtomically("one\n", toPath: path)
        #expect(try text(path) == "one\n")
        try FileSystem.writeAtomically("two\n", toPath: path)
        #expect(try text(path) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["a.md"])
    }

    @Test func keepsModeAndGroup() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.md"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        let before = status(path)
        try FileSystem.writeAtomically("new\n", toPath: path)
        let after = status(path)
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_uid == before.st_uid)
        #expect(after.st_gid == before.st_gid)
    }

    @Test func writesThroughASymbolicLink() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: true)
        let target = directory + "/real/notebook.md"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        symlink("real/notebook.md", directory + "/link.md")
        try FileSystem.writeAtomically("new\n", toPath: directory + "/link.md")
        #expect(status(directory + "/link.md").st_mode & S_IFMT == S_IFLNK)
        #expect(try text(target) == "new\n")
    }

    @Test func keepsHardLinksTogether() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = directory + "/a.md"
        let second = directory + "/b.md"
        try "old\n".write(toFile: first, atomically: false, encoding: .utf8)
        link(first, second)
        let inode = status(first).st_ino
        try FileSystem.writeAtomically("new\n", toPath: first)
        #expect(try text(second) == "new\n")
        #expect(status(first).st_ino == inode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["a.md", "b.md"])
    }

    @Test func refusesAReadOnlyFile() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.md"
        try "keep me\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o444)
        let error = #expect(throws: FileError.self) { try FileSystem.writeAtomically("new\n", toPath: path) }
        #expect(error?.reason.contains("read-only") == true)
        #expect(try text(path) == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["a.md"])
    }

    @Test func refusesADirectory() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: FileError.self) { try FileSystem.writeAtomically("x", toPath: directory) }
    }

    @Test func removesATemporaryLeftByACrashedWriter() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A process that has ended: its pid names no running writer.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = directory + "/.a.md.kiso-tmp-\(finished.processIdentifier)"
        try "half a fi".write(toFile: stale, atomically: false, encoding: .utf8)
        try FileSystem.writeAtomically("whole\n", toPath: directory + "/a.md")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["a.md"])
    }
}
