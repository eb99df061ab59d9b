import Foundation

@testable import KisoPlot

/// The plots the snapshot tests draw: one of each type, with deterministic data.
enum Samples {
    static func tanhPlot() -> Plot {
        var plot = Plot.function(tanh, -3, 3, name: "tanh", width: 40)
        plot.height = 10
        plot.title = "tanh"
        plot.xlabel = "x"
        return plot
    }

    static func activations() -> Plot {
        let relu: (Double) -> Double = { Swift.max(0, $0) }
        let sigmoid: (Double) -> Double = { 1 / (1 + exp(-$0)) }
        var plot = Plot.function(
            [tanh, sigmoid, relu], from: -2, to: 2, names: ["tanh", "sigmoid", "relu"], width: 40)
        plot.height = 10
        plot.title = "activations"
        return plot
    }

    static func lines() -> Plot {
        let loss = (0..<20).map { 2.5 * exp(-Double($0) / 5) + 0.1 }
        var noisy = loss.enumerated().map { $0.element + 0.15 * sin(Double($0.offset) * 1.7) }
        noisy[7] = .nan
        noisy[12] = .infinity
        var plot = Plot.line([Series(loss, name: "train"), Series(noisy, name: "validation")], title: "loss")
        plot.width = 40
        plot.height = 10
        plot.xlabel = "epoch"
        plot.ylabel = "loss"
        return plot
    }

    static func scatter() -> Plot {
        var xs: [Double] = []
        var ys: [Double] = []
        var labels: [String] = []
        for i in 0..<30 {
            let t = Double(i)
            xs.append(cos(t * 0.7) * (1 + 0.02 * t))
            ys.append(sin(t * 0.7) * (1 + 0.02 * t))
            labels.append(i % 3 == 0 ? "猫" : i % 3 == 1 ? "dog" : "bird")
        }
        var plot = Plot.scatter(x: xs, y: ys, labels: labels, title: "points")
        plot.width = 40
        plot.height = 10
        return plot
    }

    static func bars() -> Plot {
        var plot = Plot.bar(
            labels: ["猫 (cat)", "dog", "bird", "fish"], values: [0.61, 0.24, 0.1, 0.05], title: "softmax")
        plot.width = 30
        return plot
    }

    static func mixedBars() -> Plot {
        var plot = Plot.bar(labels: ["a", "b", "c", "d"], values: [3.5, -1.25, 0, -2], title: "logits")
        plot.width = 30
        return plot
    }

    static func histogram() -> Plot {
        // A deterministic, roughly normal sample: sums of a simple linear congruential sequence.
        var state: UInt64 = 42
        var values: [Double] = []
        for _ in 0..<200 {
            var sum = 0.0
            for _ in 0..<6 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                sum += Double(state >> 11) / Double(1 << 53)
            }
            values.append(sum - 3)
        }
        var plot = Plot.histogram(values, title: "sample")
        plot.width = 30
        return plot
    }

    static func attention() -> Plot {
        let weights: [[Double]] = [
            [0.71, 0.12, 0.09, 0.08],
            [0.20, 0.55, 0.15, 0.10],
            [0.05, 0.30, 0.40, 0.25],
            [0.02, 0.08, 0.10, 0.80],
        ]
        let tokens = ["the", "cat", "sat", "down"]
        return Plot.heatmap(weights, rowLabels: tokens, columnLabels: tokens, title: "attention")
    }

    static func largeHeatmap() -> Plot {
        let matrix = (0..<24).map { i in (0..<32).map { j in sin(Double(i) / 4) * cos(Double(j) / 5) } }
        var plot = Plot.heatmap(matrix, title: "sin·cos")
        plot.height = 12
        return plot
    }

    static func decisionMap() -> Plot {
        let grid = (0..<20).map { i in
            (0..<30).map { j -> Int in
                let x = -3 + 6 * (Double(j) + 0.5) / 30
                let y = -2 + 4 * (Double(i) + 0.5) / 20
                return y > 0.5 * x * x - 1.5 ? 1 : 0
            }
        }
        let pointsX: [Double] = [-2, -1, 0, 1, 2, -1.5, 0.5, 1.5, 0, -2.5]
        let pointsY: [Double] = [1.5, 0.8, 1.0, 0.2, 1.8, -1.0, -1.5, -0.5, -1.8, 1.9]
        let classes = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
        var plot = Plot.decisionMap(
            classes: grid, x: AxisLimits(-3, 3), y: AxisLimits(-2, 2),
            points: Series.byClass(x: pointsX, y: pointsY, classes: classes), classNames: ["below", "above"],
            title: "decision")
        plot.width = 40
        plot.height = 10
        return plot
    }

    static func temperatures() -> Plot {
        let scores = [2.0, 1.0, 0.5, -1.0]
        let plots = [0.5, 1, 2].map { t -> Plot in
            let exps = scores.map { exp($0 / t) }
            let total = exps.reduce(0, +)
            return Plot.bar(labels: ["a", "b", "c", "d"], values: exps.map { $0 / total }, title: "T = \(t)")
        }
        var grid = Plot.grid(plots, columns: 3, title: "softmax at three temperatures")
        grid.width = 100
        return grid
    }

    static func fiveTemperatures() -> Plot {
        let scores = [3.0, 1.0, 0.2, -0.5, -2.0]
        let plots = [0.1, 0.5, 1, 2, 5].map { t -> Plot in
            let exps = scores.map { exp(($0 - 3) / t) }
            let total = exps.reduce(0, +)
            var plot = Plot.line(exps.map { $0 / total }, title: "T = \(t)")
            plot.ylim = AxisLimits(0, 1)
            plot.height = 6
            return plot
        }
        var grid = Plot.grid(plots, title: "softmax at five temperatures")
        grid.width = 120
        return grid
    }

    static func probabilityMap() -> Plot {
        let grid = (0..<16).map { i in
            (0..<24).map { j -> Double in
                let x = -2 + 4 * (Double(j) + 0.5) / 24
                let y = -2 + 4 * (Double(i) + 0.5) / 16
                return 1 / (1 + exp(-3 * (x + y)))
            }
        }
        let points = Series.byClass(x: [-1, -1.5, 1, 1.2], y: [-1, 0.5, 1, -0.3], classes: [0, 0, 1, 1])
        var plot = Plot.decisionMap(
            probabilities: grid, x: AxisLimits(-2, 2), y: AxisLimits(-2, 2), points: points, title: "P(class 1)")
        plot.width = 24
        plot.height = 8
        return plot
    }

    static let all: [(String, @Sendable () -> Plot)] = [
        ("tanh", tanhPlot), ("activations", activations), ("lines", lines), ("scatter", scatter),
        ("bars", bars), ("mixed_bars", mixedBars), ("histogram", histogram), ("attention", attention),
        ("large_heatmap", largeHeatmap), ("decision_map", decisionMap), ("temperatures", temperatures),
        ("five_temperatures", fiveTemperatures), ("probability_map", probabilityMap),
    ]
}
