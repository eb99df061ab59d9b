extension Tensor: CustomStringConvertible, CustomDebugStringConvertible {
    /// The tensor as NumPy's `str(a)` prints it, with `PrintOptions.current`.
    public var description: String { str() }

    /// The tensor as NumPy's `repr(a)` prints it, with `PrintOptions.current`.
    public var debugDescription: String { repr() }

    /// The tensor as NumPy's `str(a)` prints it: `[1. 2.5]`, or a 0-d tensor as its scalar.
    ///
    /// - Parameter options: the options to use instead of `PrintOptions.current`.
    public func str(options: PrintOptions? = nil) -> String {
        let options = options ?? PrintOptions.current
        // A 0-d tensor prints like the scalar it holds, ignoring precision.
        if shape.isEmpty, let value = scalar {
            switch dtype {
            case .float64: return formatScalar(value)
            case .int64: return ElementFormatter.integerDigits(value)
            case .bool: return value != 0 ? "True" : "False"
            }
        }
        return arrayText(options: options, separator: " ", prefix: "", suffix: "")
    }

    /// The tensor as NumPy's `repr(a)` prints it: `array([1. , 2.5])`, with `shape=` and
    /// `dtype=` added where NumPy adds them (empty or summarised tensors, non-default dtypes).
    ///
    /// - Parameter options: the options to use instead of `PrintOptions.current`.
    public func repr(options: PrintOptions? = nil) -> String {
        let options = options ?? PrintOptions.current
        let prefix = "array("
        let body = arrayText(options: options, separator: ", ", prefix: prefix, suffix: ")")

        var extras: [String] = []
        if (count == 0 && shape != [0]) || count > options.threshold {
            extras.append("shape=" + Self.pythonTuple(shape))
        }
        // float64 and int64 are implied by how the values look; bool is too, unless empty.
        if count == 0 {
            extras.append("dtype=\(dtype)")
        }
        if extras.isEmpty { return prefix + body + ")" }

        let head = prefix + body + ","
        let tail = extras.joined(separator: ", ") + ")"
        let lastLine = head.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).last
        let lastLineLength = lastLine?.count ?? 0
        let spacer =
            lastLineLength + tail.unicodeScalars.count + 1 > options.effectiveLineWidth
            ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return head + spacer + tail
    }

    /// NumPy's `array2string`: the bracketed elements, wrapped to the line width less the
    /// closing `suffix`, with continuation lines indented past `prefix`.
    private func arrayText(
        options: PrintOptions, separator: String, prefix: String, suffix: String
    )
        -> String
    {
        if count == 0 { return "[]" }
        let edgeItems = options.effectiveEdgeItems
        let summarise = count > options.threshold
        let shown = ArrayLayout.shownValues(of: self, edgeItems: edgeItems, summarise: summarise)
        let formatter = ElementFormatter(
            dtype: dtype, values: shown, isScalar: shape.isEmpty, options: options)
        let layout = ArrayLayout(
            tensor: self, formatter: formatter,
            lineWidth: options.effectiveLineWidth - suffix.unicodeScalars.count,
            separator: separator, edgeItems: edgeItems, summarise: summarise)
        return layout.render(nextLinePrefix: " " + String(repeating: " ", count: prefix.count))
    }

    /// A shape as Python prints a tuple: `()`, `(5,)`, `(2, 3)`.
    static func pythonTuple(_ shape: [Int]) -> String {
        if shape.count == 1 { return "(\(shape[0]),)" }
        return "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
