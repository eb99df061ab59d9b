#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads environment variables; a dictionary can stand in for the process environment in tests.
public struct Environment: Sendable {
    private let overrides: [String: String]?

    /// The process environment.
    public static let process = Environment(overrides: nil)

    /// A fixed set of variables, for tests and for callers that sandbox the environment.
    public init(_ variables: [String: String]) {
        self.overrides = variables
    }

    private init(overrides: [String: String]?) {
        self.overrides = overrides
    }

    /// The value of `name`, or nil when it is unset.
    public subscript(_ name: String) -> String? {
        if let overrides { return overrides[name] }
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Kiso's state directory: `$XDG_STATE_HOME/kiso`, by default `~/.local/state/kiso`. Relative
    /// values of XDG_STATE_HOME are ignored, as the XDG specification asks.
    public var kisoStateDirectory: String {
        if let state = self["XDG_STATE_HOME"], state.hasPrefix("/") {
            return FileSystem.join(state, "kiso")
        }
        let home = self["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return FileSystem.join(home, ".local/state/kiso")
    }
}
