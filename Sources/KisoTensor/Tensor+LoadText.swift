extension Tensor {
    /// NumPy's `np.loadtxt` over the text of a file: one row per line, fields split at `delimiter`
    /// (at runs of spaces and tabs when nil), `comments` cut off each line, blank lines skipped.
    ///
    /// `skipRows` drops the first lines of the text (comments and blank lines included), `maxRows`
    /// stops after that many rows of data. As in NumPy, the result is squeezed — one row or one
    /// column gives a 1-d tensor, one value a 0-d one — and then given at least `ndmin` (0, 1 or 2)
    /// dimensions; `unpack` transposes it. `columns` picks columns by position (negative from the
    /// end), in the order given. Ints must be written as ints (`1.0` is not an int64);
    /// a bool field is a number, true when nonzero. Throws, naming the line and column, for a
    /// field that is not a number, a row whose column count differs from the first row's, and a
    /// column position outside a row.
    public static func loadText(
        _ text: String, dtype: DType = .float64, comments: String? = "#", delimiter: String? = nil,
        skipRows: Int = 0, columns: [Int]? = nil, unpack: Bool = false, ndmin: Int = 0,
        maxRows: Int? = nil
    ) throws(TensorError) -> Tensor {
        guard (0...2).contains(ndmin) else {
            throw .value("loadtxt: ndmin must be 0, 1 or 2, not \(ndmin)")
        }
        guard skipRows >= 0 else {
            throw .value("loadtxt: skiprows must be 0 or more, not \(skipRows)")
        }
        if let maxRows, maxRows < 0 {
            throw .value("loadtxt: max_rows must be 0 or more, not \(maxRows)", hint: "leave it out to read every row")
        }
        if let delimiter, delimiter.count != 1 {
            throw .value(
                "loadtxt: the delimiter must be one character, not \"\(delimiter)\"",
                hint: "use none to split at runs of spaces and tabs")
        }
        if let comments, comments.isEmpty {
            throw .value("loadtxt: the comment marker is empty", hint: "use none when the file has no comments")
        }
        var values: [Double] = []
        var width: Int?
        var rows = 0
        var lineNumber = 0
        // "\r\n" is one Character in Swift; a lone "\r" ends a line too, as in Python's text files.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for var line in lines {
            lineNumber += 1
            // A file can hold up to 256 MiB of numbers: Ctrl-C is heard every few thousand lines.
            if lineNumber & 4095 == 0 {
                do { try Interruption.check("loadtxt") } catch { throw error as? TensorError ?? .value("\(error)") }
            }
            if lineNumber <= skipRows { continue }
            if let maxRows, rows >= maxRows { break }
            if let comments, let cut = firstOccurrence(of: comments, in: line) { line = line[..<cut] }
            let fields = splitFields(line, delimiter: delimiter)
            if fields.isEmpty { continue }
            let picked = try pick(columns, from: fields.count, line: lineNumber)
            if let width, width != fields.count, columns == nil {
                throw .shape(
                    "loadtxt: line \(lineNumber) has \(fields.count) \(fields.count == 1 ? "column" : "columns") where the rows before it have \(width)",
                    hint: "use usecols= to read only some columns, or fix the line")
            }
            if width == nil { width = fields.count }
            for column in picked {
                values.append(try parseField(fields[column], dtype: dtype, line: lineNumber, column: column + 1))
            }
            rows += 1
        }
        // NumPy reads a (rows, columns) table, squeezes it unless that leaves fewer than ndmin
        // dimensions, and pads a 0-d result to (1,) for ndmin=1.
        let perRow = columns?.count ?? (rows == 0 ? 1 : width ?? 1)
        var shape = [rows, perRow]
        if ndmin < 2 { shape = shape.filter { $0 != 1 } }
        if shape.count < ndmin { shape = [1] }
        let result: Tensor
        do {
            result = try Tensor(shape: shape, scalars: values, dtype: dtype)
        } catch let error as TensorError {
            throw error
        } catch {
            throw .value("loadtxt: \(error)")
        }
        return unpack ? result.T : result
    }

    private static func firstOccurrence(of marker: String, in line: Substring) -> Substring.Index? {
        guard let first = marker.first else { return nil }
        var i = line.startIndex
        while let found = line[i...].firstIndex(of: first) {
            if line[found...].starts(with: marker) { return found }
            i = line.index(after: found)
        }
        return nil
    }

    private static func splitFields(_ line: Substring, delimiter: String?) -> [Substring] {
        guard let separator = delimiter?.first else {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{000B}" || $0 == "\u{000C}" })
        }
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return [] }
        return line.split(separator: separator, omittingEmptySubsequences: false)
    }

    private static func pick(_ columns: [Int]?, from count: Int, line: Int) throws(TensorError) -> [Int] {
        guard let columns else { return Array(0..<count) }
        var picked: [Int] = []
        for k in columns {
            let p = k < 0 ? k + count : k
            guard p >= 0 && p < count else {
                throw .index(
                    "loadtxt: column \(k) is outside line \(line), which has \(count) \(count == 1 ? "column" : "columns")",
                    hint: "columns count from 0; -1 is the last")
            }
            picked.append(p)
        }
        return picked
    }

    private static func parseField(
        _ raw: Substring, dtype: DType, line: Int, column: Int
    ) throws(TensorError)
        -> Double
    {
        var lower = raw.startIndex
        var upper = raw.endIndex
        while lower < upper, raw[lower] == " " || raw[lower] == "\t" { lower = raw.index(after: lower) }
        while upper > lower, raw[raw.index(before: upper)] == " " || raw[raw.index(before: upper)] == "\t" {
            upper = raw.index(before: upper)
        }
        let text = raw[lower..<upper]
        func refuse(_ kind: String) -> TensorError {
            .value(
                "loadtxt: cannot read \"\(text)\" as \(kind) (line \(line), column \(column))",
                hint: dtype == .int64
                    ? "an int64 column holds whole numbers written without a decimal point; read it with dtype=\"float64\""
                    : "every field must be a number; skip header lines with skiprows= and other columns with usecols=")
        }
        if dtype == .int64 {
            guard let value = Int64(text) else {
                throw refuse("an int64")
            }
            return Double(value)
        }
        // Swift also reads hexadecimal floats and nan payloads, which NumPy does not.
        guard !text.contains(where: { $0 == "x" || $0 == "X" || $0 == "(" || $0 == "_" }),
            let value = Double(text)
        else {
            throw refuse(dtype == .bool ? "a bool (a number, true when nonzero)" : "a float64")
        }
        return dtype == .bool ? (value != 0 ? 1 : 0) : value
    }
}
