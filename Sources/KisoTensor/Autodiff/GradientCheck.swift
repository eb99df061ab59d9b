/// Checking reverse-mode gradients against central differences, element by element.

/// The outcome of `gradientCheck`: whether every element agreed, and the worst one.
public struct GradientCheckResult: Sendable, CustomStringConvertible {
    /// Whether every element satisfied |analytic − numeric| ≤ atol + rtol·|numeric|.
    public var passed: Bool
    /// The argument holding the worst element.
    public var argument: Int
    /// The worst element's position in that argument.
    public var index: [Int]
    /// The reverse-mode derivative there.
    public var analytic: Double
    /// The central-difference estimate there.
    public var numeric: Double
    /// |analytic − numeric| / max(|analytic|, |numeric|) there (0 when both are 0).
    public var relativeError: Double
    /// The number of elements compared.
    public var elementCount: Int

    /// One line: passed or failed, and the worst element.
    public var description: String {
        let place = "argument \(argument) at [" + index.map(String.init).joined(separator: ", ") + "]"
        let verdict = passed ? "gradient check passed" : "gradient check FAILED"
        return
            "\(verdict) (\(elementCount) elements); worst \(place): analytic \(analytic), numeric \(numeric), relative error \(relativeError)"
    }
}

/// Compares the gradient of the scalar function `f` at `arguments` with central differences
/// (f(x + h) − f(x − h)) / 2h, h = `step`·max(1, |x|), for every element of every argument in
/// `argnums` (all float arguments when nil), and reports the worst element.
public func gradientCheck(
    of f: ([Variable]) throws -> Variable, at arguments: [Tensor], argnums: [Int]? = nil,
    step: Double = 1e-6, rtol: Double = 1e-5, atol: Double = 1e-7
) throws -> GradientCheckResult {
    let chosen = argnums ?? arguments.indices.filter { arguments[$0].dtype == .float64 }
    let analytic = try gradient(of: f, at: arguments, argnums: chosen)
    var worst = GradientCheckResult(
        passed: true, argument: chosen.first ?? 0, index: [], analytic: 0, numeric: 0, relativeError: 0,
        elementCount: 0)
    var worstScore = -1.0
    func evaluate(_ inputs: [Tensor]) throws -> Double {
        let output = try f(inputs.map { Variable($0) })
        guard let value = output.value.scalar else {
            throw TensorError.shape(
                "gradient check needs a scalar output; f returned shape \(formatShape(output.shape))",
                hint: "sum it or pick an element")
        }
        return value
    }
    for (position, argnum) in chosen.enumerated() {
        let base = arguments[argnum].contiguous()
        let values = base.scalars
        let grads = analytic[position].scalars
        for element in values.indices {
            let x = values[element]
            let h = step * Swift.max(1, Swift.abs(x))
            var inputs = arguments
            var plus = values
            plus[element] = x + h
            var minus = values
            minus[element] = x - h
            inputs[argnum] = try Tensor(shape: base.shape, scalars: plus)
            let high = try evaluate(inputs)
            inputs[argnum] = try Tensor(shape: base.shape, scalars: minus)
            let low = try evaluate(inputs)
            let numeric = (high - low) / (plus[element] - minus[element])
            let exact = element < grads.count ? grads[element] : .nan
            let difference = Swift.abs(exact - numeric)
            let allowed = atol + rtol * Swift.abs(numeric)
            let score = difference.isNaN ? .infinity : difference / allowed
            let agrees = difference <= allowed || (exact == numeric)
            worst.elementCount += 1
            if !agrees { worst.passed = false }
            if score > worstScore {
                worstScore = score
                let scale = Swift.max(Swift.abs(exact), Swift.abs(numeric))
                worst.argument = argnum
                worst.index = unravel(element, shape: base.shape)
                worst.analytic = exact
                worst.numeric = numeric
                worst.relativeError = scale == 0 ? 0 : difference / scale
            }
        }
    }
    return worst
}

/// The multi-index of a row-major flat position.
private func unravel(_ flat: Int, shape: [Int]) -> [Int] {
    var rest = flat
    var index = [Int](repeating: 0, count: shape.count)
    for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
        index[axis] = rest % shape[axis]
        rest /= shape[axis]
    }
    return index
}
