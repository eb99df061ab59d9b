import KisoLang

/// A session that records printed output, with helpers for one-line expectations.
final class Harness {
    var printed = ""
    lazy var session = Session { [unowned self] text in self.printed += text }

    /// Runs `source` and returns its echo, or the rendered error.
    @discardableResult
    func run(_ source: String) -> String {
        let result = session.run(source)
        if let error = result.error { return "ERROR " + error.render(source: source) }
        return result.echo ?? ""
    }

    /// The rendered error of `source`, or "no error".
    func error(_ source: String) -> String {
        let result = session.run(source)
        return result.error?.render(source: source) ?? "no error: \(result.echo ?? "")"
    }
}

/// The echo of `source` in a fresh session.
func eval(_ source: String) -> String {
    Harness().run(source)
}
