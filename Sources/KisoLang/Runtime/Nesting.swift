/// How deeply values may nest before a walk over them stops.
///
/// Lists, tuples and dicts can be nested without bound (`for i in range(10^6) x = [x] end`),
/// but every walk over a value — printing, comparing, using it as a dict key or a pytree —
/// recurses once per level, and a million levels overflow the stack. As in Python, building a
/// deep value is allowed (and freeing it is iterative, see ``ValueRelease``); walking one past
/// this depth stops with a `recursion` error, and printing shows the deeper levels as `...`.
enum Nesting {
    /// The deepest level a walk visits; Python's default recursion limit.
    static let limit = 1000

    /// The error a walk throws below ``limit`` levels; `what` says what the walk was doing.
    static func tooDeep(_ what: String, span: SourceSpan? = nil) -> KisoError {
        KisoError(
            .recursion, "\(what): the value nests more than \(limit) levels deep", span: span,
            hint: "flatten the structure, or keep its levels in a list instead of inside each other")
    }
}
