/// Broadcasting arithmetic. Each pullback sums its cotangent back to the operand's own shape,
/// undoing the broadcast of the forward pass.
extension Variable {
    /// `a + b`, broadcasting.
    public static func add(_ a: Variable, _ b: Variable) throws -> Variable {
        let (shapeA, shapeB) = (a.shape, b.shape)
        return record(try Tensor.add(a.value, b.value), a, b) { g, _, needsA, needsB in
            (needsA ? try g.sum(toShape: shapeA) : nil, needsB ? try g.sum(toShape: shapeB) : nil)
        }
    }

    /// `a - b`, broadcasting.
    public static func subtract(_ a: Variable, _ b: Variable) throws -> Variable {
        let (shapeA, shapeB) = (a.shape, b.shape)
        return record(try Tensor.subtract(a.value, b.value), a, b) { g, _, needsA, needsB in
            (needsA ? try g.sum(toShape: shapeA) : nil, needsB ? try g.negated().sum(toShape: shapeB) : nil)
        }
    }

    /// `a * b`, elementwise, broadcasting.
    public static func multiply(_ a: Variable, _ b: Variable) throws -> Variable {
        record(try Tensor.multiply(a.value, b.value), a, b) { g, _, needsA, needsB in
            (
                needsA ? try multiply(g, b).sum(toShape: a.shape) : nil,
                needsB ? try multiply(g, a).sum(toShape: b.shape) : nil
            )
        }
    }

    /// `a / b`, true division, broadcasting.
    public static func divide(_ a: Variable, _ b: Variable) throws -> Variable {
        record(try Tensor.divide(a.value, b.value), a, b) { g, out, needsA, needsB in
            (
                needsA ? try divide(g, b).sum(toShape: a.shape) : nil,
                // d(a/b)/db = -(a/b)/b
                needsB ? try divide(multiply(g, out), b).negated().sum(toShape: b.shape) : nil
            )
        }
    }

    /// `a ** b`, elementwise, broadcasting. As in JAX, the derivative in `a` is 0 where `b` is 0
    /// (not 0·∞), and the derivative in `b` treats log(0) as 0, so `0 ** b` has gradient 0 in `b`.
    public static func power(_ a: Variable, _ b: Variable) throws -> Variable {
        let base = a.dtype == .float64 ? a : a.asFloat
        return record(try Tensor.power(base.value, b.value), base, b) { g, out, needsA, needsB in
            var da: Variable?
            var db: Variable?
            if needsA {
                let exponentIsZero = try Tensor.equal(b.value, Tensor(0))
                let lowered = try subtract(b, Variable(1))
                let slope = try multiply(b, power(base, lowered))
                let safe = try Variable.where(exponentIsZero, Variable(0), slope)
                da = try multiply(g, safe).sum(toShape: base.shape)
            }
            if needsB {
                let baseIsZero = try Tensor.equal(base.value, Tensor(0))
                let logBase = try Variable.where(
                    baseIsZero, Variable(0), Variable.where(baseIsZero, Variable(1), base).log())
                db = try multiply(g, multiply(out, logBase)).sum(toShape: b.shape)
            }
            return (da, db)
        }
    }

    /// `-x`.
    public func negated() throws -> Variable {
        Variable.record(value.negated(), self) { g, _ in try g.negated() }
    }

    /// The value as float64 (bool and int64 values become floats; a float value is unchanged).
    var asFloat: Variable {
        dtype == .float64 ? self : Variable(value: value.cast(to: .float64), track: track, outerTracks: outerTracks)
    }
}
