/// One lexical unit of Kiso source.
public struct Token: Sendable, Equatable {
    /// What the token is, with its value for literals and names.
    public var kind: TokenKind
    /// Where it was written.
    public var span: SourceSpan

    /// A token from its parts.
    public init(_ kind: TokenKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// A piece of an f-string: literal text, or an embedded expression with its format spec.
public enum FStringPiece: Sendable, Equatable {
    /// Text copied as is (escapes already decoded, `{{` and `}}` already halved).
    case text(String)
    /// `{expression:spec}`: the expression's source, the offset of its first scalar in the
    /// whole source, its line and column, and the spec after the colon (empty when absent).
    case expression(source: String, offset: Int, line: Int, column: Int, spec: String)
}

/// The kinds of token.
public enum TokenKind: Sendable, Equatable {
    /// A number literal with a decimal point or an exponent: a float.
    case number(Double)
    /// A number literal without a decimal point or exponent: an int.
    case integer(Int)
    /// A string literal, escapes decoded.
    case string(String)
    /// An f-string literal split into pieces.
    case fstring([FStringPiece])
    /// A name (Unicode letters allowed).
    case identifier(String)
    /// A reserved word.
    case keyword(Keyword)
    /// An operator or punctuation mark, spelled as in the source (`^` is reported as `**`).
    case symbol(String)
    /// The end of a line (a statement boundary outside brackets).
    case newline
    /// The end of the input.
    case end
}

/// The reserved words.
public enum Keyword: String, Sendable, CaseIterable {
    /// Starts a block definition.
    case def
    /// Ends a block.
    case end
    /// Starts a conditional.
    case `if`
    /// Another branch of a conditional.
    case elif
    /// The last branch of a conditional.
    case `else`
    /// Starts a loop over values.
    case `for`
    /// Separates a loop variable from what it walks.
    case `in`
    /// Starts a conditional loop.
    case `while`
    /// Leaves a loop.
    case `break`
    /// Goes on with the next turn of a loop.
    case `continue`
    /// Leaves a function with a value.
    case `return`
    /// Logical and.
    case and
    /// Logical or.
    case or
    /// Logical not.
    case not
    /// The true value.
    case `true`
    /// The false value.
    case `false`
    /// The absent value; also `newaxis` inside an index.
    case none
}

extension TokenKind {
    /// How the token reads in an error message.
    var display: String {
        switch self {
        case .number(let value): return "number \(formatNumber(value))"
        case .integer(let value): return "number \(value)"
        case .string: return "a string"
        case .fstring: return "an f-string"
        case .identifier(let name): return "`\(name)`"
        case .keyword(let keyword): return "`\(keyword.rawValue)`"
        case .symbol(let symbol): return "`\(symbol)`"
        case .newline: return "the end of the line"
        case .end: return "the end of the input"
        }
    }
}
