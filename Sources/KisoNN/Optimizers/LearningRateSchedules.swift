import Glibc

/// Learning-rate schedules as functions of the step (or epoch) number, in PyTorch's closed forms.
public enum LearningRateSchedule {
    /// StepLR: `baseRate · gamma^⌊step / stepSize⌋`.
    public static func stepDecay(baseRate: Double, stepSize: Int, gamma: Double = 0.1, step: Int) -> Double {
        baseRate * Glibc.pow(gamma, Double(step / Swift.max(stepSize, 1)))
    }

    /// ExponentialLR: `baseRate · gamma^step`.
    public static func exponential(baseRate: Double, gamma: Double, step: Int) -> Double {
        baseRate * Glibc.pow(gamma, Double(step))
    }

    /// CosineAnnealingLR: `minRate + (baseRate − minRate)(1 + cos(π·step / maxSteps)) / 2`.
    public static func cosineAnnealing(baseRate: Double, maxSteps: Int, minRate: Double = 0, step: Int) -> Double {
        minRate + (baseRate - minRate) * (1 + Glibc.cos(Double.pi * Double(step) / Double(Swift.max(maxSteps, 1)))) / 2
    }
}
