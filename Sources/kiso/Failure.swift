/// Why a command cannot go on, and the exit status it ends with.
///
/// Exit statuses: 0 when everything worked, 1 for a program error (a Kiso error, a notebook that
/// does not verify or cannot be parsed), 2 for a usage error (an unknown option, a missing file).
struct Failure: Error {
    /// What kind of failure, deciding the exit status.
    enum Kind {
        /// The command line asked for something that cannot be done: status 2, usage shown.
        case usage
        /// The program or notebook failed: status 1.
        case program
    }

    /// What kind of failure.
    var kind: Kind
    /// The message, printed on standard error after `kiso: `; empty when it was printed already.
    var message: String

    /// A usage failure: `kiso: message`, then the usage, on standard error; status 2.
    static func usage(_ message: String) -> Failure { Failure(kind: .usage, message: message) }

    /// A program failure whose message is printed on standard error; status 1.
    static func program(_ message: String = "") -> Failure { Failure(kind: .program, message: message) }

    /// The exit status.
    var status: Int32 {
        switch kind {
        case .usage: 2
        case .program: 1
        }
    }
}
