import Glibc
import KisoTensor

extension Registry {
    /// Registers a function of one number or tensor: numbers stay numbers.
    private func elementwise(
        _ name: String, doc: String, example: String, grad: GradBehaviour = .notDifferentiable,
        scalar: @escaping (Double) -> Double, tensor: @escaping (Tensor) throws -> Tensor
    ) {
        add(name, [param("x", .numeric)], doc: doc, example: example, grad: grad) { a in
            let x = try a.take("x")
            if case .number(let number) = x { return .number(scalar(number)) }
            let result = try tensor(try Convert.tensor(x, "x"))
            // An int or a bool keeps the engine's dtype rule (abs(-3) is 3, sqrt(4) is 2.0).
            if case .int = x { return Convert.scalarValue(result) }
            if case .bool = x { return Convert.scalarValue(result) }
            return .tensor(result)
        }
    }

    func registerMath() {
        section("Elementwise math")
        elementwise(
            "exp", doc: "e to the power x, elementwise.", example: "exp([0, 1])", grad: .unary { try $0.exp() },
            scalar: Glibc.exp
        ) {
            $0.exp()
        }
        elementwise(
            "log", doc: "The natural logarithm, elementwise.", example: "log(e)", grad: .unary { try $0.log() },
            scalar: Glibc.log
        ) {
            $0.log()
        }
        elementwise(
            "log2", doc: "The base-2 logarithm.", example: "log2(8)", grad: .unary { try $0.log2() }, scalar: Glibc.log2
        ) { $0.log2() }
        elementwise(
            "log10", doc: "The base-10 logarithm.", example: "log10(1000)", grad: .unary { try $0.log10() },
            scalar: Glibc.log10
        ) { $0.log10() }
        elementwise(
            "log1p", doc: "log(1 + x), accurate for small x.", example: "log1p(1e-10)", grad: .unary { try $0.log1p() },
            scalar: Glibc.log1p
        ) {
            $0.log1p()
        }
        elementwise(
            "expm1", doc: "exp(x) - 1, accurate for small x.", example: "expm1(1e-10)", grad: .unary { try $0.expm1() },
            scalar: Glibc.expm1
        ) {
            $0.expm1()
        }
        elementwise(
            "sqrt", doc: "The square root, elementwise.", example: "sqrt(2)", grad: .unary { try $0.sqrt() },
            scalar: { $0.squareRoot() }
        ) {
            $0.sqrt()
        }
        elementwise(
            "abs", doc: "The absolute value, elementwise.", example: "abs([-1, 2])", grad: .unary { try $0.abs() },
            scalar: { Swift.abs($0) }
        ) { $0.abs() }
        elementwise(
            "square", doc: "x * x, elementwise (NumPy's square: ints stay ints).", example: "square([1, -2, 3])",
            grad: .unary { try $0 * $0 }, scalar: { $0 * $0 }
        ) { try $0 * $0 }
        elementwise(
            "negative", doc: "-x, elementwise (NumPy's negative).", example: "negative([1, -2])",
            grad: .unary { try $0.negated() }, scalar: { -$0 }
        ) { $0.negated() }
        elementwise(
            "sign", doc: "-1, 0 or 1 by the sign of x.", example: "sign([-2, 0, 3])",
            grad: .detaching, scalar: { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0.isNaN ? .nan : 0)) }
        ) { $0.sign() }
        elementwise(
            "sin", doc: "The sine (radians).", example: "sin(pi / 2)", grad: .unary { try $0.sin() }, scalar: Glibc.sin
        ) { $0.sin() }
        elementwise(
            "cos", doc: "The cosine (radians).", example: "cos(0)", grad: .unary { try $0.cos() }, scalar: Glibc.cos
        ) { $0.cos() }
        elementwise(
            "tan", doc: "The tangent (radians).", example: "tan(pi / 4)", grad: .unary { try $0.tan() },
            scalar: Glibc.tan
        ) { $0.tan() }
        elementwise(
            "arcsin", doc: "The inverse sine, in radians (nan outside [-1, 1]).", example: "arcsin(1)",
            grad: .unary { try $0.arcsin() }, scalar: Glibc.asin
        ) { $0.arcsin() }
        elementwise(
            "arccos", doc: "The inverse cosine, in radians (nan outside [-1, 1]).", example: "arccos(0)",
            grad: .unary { try $0.arccos() }, scalar: Glibc.acos
        ) { $0.arccos() }
        elementwise(
            "arctan", doc: "The inverse tangent, in radians.", example: "arctan(1)", grad: .unary { try $0.arctan() },
            scalar: Glibc.atan
        ) {
            $0.arctan()
        }
        elementwise(
            "degrees", doc: "Radians converted to degrees.", example: "degrees(pi)", scalar: { $0 * (180 / Double.pi) }
        ) { $0.degrees() }
        elementwise(
            "radians", doc: "Degrees converted to radians.", example: "radians(180)", scalar: { $0 * (Double.pi / 180) }
        ) { $0.radians() }
        elementwise(
            "tanh", doc: "The hyperbolic tangent.", example: "tanh([-1, 0, 1])", grad: .unary { try $0.tanh() },
            scalar: Glibc.tanh
        ) {
            $0.tanh()
        }
        elementwise(
            "sigmoid", doc: "1 / (1 + exp(-x)), elementwise.", example: "sigmoid(0)",
            grad: .unary { try $0.sigmoid() },
            scalar: { x in x >= 0 ? 1 / (1 + Glibc.exp(-x)) : Glibc.exp(x) / (1 + Glibc.exp(x)) }
        ) { $0.sigmoid() }
        elementwise(
            "erf", doc: "The error function.", example: "erf(1)", grad: .unary { try $0.erf() }, scalar: Glibc.erf
        ) { $0.erf() }
        elementwise(
            "floor", doc: "The largest whole number ≤ x.", example: "floor(2.7)", grad: .detaching,
            scalar: { $0.rounded(.down) }
        ) { $0.floor() }
        elementwise(
            "ceil", doc: "The smallest whole number ≥ x.", example: "ceil(2.1)", grad: .detaching,
            scalar: { $0.rounded(.up) }
        ) {
            $0.ceil()
        }
        add(
            "round", [param("x", .numeric), param("decimals", .int, .none)],
            doc:
                "Rounds to decimals places, halves to even: a Python number as Python's round (an int without decimals), a tensor as NumPy's.",
            example: "round(2.675, 2)", grad: .detaching
        ) { a in
            if case .number(let x) = try a["x"] { return try pythonRound(x, decimals: try a.optionalInt("decimals")) }
            if case .int = try a["x"] { return try a["x"] }
            return .tensor(try a.tensor("x").round(decimals: try a.optionalInt("decimals") ?? 0))
        }
        add(
            "clip", [param("x", .tensor), param("a_min", .tensor), param("a_max", .tensor)],
            doc: "Limits every element to [a_min, a_max] (none for no limit).", example: "clip([-2, 0.5, 3], 0, 1)",
            grad: .traced { a in
                .traced(try a.variable("x").clip(try a.optionalVariable("a_min"), try a.optionalVariable("a_max")))
            }
        ) { a in
            let low = try a.isNone("a_min") ? nil : try a.tensor("a_min")
            let high = try a.isNone("a_max") ? nil : try a.tensor("a_max")
            return .tensor(try a.tensor("x").clip(low, high))
        }
        add(
            "maximum", [param("x1", .tensor), param("x2", .tensor)],
            doc: "The larger of x1 and x2, elementwise (broadcasting).", example: "maximum([1, 5], 3)",
            grad: .binary(Variable.maximum)
        ) { a in
            .tensor(try Tensor.maximum(try a.tensor("x1"), try a.tensor("x2")))
        }
        add(
            "minimum", [param("x1", .tensor), param("x2", .tensor)],
            doc: "The smaller of x1 and x2, elementwise (broadcasting).", example: "minimum([1, 5], 3)",
            grad: .binary(Variable.minimum)
        ) { a in
            .tensor(try Tensor.minimum(try a.tensor("x1"), try a.tensor("x2")))
        }
        add(
            "where", [param("condition", .tensor), param("x", .tensor, .none), param("y", .tensor, .none)],
            doc: "x where condition is true, else y; with the condition alone, its non-zero positions (as nonzero).",
            example: "where([1, -1] > 0, 1, 0)",
            grad: .traced { a in
                if try a.isNone("x") && a.isNone("y") {
                    return .tuple(try a.tensor("condition").nonzero().map(Value.tensor))
                }
                return .traced(try Variable.where(try a.tensor("condition"), try a.variable("x"), try a.variable("y")))
            }
        ) { a in
            let condition = try a.tensor("condition")
            switch (try a.isNone("x"), try a.isNone("y")) {
            case (true, true): return .tuple(try condition.nonzero().map(Value.tensor))
            case (false, false): return .tensor(try Tensor.where(condition, try a.tensor("x"), try a.tensor("y")))
            default:
                throw KisoError(
                    .argument, "`where` takes the condition alone, or the condition with both x and y", span: a.span,
                    hint: "where(c) gives the positions; where(c, x, y) chooses between x and y")
            }
        }
        add(
            "isnan", [param("x", .tensor)], doc: "Whether each element is nan.", example: "isnan([1, nan])",
            grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").isnan())
        }
        add(
            "isinf", [param("x", .tensor)], doc: "Whether each element is ±inf.", example: "isinf([1, inf])",
            grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").isinf())
        }
        add(
            "isfinite", [param("x", .tensor)], doc: "Whether each element is finite.",
            example: "isfinite([1, inf, nan])", grad: .detaching
        ) { a in .tensor(try a.tensor("x").isfinite()) }
        add(
            "logical_and", [param("x1", .tensor), param("x2", .tensor)], doc: "Elementwise and.",
            example: "logical_and([true, false], true)", grad: .detaching
        ) { a in
            .tensor(try Tensor.logicalAnd(try a.tensor("x1"), try a.tensor("x2")))
        }
        add(
            "logical_or", [param("x1", .tensor), param("x2", .tensor)], doc: "Elementwise or.",
            example: "logical_or([true, false], false)", grad: .detaching
        ) { a in
            .tensor(try Tensor.logicalOr(try a.tensor("x1"), try a.tensor("x2")))
        }
        add(
            "logical_not", [param("x", .tensor)], doc: "Elementwise not.", example: "logical_not([true, false])",
            grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").logicalNot())
        }
        add(
            "power", [param("x1", .tensor), param("x2", .tensor)], doc: "x1 to the power x2, elementwise (same as **).",
            example: "power([1, 2, 3], 2)", grad: .binary(Variable.power)
        ) { a in
            .tensor(try Tensor.power(try a.tensor("x1"), try a.tensor("x2")))
        }
    }
}
