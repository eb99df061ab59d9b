import KisoLang
import KisoNotebook
import Testing

@testable import KisoLesson

/// Each diagnosis, from two values: what a learner reads when their result differs.
@Suite struct DiagnosisTests {
    /// The value of a Kiso expression.
    func value(_ source: String) throws -> AnswerValue {
        try Session { _ in }.answer(source).get()
    }

    func diagnose(
        _ yours: String, _ expected: String, options: CheckOptions = CheckOptions(), uses: Set<String> = []
    )
        throws -> String?
    {
        Diagnosis.compare(
            try value(yours), try value(expected),
            context: Diagnosis.Context(check: "f(x)", usedNames: uses, options: options))
    }

    @Test func equalValuesPassWithinTheTolerance() throws {
        #expect(try diagnose("[1.0, 2.0]", "[1.0, 2.0 + 1e-12]") == nil)
        #expect(try diagnose("3", "3.0") == nil)
        var loose = CheckOptions()
        loose.rtol = 1e-2
        #expect(try diagnose("[1.0, 2.0]", "[1.001, 2.0]", options: loose) == nil)
        #expect(try diagnose("[1.0, 2.0]", "[1.001, 2.0]") != nil)
    }

    @Test func wrongKind() throws {
        #expect(try diagnose("\"a\"", "[1.0, 2.0]") == "the result should be a tensor; yours is a string")
        #expect(
            try diagnose("tril(ones([2, 2]))", "tril(ones([2, 2])) > 0")
                == "the result should be a tensor of true/false values; yours holds numbers "
                + "(turn a 0/1 tensor into a mask with `> 0`)")
    }

    @Test func shapeAndTranspose() throws {
        #expect(try diagnose("zeros([2, 3])", "zeros([3, 3])") == "shape (2,3) where (3,3) was expected")
        #expect(
            try diagnose("[[1, 4], [2, 5], [3, 6]]", "[[1, 2, 3], [4, 5, 6]]")
                == "shape (3,2) where (2,3) was expected — your result is the transpose of the expected one")
        #expect(
            try diagnose("[[1, 3], [2, 4]]", "[[1, 2], [3, 4]]") == "your result is the transpose of the expected one")
        #expect(try diagnose("5", "[5]") == "shape () (a single number) where (1,) was expected")
    }

    @Test func constantFactorNamesAMissingScale() throws {
        #expect(
            try diagnose("[1.0, 2.0, -3.0] * sqrt(8)", "[1.0, 2.0, -3.0]")
                == "every value is 2.828× the expected one — a missing scale such as 1/√8?")
        #expect(
            try diagnose("[1.0, 2.0] * 2", "[1.0, 2.0]")
                == "every value is 2× the expected one — a missing division by 2?")
        #expect(
            try diagnose("[1.0, 2.0] / 3", "[1.0, 2.0]")
                == "every value is 0.3333× the expected one — an extra division by 3?")
        #expect(
            try diagnose("[1.0, 2.0] * 1.7", "[1.0, 2.0]")
                == "every value is 1.7× the expected one — a missing or extra factor?")
    }

    @Test func constantShiftAndSign() throws {
        #expect(
            try diagnose("[1.5, 2.5, 3.5]", "[1.0, 2.0, 3.0]")
                == "every value is 0.5 more than the expected one — a constant shift")
        #expect(
            try diagnose("[0.0, 1.0]", "[1.0, 2.0]") == "every value is 1 less than the expected one — a constant shift"
        )
        #expect(
            try diagnose("[-1.0, 2.0]", "[1.0, -2.0]")
                == "every value has the wrong sign: your result is the negative of the expected one")
        #expect(try diagnose("-0.5", "0.5") == "your value has the wrong sign: -0.5 where 0.5 was expected")
    }

    @Test func softmaxAlongTheWrongAxis() throws {
        #expect(
            try diagnose("softmax([[1.0, 2.0], [3.0, 5.0]], axis=0)", "softmax([[1.0, 2.0], [3.0, 5.0]], axis=-1)")
                == "your rows do not sum to 1; your columns do — check `axis=`")
        #expect(
            try diagnose("softmax(reshape(arange(8.0), [2, 2, 2]), axis=1)", "softmax(reshape(arange(8.0), [2, 2, 2]))")
                == "your result does not sum to 1 along its last axis; it does along axis 1 — check `axis=`")
    }

    @Test func nanAndInfNameTheInputAndTheLikelyCause() throws {
        #expect(
            try diagnose("[nan, 0.5]", "[0.5, 0.5]", uses: ["exp", "sum"])
                == "your result has nan at [0] where the expected value is 0.5, on `f(x)` — overflow: exp of a "
                + "large number is inf — subtract the maximum first")
        #expect(
            try diagnose("nan", "0.0", uses: ["log"])
                == "your value is nan where 0 was expected, on `f(x)` — log(0) is -inf and 0 · -inf is nan — make "
                + "0 · log 0 count as 0 (e.g. with where)")
        #expect(
            try diagnose("[-inf, -2.0]", "[-1001.0, -2.0]", uses: ["exp", "log", "mean"])
                == "your result has -inf at [0] where the expected value is -1001, on `f(x)` — underflow: exp of a "
                + "very negative number is 0 and log(0) is -inf — subtract the maximum first")
        #expect(
            try diagnose("[1.0, inf]", "[1.0, 2.0]")
                == "your result has inf at [1] where the expected value is 2, on `f(x)` — a division by zero, or a "
                + "number too large for a float?")
    }

    @Test func firstDifferingIndexWithBothValues() throws {
        #expect(
            try diagnose("[[1.0, 2.0], [3.0, 4.5]]", "[[1.0, 2.0], [3.0, 4.0]]")
                == "at [1, 1] your value is 4.5 where 4 was expected, on `f(x)`")
        // Enough digits to tell them apart.
        #expect(
            try diagnose("[1.0, 2.00001, 3.0]", "[1.0, 2.0, 3.0]")
                == "at [1] your value is 2.00001 where 2 was expected, on `f(x)`")
        #expect(try diagnose("7", "1") == "your value is 7 where 1 was expected, on `f(x)`")
    }

    @Test func containersCompareItemByItem() throws {
        #expect(try diagnose("(1, [1.0, 2.0])", "(1, [1.0, 2.0])") == nil)
        #expect(
            try diagnose("(1, [2.0, 4.0])", "(1, [1.0, 2.0])")
                == "item 1 of the result: every value is 2× the expected one — a missing division by 2?")
        #expect(try diagnose("(1, 2, 3)", "(1, 2)") == "a tuple of 2 values was expected; yours has 3")
        #expect(try diagnose("\"cat\"", "\"dog\"") == "your text is \"cat\" where \"dog\" was expected")
    }

    @Test func sumsOption() throws {
        var options = CheckOptions()
        options.sums = 1
        #expect(
            try diagnose("[0.5, 0.6]", "[0.4, 0.6]", options: options)
                == "your result sums to 1.1; it should sum to 1 along its last axis")
        #expect(try diagnose("[0.4, 0.6]", "[0.4, 0.6]", options: options) == nil)
    }

    @Test func numbersAreShort() {
        #expect(Diagnosis.number(2.8284271247461903) == "2.828")
        #expect(Diagnosis.number(3) == "3")
        #expect(Diagnosis.number(1.0000000827e-05) == "1.0e-5")
        #expect(Diagnosis.number(-.infinity) == "-inf")
    }
}
