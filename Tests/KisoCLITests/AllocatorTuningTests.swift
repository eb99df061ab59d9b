import Foundation
import Testing

/// `kiso` starts itself once more with a larger per-thread cache in glibc's allocator
/// (Sources/kiso/AllocatorTuning.swift): the environment of the running program shows it and it
/// keeps its name; a user's own `GLIBC_TUNABLES` or `KISO_NO_REEXEC` leaves the program as it was
/// started.
@Suite struct AllocatorTuningTests {
    /// The `GLIBC_TUNABLES` of a `kiso` that waits for its program on standard input, read from
    /// /proc once the program has started again (or, when it should not, after a moment).
    private func tunables(environment: [String: String], expectRestart: Bool) throws -> (String?, String) {
        let process = Process()
        process.executableURL = KisoBinary.url
        var env = ProcessInfo.processInfo.environment
        env["GLIBC_TUNABLES"] = nil
        env["KISO_NO_REEXEC"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        defer {
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        let path = "/proc/\(process.processIdentifier)/environ"
        func current() -> String? {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            let variables = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return variables.first { $0.hasPrefix("GLIBC_TUNABLES=") }.map { String($0.dropFirst(15)) }
        }
        if expectRestart {
            // The new program replaces the old one within milliseconds; allow a loaded machine 10 s.
            for _ in 0..<200 where current()?.contains("tcache_count=64") != true {
                Thread.sleep(forTimeInterval: 0.05)
            }
        } else {
            Thread.sleep(forTimeInterval: 0.3)
        }
        let name = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/comm", encoding: .utf8)) ?? ""
        return (current(), name.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func restartsWithALargerCacheUnderItsOwnName() throws {
        let (value, name) = try tunables(environment: [:], expectRestart: true)
        #expect(value == "glibc.malloc.tcache_count=64")
        #expect(name == "kiso")
    }

    @Test func leavesTheUsersTunablesAlone() throws {
        let (value, name) = try tunables(
            environment: ["GLIBC_TUNABLES": "glibc.malloc.mxfast=64"], expectRestart: false)
        #expect(value == "glibc.malloc.mxfast=64")
        #expect(name == "kiso")
    }

    @Test func kisoNoReexecTurnsItOff() throws {
        #expect(try tunables(environment: ["KISO_NO_REEXEC": "1"], expectRestart: false).0 == nil)
    }

    @Test func programsStillRunAndExitAsBefore() throws {
        let result = try KisoBinary.run(["-e", "sum(range(10))"])
        #expect(result.status == 0)
        #expect(result.stdout == "45\n")
        let failed = try KisoBinary.run(["-e", "undefined_name"])
        #expect(failed.status == 1)
    }
}
