import KisoBase
import Foundation
import Testing

@testable import KisoNotebook

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "kiso-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct ChapterCatalogTests {
    func catalog() throws -> ChapterCatalog {
        let directory = temporaryDirectory()
        try "---\ntitle: Vectors and matrices\n---\n# Ignored\n".write(
            toFile: directory + "/01-vectors.md", atomically: true, encoding: .utf8)
        try "# Softmax and temperature\n".write(
            toFile: directory + "/02-softmax-temperature.md", atomically: true, encoding: .utf8)
        try "no title".write(toFile: directory + "/10-attention.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: directory + "/README.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: directory + "/03-notes.txt", atomically: true, encoding: .utf8)
        return ChapterCatalog(directory: directory)
    }

    @Test func listsChaptersInOrder() throws {
        let catalog = try catalog()
        #expect(catalog.chapters.map(\.stem) == ["01-vectors", "02-softmax-temperature", "10-attention"])
        #expect(catalog.chapters.map(\.number) == [1, 2, 10])
        #expect(catalog.chapters.map(\.title) == ["Vectors and matrices", "Softmax and temperature", "attention"])
        #expect(ChapterCatalog(directory: "/nonexistent/kiso").chapters.isEmpty)
    }

    @Test func resolvesNumbersSlugsStemsAndPaths() throws {
        let catalog = try catalog()
        for name in ["01", "1", "001", "vectors", "01-vectors", "01-vectors.md", "vec"] {
            #expect(try catalog.resolve(name).stem == "01-vectors", "\(name)")
        }
        #expect(try catalog.resolve("softmax").stem == "02-softmax-temperature")
        #expect(try catalog.resolve("10").slug == "attention")
        let path = catalog.directory + "/02-softmax-temperature.md"
        #expect(try catalog.resolve(path).path == path)
        #expect(try catalog.resolve(path).title == "Softmax and temperature")
    }

    @Test func unknownNamesSuggest() throws {
        let catalog = try catalog()
        do {
            _ = try catalog.resolve("vectros")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("vectros"))
            #expect(error.hint?.hasPrefix("did you mean 01-vectors?") == true)
        }
        #expect(throws: ChapterLookupError.self) { try catalog.resolve("7") }
        #expect(throws: ChapterLookupError.self) { try catalog.resolve("/no/such/file.md") }
        #expect(throws: ChapterLookupError.self) { try catalog.resolve("") }
    }
}

@Suite struct ProgressStoreTests {
    @Test func remembersPlacesAcrossLoads() throws {
        let state = temporaryDirectory()
        let path = ProgressStore.defaultPath(environment: Environment(["XDG_STATE_HOME": state]))
        #expect(path == state + "/kiso/progress")
        var store = ProgressStore(path: path)
        #expect(store.section(for: "01-vectors") == nil)
        try store.setSection(3, for: "01-vectors")
        try store.setSection(1, for: "tab\tkey")
        let reloaded = ProgressStore(path: path)
        #expect(reloaded.section(for: "01-vectors") == 3)
        #expect(reloaded.section(for: "tab\tkey") == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# kiso progress 1\n3\t01-vectors\n1\ttab key\n")
        // No temporary files are left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: state + "/kiso") == ["progress"])
    }

    @Test func toleratesCorruptFiles() throws {
        let directory = temporaryDirectory()
        let path = directory + "/progress"
        var garbage = Data((0..<2000).map { _ in UInt8.random(in: 0...255) })
        garbage.append(contentsOf: Array("\n2\tgood\nx\tbad\n-1\tnegative\n99999999999999999999999\thuge\n".utf8))
        try garbage.write(to: URL(fileURLWithPath: path))
        var store = ProgressStore(path: path)
        #expect(store.section(for: "good") == 2)
        #expect(store.section(for: "bad") == nil)
        #expect(store.section(for: "negative") == nil)
        try store.setSection(4, for: "next")
        #expect(ProgressStore(path: path).places == ["good": 2, "next": 4])
        #expect(ProgressStore(path: directory).places.isEmpty)  // a directory, not a file
    }

    @Test func defaultStateDirectory() {
        #expect(Environment(["HOME": "/home/a"]).kisoStateDirectory == "/home/a/.local/state/kiso")
        #expect(
            Environment(["HOME": "/home/a", "XDG_STATE_HOME": "relative"]).kisoStateDirectory
                == "/home/a/.local/state/kiso")
        #expect(Environment(["XDG_STATE_HOME": "/s"]).kisoStateDirectory == "/s/kiso")
    }

    @Test func atomicWriteReplacesAndKeepsMode() throws {
        let directory = temporaryDirectory()
        let path = directory + "/nb.md"
        try FileSystem.writeAtomically("one", toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try FileSystem.writeAtomically("two", toPath: path)
        #expect(try FileSystem.readText(atPath: path) == "two")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["nb.md"])
        #expect(throws: FileError.self) { try FileSystem.writeAtomically("x", toPath: "/nonexistent/dir/x.md") }
    }
}
