import Testing

@testable import KisoLang

@Suite struct SmokeTests {
    @Test func basics() {
        #expect(eval("1 + 2") == "3")
        #expect(eval("x = [1, 2, 3]; x * 2") == "[2 4 6]")
        #expect(eval("f(x, y=1) = x + y\nf(2)") == "3")
        #expect(eval("sqrt(8)") == "2.8284271247461903")
    }
}
