import Synchronization

/// How tensors print, mirroring NumPy's `set_printoptions` (the defaults are NumPy's).
///
/// The process-wide setting lives in `PrintOptions.current`; every printing function also takes an
/// explicit value so a caller can override it for one call without touching the shared state.
public struct PrintOptions: Sendable, Equatable {
    /// How many digits may follow the decimal point (positional) or the leading digit
    /// (scientific). Values outside 0…1100 are clamped when printing; beyond 1100 every double is
    /// already exact.
    public var precision: Int
    /// Tensors with more elements than this print summarised, with `...` in place of the middle.
    public var threshold: Int
    /// How many leading and trailing entries of each axis a summary keeps.
    public var edgeitems: Int
    /// The width, in characters, at which rows wrap.
    public var linewidth: Int
    /// Whether to print small numbers positionally (rounded to `precision`) instead of switching
    /// the whole tensor to scientific notation.
    public var suppress: Bool
    /// How NaN prints inside tensors.
    public var nanstr: String
    /// How infinity prints inside tensors (preceded by `-` when negative).
    public var infstr: String
    /// Whether non-negative numbers carry a sign.
    public var sign: Sign
    /// How many fractional digits floats print with.
    public var floatmode: FloatMode

    /// NumPy's `sign` option.
    public enum Sign: String, Sendable {
        /// Only negative numbers carry a sign.
        case minus = "-"
        /// Non-negative numbers print a `+`.
        case plus = "+"
        /// Non-negative numbers print a space where the sign would be.
        case space = " "
    }

    /// NumPy's `floatmode` option.
    public enum FloatMode: String, Sendable {
        /// Always exactly `precision` fractional digits.
        case fixed
        /// As many digits as each value needs to round-trip, ignoring `precision`.
        case unique
        /// As many digits as each value needs, but at most `precision`.
        case maxprec
        /// The digits the longest value needs (at most `precision`), for every element.
        case maxprecEqual = "maxprec_equal"
    }

    /// Options with NumPy's defaults unless overridden.
    public init(
        precision: Int = 8, threshold: Int = 1000, edgeitems: Int = 3, linewidth: Int = 75,
        suppress: Bool = false, nanstr: String = "nan", infstr: String = "inf",
        sign: Sign = .minus, floatmode: FloatMode = .maxprec
    ) {
        self.precision = precision
        self.threshold = threshold
        self.edgeitems = edgeitems
        self.linewidth = linewidth
        self.suppress = suppress
        self.nanstr = nanstr
        self.infstr = infstr
        self.sign = sign
        self.floatmode = floatmode
    }

    private static let shared = Mutex(PrintOptions())

    /// The process-wide options that `description`, `str()` and `repr()` use by default.
    public static var current: PrintOptions {
        get { shared.withLock { $0 } }
        set { shared.withLock { $0 = newValue } }
    }

    /// Changes `current` in one step, so concurrent updates of different fields cannot undo
    /// each other (`current.precision = 3` reads, then writes, the whole value).
    public static func update(_ change: (inout PrintOptions) -> Void) {
        shared.withLock { change(&$0) }
    }

    /// The precision actually used: NumPy rejects negatives, and no double has more than 1100
    /// significant fractional digits, so larger requests change nothing.
    var effectivePrecision: Int { Swift.min(Swift.max(precision, 0), 1100) }

    /// Edge items kept from each end, bounded so that doubling it cannot overflow.
    var effectiveEdgeItems: Int { Swift.min(Swift.max(edgeitems, 0), 1 << 40) }

    /// The line width, bounded so that the width arithmetic of nested rows cannot overflow.
    var effectiveLineWidth: Int { Swift.min(Swift.max(linewidth, -(1 << 40)), 1 << 40) }
}
