import Foundation
import Testing

@testable import KisoPlot

@Suite struct TickTests {
    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(Ticks.niceStep(span: 6, target: 6) == 1)
        #expect(Ticks.niceStep(span: 2, target: 5) == 0.5)
        #expect(Ticks.niceStep(span: 1, target: 5) == 0.2)
        #expect(Ticks.niceStep(span: 300, target: 4) == 100)
        #expect(Ticks.niceStep(span: 0.003, target: 3) == 0.001)
        for span in [0.7, 3.3, 17.0, 123.0, 4.5e6, 2.2e-7] {
            let step = Ticks.niceStep(span: span, target: 5)
            let mantissa = step / pow(10, floor(log10(step)))
            #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(step) for span \(span)")
        }
    }

    @Test func labelsHaveNoFloatingPointNoise() {
        let ticks = Ticks.positions(lower: 0, upper: 1, step: 0.1)
        let labels = ticks.map { Ticks.label($0, step: 0.1) }
        #expect(labels == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
        #expect(Ticks.label(0.1 + 0.2, step: 0.1) == "0.3")
        #expect(Ticks.label(-1e-17, step: 0.5) == "0")
        #expect(Ticks.label(-0.0, step: 1) == "0")
        #expect(Ticks.label(2_000_000, step: 1_000_000) == "2e6")
        #expect(Ticks.label(-2.5, step: 0.5) == "-2.5")
    }

    @Test func compactNumbersUseAtMostFourSignificantDigits() {
        #expect(NumberFormat.compact(0.30000000000000004) == "0.3")
        #expect(NumberFormat.compact(3.14159265) == "3.142")
        #expect(NumberFormat.compact(-0.0) == "0")
        #expect(NumberFormat.compact(-1e-300) == "-1e-300")
        #expect(NumberFormat.compact(123456) == "1.235e5")
        #expect(NumberFormat.compact(9999.6) == "1e4")
        #expect(NumberFormat.compact(0.00012345) == "0.0001234" || NumberFormat.compact(0.00012345) == "0.0001235")
        #expect(NumberFormat.compact(1234) == "1234")
        #expect(NumberFormat.compact(.nan) == "nan")
        #expect(NumberFormat.compact(-.infinity) == "-inf")
        #expect(NumberFormat.compact(Double.greatestFiniteMagnitude) == "1.798e308")
        #expect(NumberFormat.compact(Double.leastNonzeroMagnitude) == "4.941e-324")
    }

    @Test func automaticLimitsCoverTheDataAndWidenConstants() {
        let limits = Ticks.autoLimits(minimum: -0.995, maximum: 0.995, nice: true, target: 4)
        #expect(limits == AxisLimits(-1, 1))
        let constant = Ticks.autoLimits(minimum: 5, maximum: 5, nice: false, target: 4)
        #expect(constant.lower < 5 && constant.upper > 5)
        let zero = Ticks.autoLimits(minimum: 0, maximum: 0, nice: false, target: 4)
        #expect(zero == AxisLimits(-1, 1))
        #expect(Ticks.autoLimits(minimum: nil, maximum: nil, nice: true, target: 4) == AxisLimits(0, 1))
    }

    @Test func axisLimitsAcceptAnyPair() {
        #expect(AxisLimits(3, -2) == AxisLimits(-2, 3))
        #expect(AxisLimits(.nan, .infinity) == AxisLimits(0, 0))
    }
}
