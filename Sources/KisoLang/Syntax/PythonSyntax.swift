/// Python statements Kiso does not have, so that a pasted line using one is told what Kiso does
/// instead of "unexpected name after a complete statement". Data only: the parser reports it.
enum PythonSyntax {
    /// Each word with what Kiso does instead (the message) and how to write it (the hint).
    static let words: [String: (message: String, hint: String)] = [
        "lambda": (
            "Kiso writes a lambda with `->`, not `lambda`",
            "`lambda x: x + 1` is `x -> x + 1`; with two parameters, `(a, b) -> a + b`"
        ),
        "class": (
            "Kiso has no classes", "keep state in variables and dicts, and write functions that take and return it"
        ),
        "try": (
            "Kiso has no try/except: an error stops the run at its line and every variable keeps its value",
            "test the condition with `if` first"
        ),
        "except": (
            "Kiso has no try/except: an error stops the run at its line and every variable keeps its value",
            "test the condition with `if` first"
        ),
        "with": (
            "Kiso has no `with` blocks",
            "read a file with read_text(path); for torch.no_grad() use stop_gradient(…) or compute outside grad"
        ),
        "del": ("Kiso has no `del`", "assign the name another value, or clear every variable with :reset"),
        "global": (
            "Kiso has no `global`",
            "a function reads outer variables as they are; to change one, return the new value and assign it outside"
        ),
        "nonlocal": (
            "Kiso has no `nonlocal`",
            "a function reads outer variables as they are; to change one, return the new value and assign it outside"
        ),
        "assert": ("Kiso has no `assert`", "check with `if not condition print(\"…\") end`"),
        "raise": ("Kiso has no `raise`", "print a message and `return`, or let the failing operation report itself"),
        "yield": (
            "Kiso has no generators", "build the values with a comprehension, `[f(x) for x in xs]`, or append to a list"
        ),
    ]

    /// The error for Python's `word` followed by more of its statement, at `span`; nil when the
    /// word is not one of them.
    static func error(for word: String, span: SourceSpan) -> KisoError? {
        guard let entry = words[word] else { return nil }
        return KisoError(.syntax, entry.message, span: span, hint: entry.hint)
    }
}
