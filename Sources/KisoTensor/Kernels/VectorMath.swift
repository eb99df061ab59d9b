import CBLAS
import Glibc
import KisoVectorKernels

/// exp, log, sigmoid, softplus and tanh over long runs of values. The vectorised kernels live in KisoVectorKernels, a
/// module compiled for AVX2 and FMA (Haswell-class CPUs and later); they run only when the CPU
/// has those instructions, and C's functions take over elsewhere.
enum VectorMath {
    /// Whether this CPU can run KisoVectorKernels, checked once.
    static let vectorKernelsAvailable = kiso_cpu_has_avx2_fma() != 0

    /// eˣ of `count` values.
    static func exp(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        if vectorKernelsAvailable {
            VectorExp.apply(source, destination, count: count)
        } else {
            for i in 0..<count { destination[i] = Glibc.exp(source[i]) }
        }
    }

    /// The natural logarithm of `count` values.
    static func log(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        if vectorKernelsAvailable {
            VectorLog.apply(source, destination, count: count)
        } else {
            for i in 0..<count { destination[i] = Glibc.log(source[i]) }
        }
    }

    /// The logistic function 1/(1 + e⁻ˣ) of `count` values.
    static func sigmoid(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        if vectorKernelsAvailable {
            VectorSigmoid.apply(source, destination, count: count)
        } else {
            for i in 0..<count { destination[i] = sigmoidElement(source[i]) }
        }
    }

    /// log(1 + e^(βx))/β of `count` values, and x itself where βx > threshold (PyTorch's softplus).
    static func softplus(
        _ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int,
        beta: Double, threshold: Double
    ) {
        if vectorKernelsAvailable {
            VectorSoftplus.apply(source, destination, count: count, beta: beta, threshold: threshold)
        } else {
            for i in 0..<count {
                let z = source[i] * beta
                destination[i] = z > threshold ? source[i] : (Swift.max(z, 0) + Glibc.log1p(Glibc.exp(-Swift.abs(z)))) / beta
            }
        }
    }

    /// g·σ(βx) for `count` cotangents g and inputs x, and g itself where βx > threshold.
    static func softplusPullback(
        _ cotangent: UnsafePointer<Double>, _ source: UnsafePointer<Double>,
        _ destination: UnsafeMutablePointer<Double>, count: Int, beta: Double, threshold: Double
    ) {
        if vectorKernelsAvailable {
            VectorSoftplus.pullback(cotangent, source, destination, count: count, beta: beta, threshold: threshold)
        } else {
            for i in 0..<count {
                let z = source[i] * beta
                destination[i] = z > threshold ? cotangent[i] : cotangent[i] / (1 + Glibc.exp(-z))
            }
        }
    }

    /// tanh of `count` values.
    static func tanh(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        if vectorKernelsAvailable {
            VectorTanh.apply(source, destination, count: count)
        } else {
            for i in 0..<count { destination[i] = Glibc.tanh(source[i]) }
        }
    }
}
