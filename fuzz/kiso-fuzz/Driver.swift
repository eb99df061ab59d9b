import Foundation

/// Runs a campaign: starts workers over the programs, and when one crashes or hangs, records
/// the program, minimises it against the real `kiso` executable, and goes on after it.
struct Driver {
    let options: Options
    let executable: String
    let kiso: String

    /// One crash or hang.
    struct Failure {
        var index: Int
        var kind: String
        var program: String
        var minimised: String
        var reproduced: Bool
    }

    func run() -> Int32 {
        let generator = ProgramGenerator()
        let mutator = CellMutator(root: options.root, generator: generator)
        let began = Date()
        var failures: [Failure] = []
        var next = options.start
        let end = options.start + options.programs
        var ran = 0
        while next < end {
            if options.timeBudget > 0 && Date().timeIntervalSince(began) > options.timeBudget { break }
            // Workers run in slices, so that a time budget is honoured and progress shows.
            let count = Swift.min(end - next, 500)
            let outcome = runWorker(start: next, count: count)
            ran += outcome.finished
            if let index = outcome.failedAt {
                ran += 1
                let program = Campaign.program(index, seed: options.seed, generator: generator, mutator: mutator)
                say("kiso-fuzz: \(outcome.hang ? "hang" : "crash") at program \(index); minimising")
                let minimiser = Minimiser(kiso: kiso, timeout: options.hangAfter + 5, memoryMiB: options.memoryMiB)
                let reproduced = minimiser.fails(program)
                let minimised = reproduced ? minimiser.minimise(program) : program
                let failure = Failure(
                    index: index, kind: outcome.hang ? "hang" : "crash", program: program, minimised: minimised,
                    reproduced: reproduced)
                failures.append(failure)
                report(failure)
                next = index + 1
            } else if outcome.finished == count {
                next += count
            } else {
                say("kiso-fuzz: the worker stopped without a result at \(next); giving up")
                return 1
            }
            say("kiso-fuzz: \(ran) programs, \(failures.count) failures, \(Int(Date().timeIntervalSince(began))) s")
        }
        let seconds = Int(Date().timeIntervalSince(began))
        say(
            "kiso-fuzz: done — seed \(options.seed), \(ran) programs (3 generated : 1 mutated cell), "
                + "timeout \(options.timeout) s, hang after \(options.hangAfter) s, memory \(options.memoryMiB) MiB: "
                + "\(failures.count) failure\(failures.count == 1 ? "" : "s") in \(seconds) s")
        return failures.isEmpty ? 0 : 1
    }

    private struct Outcome {
        var finished = 0
        var failedAt: Int? = nil
        var hang = false
    }

    private func runWorker(start: Int, count: Int) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "worker", "--seed", String(options.seed), "--start", String(start), "--count", String(count),
            "--timeout", String(options.timeout), "--hang", String(options.hangAfter), "--memory",
            String(options.memoryMiB), "--root", URL(fileURLWithPath: options.root).standardizedFileURL.path,
        ]
        // Programs save and remove files (save, remove, CSVLogger, …) in their working folder:
        // each worker gets a scratch folder of its own, never the repository.
        let scratch = scratchFolder("worker-\(start)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        process.currentDirectoryURL = scratch
        var environment = ProcessInfo.processInfo.environment
        // A crash is the finding; the backtrace of one would take seconds to print.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        var outcome = Outcome()
        do { try process.run() } catch { return outcome }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var begun: Int? = nil
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let index = Int(parts[1]) else { continue }
            switch parts[0] {
            case "B": begun = index
            case "E":
                outcome.finished += 1
                begun = nil
            case "H": outcome.hang = true
            default: break
            }
        }
        let clean = process.terminationReason == .exit && process.terminationStatus == 0
        if !clean, let begun { outcome.failedAt = begun }
        return outcome
    }

    private func report(_ failure: Failure) {
        say(
            "\nkiso-fuzz: \(failure.kind) at program \(failure.index) (seed \(options.seed))"
                + (failure.reproduced ? "" : " — not reproduced alone by `kiso FILE`"))
        say("---- minimised ----\n\(failure.minimised)\n-------------------")
        guard let directory = options.saveDirectory else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent("fuzz-\(options.seed)-\(failure.index).kiso")
        try? (failure.minimised + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        say("kiso-fuzz: saved \(path)")
    }
}

/// Reduces a failing program: removes lines, then shrinking spans of characters, keeping each
/// removal after which `kiso FILE` still crashes or hangs.
struct Minimiser {
    let kiso: String
    let timeout: Double
    let memoryMiB: Int

    func fails(_ program: String) -> Bool {
        let path = NSTemporaryDirectory() + "kiso-fuzz-\(getpid()).kiso"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard (try? program.write(toFile: path, atomically: true, encoding: .utf8)) != nil else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kiso)
        process.arguments = [path]
        let scratch = scratchFolder("minimiser")
        defer { try? FileManager.default.removeItem(at: scratch) }
        process.currentDirectoryURL = scratch
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["KISO_MEMORY_LIMIT"] = String(memoryMiB)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return true
        }
        return process.terminationReason == .uncaughtSignal
    }

    /// Stops trying after about two minutes: a hang costs the whole timeout per attempt.
    func minimise(_ program: String) -> String {
        let deadline = Date().addingTimeInterval(120)
        var lines = program.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var attempts = 0
        var i = lines.count - 1
        while i >= 0 && attempts < 200 && Date() < deadline {
            var candidate = lines
            candidate.remove(at: i)
            attempts += 1
            if !candidate.isEmpty, fails(candidate.joined(separator: "\n")) { lines = candidate }
            i -= 1
        }
        var text = Array(lines.joined(separator: "\n"))
        var chunk = Swift.max(1, text.count / 2)
        while chunk >= 1 && attempts < 400 && Date() < deadline {
            var start = 0
            while start < text.count && attempts < 400 && Date() < deadline {
                var candidate = text
                candidate.removeSubrange(start..<Swift.min(text.count, start + chunk))
                attempts += 1
                if !candidate.isEmpty, fails(String(candidate)) { text = candidate } else { start += chunk }
            }
            chunk /= 2
        }
        return String(text)
    }
}

/// Writes a line to standard output at once (unbuffered), so a log shows progress as it happens.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// A fresh empty folder for one run of programs that may write files, named for this process.
func scratchFolder(_ name: String) -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiso-fuzz-\(getpid())-\(name)")
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
