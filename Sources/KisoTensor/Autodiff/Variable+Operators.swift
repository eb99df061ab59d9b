/// Operators over variables and plain numbers, so formulas read as written: `x * x + 1`.
extension Variable {
    /// `a + b`, broadcasting.
    public static func + (a: Variable, b: Variable) throws -> Variable { try add(a, b) }
    /// `a - b`, broadcasting.
    public static func - (a: Variable, b: Variable) throws -> Variable { try subtract(a, b) }
    /// `a * b`, elementwise, broadcasting.
    public static func * (a: Variable, b: Variable) throws -> Variable { try multiply(a, b) }
    /// `a / b`, broadcasting.
    public static func / (a: Variable, b: Variable) throws -> Variable { try divide(a, b) }
    /// `-a`.
    public static prefix func - (a: Variable) throws -> Variable { try a.negated() }

    /// `a + b` for a number `b`.
    public static func + (a: Variable, b: Double) throws -> Variable { try add(a, Variable(b)) }
    /// `a + b` for a number `a`.
    public static func + (a: Double, b: Variable) throws -> Variable { try add(Variable(a), b) }
    /// `a - b` for a number `b`.
    public static func - (a: Variable, b: Double) throws -> Variable { try subtract(a, Variable(b)) }
    /// `a - b` for a number `a`.
    public static func - (a: Double, b: Variable) throws -> Variable { try subtract(Variable(a), b) }
    /// `a * b` for a number `b`.
    public static func * (a: Variable, b: Double) throws -> Variable { try multiply(a, Variable(b)) }
    /// `a * b` for a number `a`.
    public static func * (a: Double, b: Variable) throws -> Variable { try multiply(Variable(a), b) }
    /// `a / b` for a number `b`.
    public static func / (a: Variable, b: Double) throws -> Variable { try divide(a, Variable(b)) }
    /// `a / b` for a number `a`.
    public static func / (a: Double, b: Variable) throws -> Variable { try divide(Variable(a), b) }

    /// `self ** exponent` for a number exponent.
    public func pow(_ exponent: Double) throws -> Variable { try Variable.power(self, Variable(exponent)) }
}
