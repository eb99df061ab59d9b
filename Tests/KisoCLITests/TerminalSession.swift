import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `kiso` running under a pseudo-terminal: a detached tmux session on a private server, driven with
/// send-keys and read with capture-pane.
final class TerminalSession {
    /// Whether tmux can be run here.
    static var isAvailable: Bool {
        (try? TerminalSession.tmux(["-V"]).status) == 0
    }

    private static let counter = Counter()
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    let socket: String
    let target = "kiso"

    /// Starts `kiso arguments` in a `width`×`height` terminal with `environment` (HOME,
    /// XDG_STATE_HOME, …) set for it.
    init(_ arguments: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
        socket = "kiso-test-\(getpid())-\(TerminalSession.counter.next())"
        // The test runner's own NO_COLOR must not leak in; a test that wants it passes it.
        var command = ["env", "-u", "NO_COLOR", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"]
        command += environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        command += [KisoBinary.url.path] + arguments
        let status = TerminalSession.startServer(
            ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
                + command)
        if status != 0 { throw TerminalError(message: "tmux new-session failed with status \(status)") }
        // Keep the pane after kiso exits, so its last screen can still be read.
        _ = try? run(["set-option", "-t", target, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? run(["kill-server"])
        // The server leaves its socket behind in tmux's directory.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
    }

    /// Types `text` literally (no key names).
    func type(_ text: String) throws {
        _ = try run(["send-keys", "-t", target, "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`, `Up`.
    func press(_ keys: String...) throws {
        _ = try run(["send-keys", "-t", target] + keys)
    }

    /// Types a line and presses Enter.
    func enter(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// The whole pane, scrollback included, as plain text.
    func screen() -> String {
        (try? run(["capture-pane", "-p", "-J", "-S", "-", "-t", target]).output) ?? ""
    }

    /// The visible pane with its colours as escape sequences.
    func styledScreen() -> String {
        (try? run(["capture-pane", "-p", "-e", "-J", "-S", "-", "-t", target]).output) ?? ""
    }

    /// Waits until `condition` holds for the screen, polling; returns the last screen and whether it
    /// held within `timeout` seconds.
    @discardableResult
    func waitFor(timeout: Double = 15, _ condition: (String) -> Bool) -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var text = screen()
        while !condition(text) {
            if Date() > deadline { return (text, false) }
            Thread.sleep(forTimeInterval: 0.05)
            text = screen()
        }
        return (text, true)
    }

    /// Waits until the screen contains `text` `count` times.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = 15) -> (screen: String, ok: Bool) {
        waitFor(timeout: timeout) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// The process id of kiso in the pane (tmux runs `env`, which becomes kiso).
    func processID() -> Int32? {
        let output = try? run(["display-message", "-p", "-t", target, "#{pane_pid}"])
        return output.flatMap { Int32($0.output.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Whether kiso has exited (the pane is dead).
    func hasExited() -> Bool {
        let state = try? run(["display-message", "-p", "-t", target, "#{pane_dead}"])
        return state?.output.hasPrefix("1") ?? true
    }

    /// Waits for kiso to exit.
    func waitForExit(timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !hasExited() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TerminalSession.tmux(["-L", socket] + arguments)
    }

    /// Runs `tmux new-session`, which forks the server. The server must not inherit the test
    /// process's blocked signals (it would never notice its pane exit or a kill-server) nor its open
    /// descriptors (Foundation watches children through one, and would wait for the server), so it
    /// is spawned directly with an empty signal mask, default handlers and nothing open above 2.
    private static func startServer(_ arguments: [String]) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let closeAndRun = """
            for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done
            exec tmux -u "$@"
            """
        let argv = ["/bin/bash", "-c", closeAndRun, "bash"] + arguments
        var cStrings = argv.map { strdup($0) }
        defer { for pointer in cStrings { free(pointer) } }
        cStrings.append(nil)
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, &attributes, cStrings, environ)
        guard spawned == 0 else { return spawned }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 0 }
        }
        // WEXITSTATUS, spelled out: Glibc's macro is not imported.
        return (status >> 8) & 0xff
    }

    private static func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-u"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A tmux command that failed.
struct TerminalError: Error {
    var message: String
}

/// The lines of `screen` after the first line containing `marker`.
func lines(of screen: String, after marker: String) -> [String] {
    let all = screen.components(separatedBy: "\n")
    guard let index = all.firstIndex(where: { $0.contains(marker) }) else { return [] }
    return Array(all[(index + 1)...])
}
