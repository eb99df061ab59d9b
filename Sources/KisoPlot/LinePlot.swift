extension Plot {
    /// A line plot of several series, each over its own x (or its indices), with a legend of the
    /// named ones. Non-finite points are skipped (breaking the line) and counted in a note.
    public static func line(_ series: [Series], title: String? = nil) -> Plot {
        var data = AxesData()
        data.lines = series
        data.notes = series.compactMap(\.lengthNote)
        return Plot(.axes(data), title: title)
    }

    /// A line plot of one series: `y` over `x`, or over the indices 0, 1, 2, … when `x` is nil.
    public static func line(
        _ y: [Double], x: [Double]? = nil, name: String? = nil, title: String? = nil
    ) -> Plot {
        line([Series(y, x: x, name: name)], title: title)
    }

    /// Several functions sampled over `lower...upper` at the canvas's resolution (two samples per
    /// character column of `width`, default 60 columns), one line each, named by `names`.
    /// An error thrown by a function is passed on.
    public static func function<E: Error>(
        _ functions: [(Double) throws(E) -> Double], from lower: Double, to upper: Double,
        names: [String?] = [], width: Int? = nil, title: String? = nil
    ) throws(E) -> Plot {
        let interval = AxisLimits(lower, upper)
        let xs = samplePoints(interval, width: width)
        var series: [Series] = []
        for (index, function) in functions.enumerated() {
            let ys = try sample(function, at: xs)
            series.append(Series(ys, x: xs, name: index < names.count ? names[index] : nil))
        }
        return functionPlot(series, interval: interval, width: width, title: title)
    }

    /// One function sampled over `lower...upper`: `Plot.function(tanh, -3, 3)`.
    public static func function<E: Error>(
        _ function: (Double) throws(E) -> Double, _ lower: Double, _ upper: Double, name: String? = nil,
        width: Int? = nil, title: String? = nil
    ) throws(E) -> Plot {
        let interval = AxisLimits(lower, upper)
        let xs = samplePoints(interval, width: width)
        let ys = try sample(function, at: xs)
        return functionPlot([Series(ys, x: xs, name: name)], interval: interval, width: width, title: title)
    }

    private static func samplePoints(_ interval: AxisLimits, width: Int?) -> [Double] {
        let columns = PlotSize.clamp(width, PlotSize.widthRange, fallback: PlotSize.defaultWidth)
        let count = columns * 2
        var xs: [Double] = []
        xs.reserveCapacity(count)
        for i in 0..<count {
            let t = Double(i) / Double(count - 1)
            xs.append(i == count - 1 ? interval.upper : interval.lower + t * (interval.upper - interval.lower))
        }
        return xs
    }

    private static func sample<E: Error>(
        _ function: (Double) throws(E) -> Double, at xs: [Double]
    ) throws(E)
        -> [Double]
    {
        var ys: [Double] = []
        ys.reserveCapacity(xs.count)
        for x in xs { ys.append(try function(x)) }
        return ys
    }

    private static func functionPlot(_ series: [Series], interval: AxisLimits, width: Int?, title: String?) -> Plot {
        var data = AxesData()
        data.lines = series
        data.niceX = false
        var plot = Plot(.axes(data), title: title)
        plot.width = width
        plot.xlim = interval.upper > interval.lower ? interval : nil
        return plot
    }

    /// A scatter plot of groups of points, each with its own marker and colour, named in the legend.
    public static func scatter(_ groups: [Series], title: String? = nil) -> Plot {
        var data = AxesData()
        data.groups = groups
        data.notes = groups.compactMap(\.lengthNote)
        return Plot(.axes(data), title: title)
    }

    /// A scatter plot of (x, y) points, grouped by `labels` (in order of first appearance) when given.
    public static func scatter(
        x: [Double], y: [Double], labels: [String]? = nil, title: String? = nil
    ) -> Plot {
        guard let labels else { return scatter([Series(y, x: x)], title: title) }
        var order: [String] = []
        var members: [String: (x: [Double], y: [Double])] = [:]
        for (index, (px, py)) in zip(x, y).enumerated() {
            let label = index < labels.count ? labels[index] : "?"
            if members[label] == nil {
                order.append(label)
                members[label] = ([], [])
            }
            members[label]?.x.append(px)
            members[label]?.y.append(py)
        }
        let groups = order.map { Series(members[$0]?.y ?? [], x: members[$0]?.x ?? [], name: $0) }
        var plot = scatter(groups, title: title)
        if x.count != y.count || labels.count < Swift.min(x.count, y.count), case .axes(var data) = plot.content {
            data.notes.append("x has \(x.count) values, y \(y.count), labels \(labels.count)")
            plot = Plot(.axes(data), title: title)
        }
        return plot
    }
}
