import Foundation
import KisoLang
import KisoTensor
import KisoTestSupport
import Testing

/// The committed notebooks/data/digits.csv, read through the language's `loadtxt` as chapter 08
/// reads it, against what scripts/export_digits.py recorded from scikit-learn's load_digits in
/// Tests/Fixtures/datasets_digits.json: shape, pixel total, column sums, class counts and whole rows.
@Suite struct DigitsDataTests {
    /// Whole numbers as a Kiso list literal.
    private func literal(_ values: [Double]) -> String {
        "[" + values.map { String(Int($0)) }.joined(separator: ", ") + "]"
    }

    @Test func committedFileMatchesScikitLearn() throws {
        let cases = try Fixture.cases("datasets_digits")
        let c = try #require(cases.first)
        let root = Fixture.directory.deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent(c["path"] as? String ?? "").path
        let session = Session { _ in }
        let source = "digits = loadtxt(\"\(path)\", delimiter=\",\", dtype=\"int64\")"
        let loaded = session.run(source)
        #expect(loaded.error == nil, "\(loaded.error?.render(source: source) ?? "")")

        func value(_ expression: String) throws -> String {
            let result = session.run(expression)
            if let error = result.error { Issue.record("\(expression): \(error.render(source: expression))") }
            return result.echo ?? ""
        }
        let shape = (c["shape"] as? [Int] ?? []).map(String.init).joined(separator: ", ")
        #expect(try value("digits.shape") == "(\(shape))")
        #expect(try value("digits.dtype") == "'int64'")
        #expect(try value("int(sum(digits[:, :64]))") == "\(c["total"] as? Int ?? -1)")
        #expect(try value("int(min(digits[:, :64])), int(max(digits[:, :64]))") == "(0, 16)")

        let expectedSums = try Fixture.tensor(c["column_sums"])
        #expect(try value("all(sum(digits, axis=0) == \(literal(expectedSums.scalars)))") == "True")

        let counts = try Fixture.tensor(c["label_counts"])
        #expect(try value("all(bincount(digits[:, 64]) == \(literal(counts.scalars)))") == "True")

        let rows = c["rows"] as? [Int] ?? []
        let expectedRows = try Fixture.tensor(c["row_values"])
        let width = expectedRows.shape.last ?? 0
        for (k, row) in rows.enumerated() {
            let expected = literal(Array(expectedRows.scalars[(k * width)..<((k + 1) * width)]))
            #expect(try value("all(digits[\(row)] == \(expected))") == "True", "row \(row)")
        }
    }
}
