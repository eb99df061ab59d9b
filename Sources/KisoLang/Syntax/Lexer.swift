/// Turns source text into tokens, each with its span. Newlines inside brackets are skipped, so an
/// open bracket continues a statement onto the next line; a string may also span lines.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line: Int
    private var column: Int
    private let baseOffset: Int
    private var brackets: [Unicode.Scalar] = []
    /// Problems met while scanning; scanning goes on after each.
    private(set) var errors: [KisoError] = []
    /// Whether the input ended inside a string literal.
    private(set) var endedInString = false
    /// How many brackets were still open at the end.
    var openBrackets: Int { brackets.count }

    /// A lexer over `source`, whose first scalar sits at `offset` on `line`:`column`.
    init(_ source: String, line: Int = 1, column: Int = 1, offset: Int = 0) {
        scalars = Array(source.unicodeScalars)
        self.line = line
        self.column = column
        baseOffset = offset
    }

    /// Every token up to and including `.end`.
    mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 2 + 2)
        while let token = next() { tokens.append(token) }
        tokens.append(Token(.end, span(from: position, line: line, column: column)))
        return tokens
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    private mutating func advance() -> Unicode.Scalar? {
        guard position < scalars.count else { return nil }
        let scalar = scalars[position]
        position += 1
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return scalar
    }

    private func span(from start: Int, line: Int, column: Int) -> SourceSpan {
        SourceSpan(start: baseOffset + start, end: baseOffset + position, line: line, column: column)
    }

    private mutating func fail(_ message: String, from start: Int, line: Int, column: Int, hint: String? = nil) {
        errors.append(KisoError(.syntax, message, span: span(from: start, line: line, column: column), hint: hint))
    }

    private mutating func next() -> Token? {
        while let scalar = peek() {
            let start = position
            let startLine = line
            let startColumn = column
            switch scalar {
            case " ", "\t", "\r":
                _ = advance()
            case "\\" where peek(1) == "\n":
                // An explicit line continuation.
                _ = advance()
                _ = advance()
            case "#":
                while let c = peek(), c != "\n" { _ = advance() }
            case "\n":
                _ = advance()
                if brackets.isEmpty { return Token(.newline, span(from: start, line: startLine, column: startColumn)) }
            case "0"..."9":
                return number(start: start, line: startLine, column: startColumn)
            case "." where peek(1).map(isDigit) ?? false:
                return number(start: start, line: startLine, column: startColumn)
            case "\"", "'":
                _ = advance()
                let text = stringBody(quote: scalar, start: start, line: startLine, column: startColumn)
                return Token(.string(text), span(from: start, line: startLine, column: startColumn))
            case "f" where peek(1) == "\"" || peek(1) == "'":
                _ = advance()
                guard let quote = advance() else { return nil }
                let pieces = fstringBody(quote: quote, start: start, line: startLine, column: startColumn)
                return Token(.fstring(pieces), span(from: start, line: startLine, column: startColumn))
            default:
                if isIdentifierStart(scalar) {
                    var view = String.UnicodeScalarView()
                    while let c = peek(), isIdentifierPart(c) {
                        view.append(c)
                        _ = advance()
                    }
                    let name = String(view)
                    let kind: TokenKind = Keyword(rawValue: name).map { .keyword($0) } ?? .identifier(name)
                    return Token(kind, span(from: start, line: startLine, column: startColumn))
                }
                if let symbol = symbol() {
                    return Token(.symbol(symbol), span(from: start, line: startLine, column: startColumn))
                }
                _ = advance()
                fail(
                    "unexpected character `\(scalar.escaped(asASCII: false))`", from: start, line: startLine,
                    column: startColumn, hint: "remove it, or put it inside a string")
            }
        }
        return nil
    }

    private mutating func symbol() -> String? {
        guard let c = peek() else { return nil }
        let two = peek(1).map { String(c) + String($0) } ?? ""
        let three = peek(2).map { two + String($0) } ?? ""
        if three == "..." {
            for _ in 0..<3 { _ = advance() }
            return "..."
        }
        if ["**", "//", "==", "!=", "<=", ">=", "->", "+=", "-=", "*=", "/="].contains(two) {
            _ = advance()
            _ = advance()
            return two
        }
        switch c {
        case "(", "[", "{":
            brackets.append(c)
        case ")", "]", "}":
            if !brackets.isEmpty { brackets.removeLast() }
        case "^":
            _ = advance()
            return "**"
        case "+", "-", "*", "/", "%", "@", ",", ":", ";", ".", "=", "<", ">", "?":
            break
        default:
            return nil
        }
        _ = advance()
        return String(c)
    }

    private mutating func number(start: Int, line startLine: Int, column startColumn: Int) -> Token {
        var text = ""
        func digits(_ lexer: inout Lexer) {
            while let c = lexer.peek(), isDigit(c) || (c == "_" && lexer.peek(1).map(isDigit) ?? false) {
                if c != "_" { text.unicodeScalars.append(c) }
                _ = lexer.advance()
            }
        }
        digits(&self)
        if peek() == ".", peek(1).map({ isDigit($0) || !(isIdentifierStart($0) || $0 == ".") }) ?? true {
            text += "."
            _ = advance()
            digits(&self)
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let hasSign = sign == "+" || sign == "-"
            if let d = peek(hasSign ? 2 : 1), isDigit(d) {
                text += "e"
                _ = advance()
                if hasSign, let s = advance() { text.unicodeScalars.append(s) }
                digits(&self)
            }
        }
        if text.hasPrefix(".") { text = "0" + text }
        if let c = peek(), isIdentifierStart(c) {
            fail(
                "a number cannot run straight into a name", from: position, line: line, column: column,
                hint: "write `2 * x`, not `2x`")
        }
        let tokenSpan = span(from: start, line: startLine, column: startColumn)
        // As in Python, a literal without a point or an exponent is an int.
        if !text.contains(".") && !text.contains("e") {
            if let value = Int(text) { return Token(.integer(value), tokenSpan) }
            fail(
                "the integer \(text) does not fit in 64 bits", from: start, line: startLine, column: startColumn,
                hint: "Kiso's ints are 64-bit (at most 9223372036854775807); write \(text).0 for a float")
            return Token(.integer(0), tokenSpan)
        }
        return Token(.number(Double(text) ?? .nan), tokenSpan)
    }

    /// The body of a string after its opening quote, with escapes decoded.
    private mutating func stringBody(
        quote: Unicode.Scalar, start: Int, line startLine: Int, column startColumn: Int
    )
        -> String
    {
        var view = String.UnicodeScalarView()
        while true {
            guard let c = advance() else {
                endedInString = true
                fail(
                    "unterminated string", from: start, line: startLine, column: startColumn,
                    hint: "close it with \(quote)")
                return String(view)
            }
            if c == quote { return String(view) }
            if c == "\\" {
                guard let e = advance() else { continue }
                decodeEscape(e, into: &view)
            } else {
                view.append(c)
            }
        }
    }

    private mutating func decodeEscape(_ e: Unicode.Scalar, into view: inout String.UnicodeScalarView) {
        switch e {
        case "n": view.append("\n")
        case "t": view.append("\t")
        case "r": view.append("\r")
        case "0": view.append("\0")
        case "\\", "'", "\"", "{", "}": view.append(e)
        case "\n": break
        case "u":
            var hex = ""
            var count = 0
            while count < 4, let h = peek(), h.properties.isASCIIHexDigit {
                hex.unicodeScalars.append(h)
                _ = advance()
                count += 1
            }
            if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                view.append(scalar)
            }
        default:
            view.append("\\")
            view.append(e)
        }
    }

    /// The pieces of an f-string after its opening quote.
    private mutating func fstringBody(
        quote: Unicode.Scalar, start: Int, line startLine: Int, column startColumn: Int
    )
        -> [FStringPiece]
    {
        var pieces: [FStringPiece] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { pieces.append(.text(String(text))) }
            text = String.UnicodeScalarView()
        }
        while true {
            guard let c = peek() else {
                endedInString = true
                fail(
                    "unterminated f-string", from: start, line: startLine, column: startColumn,
                    hint: "close it with \(quote)")
                flush()
                return pieces
            }
            if c == quote {
                _ = advance()
                flush()
                return pieces
            }
            if c == "{" && peek(1) == "{" || c == "}" && peek(1) == "}" {
                _ = advance()
                _ = advance()
                text.append(c)
                continue
            }
            if c == "\\" {
                _ = advance()
                if let e = advance() { decodeEscape(e, into: &text) }
                continue
            }
            if c == "{" {
                flush()
                _ = advance()
                if let piece = fstringField(quote: quote) { pieces.append(piece) }
                continue
            }
            if c == "}" {
                let at = position
                let (l, col) = (line, column)
                _ = advance()
                fail(
                    "single `}` in an f-string", from: at, line: l, column: col, hint: "write `}}` for a literal brace")
                continue
            }
            text.append(c)
            _ = advance()
        }
    }

    /// `expression[:spec]}` inside an f-string, after the `{`.
    private mutating func fstringField(quote: Unicode.Scalar) -> FStringPiece? {
        let exprStart = position
        let (exprLine, exprColumn) = (line, column)
        var depth = 0
        var inner: Unicode.Scalar? = nil
        var expression = String.UnicodeScalarView()
        var spec: String? = nil
        while let c = peek() {
            if c == quote && inner == nil { break }
            if let q = inner {
                if c == q { inner = nil }
            } else if c == "'" || c == "\"" {
                inner = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if (c == ")" || c == "]" || c == "}") && depth > 0 {
                depth -= 1
            } else if c == "}" {
                _ = advance()
                return .expression(
                    source: String(expression), offset: baseOffset + exprStart, line: exprLine, column: exprColumn,
                    spec: spec ?? "")
            } else if c == ":" && depth == 0 && spec == nil {
                _ = advance()
                var specView = String.UnicodeScalarView()
                while let s = peek(), s != "}", s != quote {
                    specView.append(s)
                    _ = advance()
                }
                spec = String(specView)
                continue
            }
            expression.append(c)
            _ = advance()
        }
        fail(
            "unclosed `{` in an f-string", from: exprStart - 1, line: exprLine, column: exprColumn - 1,
            hint: "close it with `}`")
        return nil
    }
}

func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
    return c.properties.isAlphabetic
}

func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return isIdentifierStart(c) || isDigit(c) }
    // Letters, digits, and combining marks and subscripts such as θ₁ or x̂.
    return c.properties.isAlphabetic || c.properties.numericType != nil
        || c.properties.generalCategory == .nonspacingMark
}
