import Glibc
import KisoVectorKernels

/// An elementwise function of one value, named by a type so that the loops calling it are
/// compiled for it alone (a closure here would cost a call per element).
protocol UnaryKernel {
    static func apply(_ x: Double) -> Double
    /// The same function in KisoVectorKernels, eight elements at a time with the same bits,
    /// when it has one.
    static var vectorized: VectorArithmetic.Unary? { get }
}

/// An elementwise function of two values, named by a type (see `UnaryKernel`).
protocol BinaryKernel {
    static func apply(_ x: Double, _ y: Double) -> Double
    /// The same function in KisoVectorKernels, when it has one (see `UnaryKernel.vectorized`).
    static var vectorized: VectorArithmetic.Binary? { get }
}

extension UnaryKernel {
    static var vectorized: VectorArithmetic.Unary? { nil }
}

extension BinaryKernel {
    static var vectorized: VectorArithmetic.Binary? { nil }
}

enum Kernel {
    enum Add: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { x + y }
        static var vectorized: VectorArithmetic.Binary? { .add }
    }
    enum Subtract: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { x - y }
        static var vectorized: VectorArithmetic.Binary? { .subtract }
    }
    enum Multiply: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { x * y }
        static var vectorized: VectorArithmetic.Binary? { .multiply }
    }
    enum Divide: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { x / y }
        static var vectorized: VectorArithmetic.Binary? { .divide }
    }
    enum Power: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { powerElement(x, y) } }
    enum Mod: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { modElement(x, y) } }
    /// Whole-number remainder: `x % 0` is 0, as NumPy gives for integers.
    enum IntegerMod: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { y == 0 ? 0 : modElement(x, y) }
    }
    enum FloorDivide: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { floorDivideElement(x, y) }
    }
    /// Whole-number floor division: `x // 0` is 0, as NumPy gives for integers.
    enum IntegerFloorDivide: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { y == 0 ? 0 : floorDivideElement(x, y) }
    }
    enum Maximum: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { x.isNaN || y.isNaN ? .nan : (x >= y ? x : y) }
    }
    enum Minimum: BinaryKernel {
        static func apply(_ x: Double, _ y: Double) -> Double { x.isNaN || y.isNaN ? .nan : (x <= y ? x : y) }
    }
    enum Equal: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x == y ? 1 : 0 } }
    enum NotEqual: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x != y ? 1 : 0 } }
    enum Less: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x < y ? 1 : 0 } }
    enum LessEqual: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x <= y ? 1 : 0 } }
    enum Greater: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x > y ? 1 : 0 } }
    enum GreaterEqual: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x >= y ? 1 : 0 } }
    enum LogicalAnd: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x != 0 && y != 0 ? 1 : 0 } }
    enum LogicalOr: BinaryKernel { static func apply(_ x: Double, _ y: Double) -> Double { x != 0 || y != 0 ? 1 : 0 } }

    enum Negate: UnaryKernel { static func apply(_ x: Double) -> Double { -x } }
    enum Log2: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.log2(x) } }
    enum Log10: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.log10(x) } }
    enum Log1p: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.log1p(x) } }
    enum Expm1: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.expm1(x) } }
    enum Sqrt: UnaryKernel { static func apply(_ x: Double) -> Double { x.squareRoot() } }
    enum Abs: UnaryKernel { static func apply(_ x: Double) -> Double { Swift.abs(x) } }
    enum Sign: UnaryKernel { static func apply(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : x) } }
    enum Sin: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.sin(x) } }
    enum Cos: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.cos(x) } }
    enum Tan: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.tan(x) } }
    enum Arcsin: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.asin(x) } }
    enum Arccos: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.acos(x) } }
    enum Arctan: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.atan(x) } }
    enum Degrees: UnaryKernel { static func apply(_ x: Double) -> Double { x * (180 / Double.pi) } }
    enum Radians: UnaryKernel { static func apply(_ x: Double) -> Double { x * (Double.pi / 180) } }
    enum Tanh: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.tanh(x) } }
    enum Erf: UnaryKernel { static func apply(_ x: Double) -> Double { Glibc.erf(x) } }
    enum Floor: UnaryKernel { static func apply(_ x: Double) -> Double { x.rounded(.down) } }
    enum Ceil: UnaryKernel { static func apply(_ x: Double) -> Double { x.rounded(.up) } }
    enum Round: UnaryKernel { static func apply(_ x: Double) -> Double { x.rounded(.toNearestOrEven) } }
    /// max(x, 0), keeping nan (as `maximum(x, 0)` does).
    enum Relu: UnaryKernel {
        static func apply(_ x: Double) -> Double { x > 0 || x.isNaN ? x : 0 }
        static var vectorized: VectorArithmetic.Unary? { .relu }
    }
    enum Square: UnaryKernel { static func apply(_ x: Double) -> Double { x * x } }
    enum IsNaN: UnaryKernel { static func apply(_ x: Double) -> Double { x.isNaN ? 1 : 0 } }
    enum IsInf: UnaryKernel { static func apply(_ x: Double) -> Double { x.isInfinite ? 1 : 0 } }
    enum IsFinite: UnaryKernel { static func apply(_ x: Double) -> Double { x.isFinite ? 1 : 0 } }
    enum LogicalNot: UnaryKernel { static func apply(_ x: Double) -> Double { x == 0 ? 1 : 0 } }
    enum NonZero: UnaryKernel { static func apply(_ x: Double) -> Double { x != 0 ? 1 : 0 } }
    enum TruncateToWhole: UnaryKernel {
        static func apply(_ x: Double) -> Double { x.isFinite ? x.rounded(.towardZero) : x }
    }
}
