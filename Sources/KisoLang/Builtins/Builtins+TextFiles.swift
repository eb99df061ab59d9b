import KisoTensor
import KisoText

/// Reading tables of numbers from text files, as NumPy's `np.loadtxt` does.
extension Registry {
    func registerTextFiles() {
        section("Files")
        add(
            "loadtxt",
            [
                param("fname", .string), param("dtype", .dtype, .string("float64")),
                param("comments", .any, .string("#")), param("delimiter", .any, .none),
                param("skiprows", .int, .int(0)), param("usecols", .axes, .none),
                param("unpack", .bool, .bool(false)), param("ndmin", .int, .int(0)),
                param("max_rows", .int, .none),
            ],
            doc:
                "A table of numbers from a text file, as NumPy's loadtxt reads it: one row per line, squeezed; a relative path starts at the notebook's or script's folder, else the working folder.",
            example: "loadtxt(\"/proc/self/statm\", dtype=\"int64\")"
        ) { a in
            let path = a.interpreter.resolvePath(try a.string("fname"))
            let text = try textCall("loadtxt") { () throws(TextError) in try TextFile.text(atPath: path) }
            return .tensor(
                try Tensor.loadText(
                    text, dtype: try dtype(a, "dtype"),
                    comments: try optionalText(a, "comments"), delimiter: try optionalText(a, "delimiter"),
                    skipRows: try a.int("skiprows"), columns: try a.axes("usecols"), unpack: try a.bool("unpack"),
                    ndmin: try a.int("ndmin"), maxRows: try a.optionalInt("max_rows")))
        }
    }
}

/// A string argument that may be none.
private func optionalText(_ a: Arguments, _ name: String) throws -> String? {
    try a.isNone(name) ? nil : try a.string(name)
}
