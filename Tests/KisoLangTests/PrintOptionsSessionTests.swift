import Testing

@testable import KisoLang

/// `set_printoptions` belongs to one session: another session (another notebook in the same
/// `kiso run`) keeps NumPy's defaults, and `:reset` restores them.
@Suite struct PrintOptionsSessionTests {
    @Test func optionsStayInTheirSession() {
        let a = Session { _ in }
        let b = Session { _ in }
        _ = a.run("set_printoptions(precision=3)")
        #expect(a.run("[1/3, 2]").echo == "[0.333 2.   ]")
        #expect(b.run("[1/3, 2]").echo == "[0.33333333 2.        ]")
        a.reset()
        #expect(a.run("[1/3, 2]").echo == "[0.33333333 2.        ]")
    }
}
