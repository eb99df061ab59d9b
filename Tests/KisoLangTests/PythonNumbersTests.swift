import KisoTestSupport
import Testing

@testable import KisoLang

/// Kiso's numbers against CPython and NumPy: each fixture case is a Kiso expression, the Python
/// code it stands for, and the text Python prints for the result (scripts/gen_python_numbers_fixtures.py).
@Suite struct PythonNumbersTests {
    @Test func everyCaseEchoesWhatPythonPrints() throws {
        let cases = try Fixture.cases("python_numbers")
        #expect(cases.count > 100)
        for item in cases {
            let source = try #require(item["kiso"] as? String)
            let expected = try #require(item["text"] as? String)
            let python = item["python"] as? String ?? ""
            #expect(eval(source) == expected, "\(source)  (Python: \(python))")
        }
    }

    @Test func intArithmeticThatOverflowsSaysWhat() {
        let h = Harness()
        #expect(h.error("2 ** 64").contains("integer overflow: 2 ** 64 does not fit in 64 bits"))
        #expect(h.error("9223372036854775807 + 1").contains("integer overflow: 9223372036854775807 + 1"))
        #expect(h.error("x = -9223372036854775807 - 1; -x").contains("integer overflow: -(-9223372036854775808)"))
        #expect(h.error("x = -9223372036854775807 - 1; x // -1").contains("integer overflow"))
        #expect(h.error("99999999999999999999").contains("does not fit in 64 bits"))
        #expect(h.error("7 // 0").contains("integer division by zero: 7 // 0"))
        #expect(h.error("7 % 0").contains("integer division by zero: 7 % 0"))
        #expect(eval("7 / 0") == "inf")
    }

    @Test func storingAFloatIntoAnIntTensorTruncatesAndWarnsOnce() {
        let h = Harness()
        #expect(h.run("x = arange(3); x[0] = 2.7; x[1] = -1.5; x") == "[ 2 -1  2]")
        #expect(
            h.printed
                == "warning: an int64 tensor keeps whole numbers, so 2.7 was stored as 2 (NumPy truncates too); build the tensor from floats, e.g. arange(3.0) or [1.0, 2.0], to keep fractions\n"
        )
        h.printed = ""
        #expect(h.run("y = arange(3); y[2] = 0.5; y") == "[0 1 0]")
        #expect(h.printed == "")
        #expect(h.run("z = arange(3.0); z[0] = 0.5; z") == "[0.5 1.  2. ]")
        #expect(h.run("w = arange(3); w[0] = 2.0; w") == "[2 1 2]")
    }

    @Test func gradientsAtFloatAndIntPoints() {
        #expect(eval("f(x) = sum(x^2); grad(f)(arange(3.0))") == "[0. 2. 4.]")
        #expect(eval("f(x) = x^2; grad(f)(3)") == "6.0")
        #expect(eval("f(x) = sum(x^2); grad(f)([1, 2])") == "[2. 4.]")
    }

    @Test func dictKeysThatCompareEqualAreOneKey() {
        #expect(eval("d = {1: \"a\"}; d[1.0]") == "'a'")
        #expect(eval("d = {1: \"a\"}; d[true]") == "'a'")
        #expect(eval("d = {}; d[2] = 1; d[2.0] = 5; d") == "{2: 5}")
    }
}
