import KisoTestSupport
import Testing

@testable import KisoTensor

/// `Tensor.loadText` against NumPy's np.loadtxt on the texts of Tests/Fixtures/io_loadtxt.json
/// (scripts/gen_loadtxt_fixtures.py): the same arrays, shapes and dtypes, and a refusal wherever
/// NumPy refuses.
@Suite struct LoadTextFixtureTests {
    private func read(_ text: String, _ kwargs: [String: Any]) throws -> Tensor {
        let dtype: DType
        switch kwargs["dtype"] as? String {
        case "int64": dtype = .int64
        case "bool": dtype = .bool
        default: dtype = .float64
        }
        let columns: [Int]?
        if let one = kwargs["usecols"] as? Int {
            columns = [one]
        } else {
            columns = kwargs["usecols"] as? [Int]
        }
        // JSON null is NSNull: comments=None in NumPy.
        let comments: String? = kwargs.keys.contains("comments") ? kwargs["comments"] as? String : "#"
        return try Tensor.loadText(
            text, dtype: dtype, comments: comments, delimiter: kwargs["delimiter"] as? String,
            skipRows: kwargs["skiprows"] as? Int ?? 0, columns: columns, unpack: kwargs["unpack"] as? Bool ?? false,
            ndmin: kwargs["ndmin"] as? Int ?? 0, maxRows: kwargs["max_rows"] as? Int)
    }

    @Test func matchesNumPy() throws {
        let cases = try Fixture.cases("io_loadtxt")
        #expect(cases.count >= 40)
        for c in cases {
            let text = c["text"] as? String ?? ""
            let kwargs = c["kwargs"] as? [String: Any] ?? [:]
            let label = "\(text.debugDescription) \(kwargs)"
            if c["error"] as? Bool == true {
                #expect(throws: TensorError.self, "\(label) should be refused") { try read(text, kwargs) }
                continue
            }
            let expected = try Fixture.tensor(c["result"])
            let actual = try read(text, kwargs)
            #expect(
                mismatch(actual, expected, rtol: 0, atol: 0) == nil, "\(label): \(mismatch(actual, expected) ?? "")")
            #expect(actual.dtype == expected.dtype, "\(label)")
        }
    }

    @Test func errorsNameTheLineAndColumn() throws {
        do {
            _ = try Tensor.loadText("1 2\n# note\n3 four\n")
            Issue.record("a word in a number column was accepted")
        } catch {
            #expect(error.message == "loadtxt: cannot read \"four\" as a float64 (line 3, column 2)")
        }
        do {
            _ = try Tensor.loadText("1 2\n3\n")
            Issue.record("a short row was accepted")
        } catch {
            #expect(error.message == "loadtxt: line 2 has 1 column where the rows before it have 2")
            #expect(error.hint?.contains("usecols") == true)
        }
        do {
            _ = try Tensor.loadText("1.0\n", dtype: .int64)
            Issue.record("1.0 was read as an int64")
        } catch {
            #expect(error.message == "loadtxt: cannot read \"1.0\" as an int64 (line 1, column 1)")
            #expect(error.hint?.contains("dtype=\"float64\"") == true)
        }
        #expect(throws: TensorError.self) { try Tensor.loadText("1::2\n", delimiter: "::") }
        #expect(throws: TensorError.self) { try Tensor.loadText("1\n", ndmin: 3) }
        #expect(throws: TensorError.self) { try Tensor.loadText("1\n", skipRows: -1) }
        #expect(throws: TensorError.self) { try Tensor.loadText("1\n", maxRows: -1) }
        #expect(throws: TensorError.self) { try Tensor.loadText("1\n", comments: "") }
    }
}
