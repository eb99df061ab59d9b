import KisoPlot
import KisoTensor

/// The keyword options plots share, grouped by the plot types that use them.
private enum PlotOption {
    static var title: BuiltinParameter { param("title", .string, .none) }
    static var xlabel: BuiltinParameter { param("xlabel", .string, .none) }
    static var ylabel: BuiltinParameter { param("ylabel", .string, .none) }
    static var width: BuiltinParameter { param("width", .int, .none) }
    static var height: BuiltinParameter { param("height", .int, .none) }
    static var xlim: BuiltinParameter { param("xlim", .any, .none) }
    static var ylim: BuiltinParameter { param("ylim", .any, .none) }
    static var canvas: BuiltinParameter { param("canvas", .string, .string("braille")) }
    static var legend: BuiltinParameter { param("legend", .bool, .bool(true)) }

    /// Plots with x and y axes: lines, scatter, decision maps.
    static var axes: [BuiltinParameter] { [title, xlabel, ylabel, width, height, xlim, ylim, canvas, legend] }
    /// Horizontal bars: bar charts and histograms.
    static var bars: [BuiltinParameter] { [title, xlabel, width] }
    /// Heatmaps.
    static var heatmap: [BuiltinParameter] { [title, width, height] }
    /// Small multiples (`width` is the grid's total width).
    static var grid: [BuiltinParameter] { [title, width] }
}

extension Registry {
    func registerPlots() {
        section("Plots")
        add(
            "plot",
            [param("a", .any), param("b", .any, .none), param("c", .any, .none), param("names", .any, .none)]
                + PlotOption.axes,
            doc:
                "A line plot: plot(y), plot(x, y), plot(f, lo, hi), or plot([f, g], lo, hi); a 2-d y draws each row as a line.",
            example: "plot(tanh, -3, 3)", grad: .detaching
        ) { a in try PlotArguments(a).linePlot() }
        add(
            "scatter",
            [param("x", .any), param("y", .any, .none), param("labels", .any, .none), param("names", .any, .none)]
                + PlotOption.axes,
            doc: "Points (x, y), or the rows of an (n, 2) x; labels (class ids or strings) split them into groups.",
            example: "scatter([1, 2, 3], [2, 1, 3], labels=[0, 1, 0])", grad: .detaching
        ) { a in try PlotArguments(a).scatterPlot() }
        add(
            "bar", [param("labels", .any), param("values", .any), param("color", .string, .none)] + PlotOption.bars,
            doc: "A horizontal bar chart: one bar per label, its value at the bar's end.",
            example: "bar([\"cat\", \"dog\"], [0.3, 0.7])", grad: .detaching
        ) { a in try PlotArguments(a).barPlot() }
        add(
            "hist", [param("x", .any), param("bins", .any, .none)] + PlotOption.bars,
            doc: "A histogram of every element of x; bins is a count or a list of edges (Sturges' rule when none).",
            example: "hist(x, bins=3)", grad: .detaching
        ) { a in try PlotArguments(a).histogramPlot() }
        add(
            "heatmap",
            [
                param("m", .any), param("rows", .any, .none), param("cols", .any, .none),
                param("annotate", .bool, .none), param("limits", .any, .none),
            ] + PlotOption.heatmap,
            doc:
                "A matrix as shaded cells with a colourbar; values are printed in small matrices or with annotate=true.",
            example: "heatmap([[0.9, 0.1], [0.4, 0.6]], rows=[\"a\", \"b\"], cols=[\"x\", \"y\"], annotate=true)",
            grad: .detaching
        ) { a in try PlotArguments(a).heatmapPlot() }
        add(
            "decision_map",
            [param("f", .function), param("X", .any), param("y", .any), param("resolution", .int, .int(60))]
                + [param("names", .any, .none)] + PlotOption.axes,
            doc:
                "A 2-D classifier's regions: f maps an (n, 2) tensor of points to class ids or P(class 1); X's points on top, by class y.",
            example: "decision_map(p -> p[:, 0] > 0, [[-1, 0], [1, 1]], [0, 1])", grad: .detaching
        ) { a in try PlotArguments(a).decisionMapPlot() }
        add(
            "grid", [param("plots", .any), param("columns", .int, .none)] + PlotOption.grid,
            doc: "Small multiples: several plots side by side, columns per row (as many as fit when none).",
            example: "grid([plot(sin, 0, pi), plot(cos, 0, pi)], columns=2)", grad: .detaching
        ) { a in try PlotArguments(a).gridPlot() }
    }
}

/// A plot builtin's arguments, read by parameter name, with errors that name the builtin.
private struct PlotArguments {
    let arguments: Arguments
    var name: String { arguments.builtin.name }

    init(_ arguments: Arguments) { self.arguments = arguments }

    /// The argument of the parameter `parameter`, or nil when it is none or not a parameter.
    func value(_ parameter: String) -> Value? {
        guard let index = arguments.builtin.parameters.firstIndex(where: { $0.name == parameter }) else { return nil }
        let value = arguments[index]
        return isNoneValue(value) ? nil : value
    }

    func error(_ kind: KisoError.Kind, _ message: String, hint: String? = nil) -> KisoError {
        KisoError(kind, "`\(name)`: \(message)", hint: hint)
    }

    // MARK: - Conversions

    /// Any numeric value as a tensor; a list holding something else is named in the error.
    func numeric(_ value: Value, _ what: String) throws -> Tensor {
        if case .list(let items) = value, let odd = items.first(where: { !isNumeric($0) }) {
            throw error(.type, "`\(what)` must hold numbers, got a list holding \(odd.kindName)")
        }
        guard isNumeric(value) else { throw error(.type, "`\(what)` must be numbers, got \(value.kindName)") }
        return try Convert.tensor(value, what)
    }

    private func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .number, .int, .bool, .tensor, .range: return true
        case .list(let items), .tuple(let items): return items.allSatisfy(isNumeric)
        default: return false
        }
    }

    /// A 1-d run of numbers.
    func vector(_ value: Value, _ what: String) throws -> [Double] {
        let t = try numeric(value, what)
        guard t.rank == 1 else {
            throw error(.shape, "`\(what)` must be 1-d, got shape \(formatShape(t.shape))", hint: shapeHint(t))
        }
        return t.scalars
    }

    private func shapeHint(_ t: Tensor) -> String {
        t.rank == 0 ? "give a list of numbers, like [1, 2, 3]" : "flatten it with x.flatten(), or pick a row"
    }

    /// The rows of a 2-d tensor (or the one row of a 1-d one).
    func rows(_ t: Tensor) -> [[Double]] {
        let values = t.scalars
        guard t.rank == 2 else { return [values] }
        let width = t.shape[1]
        guard width > 0 else { return Array(repeating: [], count: t.shape[0]) }
        return stride(from: 0, to: values.count, by: width).map { Array(values[$0..<($0 + width)]) }
    }

    /// Text labels from a list of strings or numbers, or a 1-d tensor.
    func labels(_ value: Value, _ what: String) throws -> [String] {
        switch value {
        case .list(let items), .tuple(let items):
            return try items.map { item in
                switch item {
                case .string(let s): return s
                case .number, .int, .bool: return item.repr
                case .tensor(let t) where t.count == 1: return Convert.scalarValue(t).repr
                default: throw error(.type, "`\(what)` must hold strings or numbers, got \(item.kindName)")
                }
            }
        case .string(let s): return [s]
        case .tensor, .range:
            let t = try numeric(value, what)
            return try vector(value, what).map { formatElement($0, t.dtype) }
        default: throw error(.type, "`\(what)` must be a list of strings, got \(value.kindName)")
        }
    }

    /// Two finite numbers, ordered.
    func limits(_ parameter: String) throws -> AxisLimits? {
        guard let value = value(parameter) else { return nil }
        let ends = try vector(value, parameter)
        guard ends.count == 2, ends.allSatisfy(\.isFinite) else {
            throw error(.value, "`\(parameter)` must be two finite numbers, like [-1, 1]")
        }
        guard ends[0] != ends[1] else {
            throw error(.value, "`\(parameter)` is empty: both ends are \(formatNumber(ends[0]))")
        }
        return AxisLimits(ends[0], ends[1])
    }

    func string(_ parameter: String) throws -> String? {
        try value(parameter).map { try Convert.string($0, parameter) }
    }

    /// A size in character cells: at least 1 (KisoPlot clamps it further).
    func size(_ parameter: String) throws -> Int? {
        guard let value = value(parameter) else { return nil }
        let n = try Convert.int(value, parameter)
        guard n >= 1 else { throw error(.value, "`\(parameter)` must be at least 1, got \(n)") }
        return n
    }

    /// The `names` argument: one string or a list of them, exactly `count` of them.
    func names(count: Int, of things: String) throws -> [String]? {
        guard let value = value("names") else { return nil }
        let names = try labels(value, "names")
        guard names.count == count else {
            throw error(.value, "\(names.count) name\(names.count == 1 ? "" : "s") for \(count) \(things)")
        }
        return names
    }

    func canvas() throws -> CanvasKind {
        let text = try string("canvas") ?? "braille"
        switch text {
        case "braille": return .braille
        case "block": return .block
        case "ascii": return .ascii
        default:
            throw error(
                .value, "unknown canvas \(quoteString(text))", hint: "use \"braille\", \"block\" or \"ascii\"")
        }
    }

    /// Sets the decorations this builtin takes (title, labels, sizes, limits, canvas, legend).
    func decorate(_ plot: inout Plot) throws {
        let parameters = Set(arguments.builtin.parameters.map(\.name))
        if let title = try string("title") { plot.title = title }
        if let xlabel = try string("xlabel") { plot.xlabel = xlabel }
        if let ylabel = try string("ylabel") { plot.ylabel = ylabel }
        if let width = try size("width") { plot.width = width }
        if let height = try size("height") { plot.height = height }
        if name != "decision_map" {
            if let xlim = try limits("xlim") { plot.xlim = xlim }
            if let ylim = try limits("ylim") { plot.ylim = ylim }
        }
        if parameters.contains("canvas") { plot.canvas = try canvas() }
        if let legend = value("legend") { plot.showLegend = try Convert.bool(legend, "legend") }
    }

    func finish(_ plot: Plot, _ kind: String) throws -> Value {
        var decorated = plot
        try decorate(&decorated)
        return .plot(PlotValue(plot: decorated, kind: kind))
    }

    // MARK: - plot

    func linePlot() throws -> Value {
        let first = arguments[0]
        let second = value("b")
        let third = value("c")
        if case .list(let items) = first, items.contains(where: \.isCallable),
            let odd = items.firstIndex(where: { !$0.isCallable })
        {
            throw error(
                .type, "item \(odd) of the functions is \(items[odd].kindName), not a function",
                hint: "plot([f, g], lo, hi) takes a list of functions")
        }
        if first.isCallable || isFunctionList(first) {
            guard let second, let third else {
                throw error(
                    .argument, "a function needs an interval to be drawn over",
                    hint: "plot(f, lo, hi), e.g. plot(tanh, -3, 3)")
            }
            return try functionPlot(first, second, third)
        }
        if third != nil {
            throw error(
                .argument, "a third argument is only for plot(f, lo, hi), but the first is \(first.kindName)",
                hint: "plot(y), plot(x, y) or plot(f, lo, hi)")
        }
        var series: [Series]
        if let second {
            let x = try vector(first, "x")
            series = try ySeries(second).enumerated().map { index, y in
                guard y.count == x.count else {
                    let which = index == 0 && !isSeveral(second) ? "y" : "y[\(index)]"
                    throw error(
                        .shape, "x has \(x.count) values but \(which) has \(y.count)",
                        hint: "x and every y must have the same length")
                }
                return Series(y, x: x)
            }
        } else {
            series = try ySeries(first).map { Series($0) }
        }
        if let names = try names(count: series.count, of: series.count == 1 ? "line" : "lines") {
            for index in series.indices { series[index].name = names[index] }
        }
        return try finish(Plot.line(series), "line plot")
    }

    private func isFunctionList(_ value: Value) -> Bool {
        switch value {
        case .list(let items), .tuple(let items): return !items.isEmpty && items.allSatisfy(\.isCallable)
        default: return false
        }
    }

    private func isSeveral(_ value: Value) -> Bool {
        switch value {
        case .list(let items), .tuple(let items): return items.contains { if case .tensor = $0 { true } else { false } }
        case .tensor(let t): return t.rank == 2
        default: return false
        }
    }

    /// The y values of one or several lines: a 1-d tensor, a 2-d tensor (each row a line), or a
    /// list of 1-d tensors (which may differ in length from each other only when x is absent).
    private func ySeries(_ value: Value) throws -> [[Double]] {
        if case .list(let items) = value, items.contains(where: { if case .tensor = $0 { true } else { false } }) {
            return try items.enumerated().map { try vector($1, "y[\($0)]") }
        }
        let t = try numeric(value, "y")
        switch t.rank {
        case 1: return [t.scalars]
        case 2: return rows(t)
        default:
            throw error(
                .shape, "y must be 1-d (one line) or 2-d (one line per row), got shape \(formatShape(t.shape))",
                hint: t.rank == 0 ? "give a list of numbers, like [1, 2, 3]" : "pick the rows to draw, e.g. y[0]")
        }
    }

    private func functionPlot(_ function: Value, _ lower: Value, _ upper: Value) throws -> Value {
        let functions: [Value]
        switch function {
        case .list(let items), .tuple(let items): functions = items
        default: functions = [function]
        }
        let ends = try [lower, upper].map { end -> Double in
            guard end.isScalarNumber else {
                if case .tensor(let t) = end, let x = t.scalar { return x }
                throw error(.type, "the interval's ends must be numbers, got \(end.kindName)", hint: "plot(f, lo, hi)")
            }
            return try Convert.number(end, "lo")
        }
        guard ends.allSatisfy(\.isFinite), ends[0] != ends[1] else {
            throw error(
                .value, "cannot draw over [\(formatNumber(ends[0])), \(formatNumber(ends[1]))]",
                hint: "give two different finite ends, like plot(tanh, -3, 3)")
        }
        let severalDefault = functions.enumerated().map { functionName($1) ?? "f\($0 + 1)" }
        let names: [String?] =
            try self.names(count: functions.count, of: functions.count == 1 ? "function" : "functions")
            ?? (functions.count == 1 ? [nil] : severalDefault)
        let samplers = functions.enumerated().map { sampler($1, label: functionName($1) ?? "the function") }
        let plot = try Plot.function(
            samplers, from: ends[0], to: ends[1], names: names, width: try size("width"))
        return try finish(plot, "line plot")
    }

    private func functionName(_ value: Value) -> String? {
        switch value {
        case .builtin(let b): return b.name
        case .method(let m): return m.builtin.name
        case .function(let c): return c.decl.name == "<lambda>" ? nil : c.decl.name
        default: return nil
        }
    }

    /// A Kiso function as a Swift function of one number; its errors and non-numeric results
    /// become Kiso errors that say where on the interval they happened.
    private func sampler(_ function: Value, label: String) -> (Double) throws(KisoError) -> Double {
        let interpreter = arguments.interpreter
        let span = arguments.span
        let op = name
        return { (x: Double) throws(KisoError) -> Double in
            let result: Value
            do {
                result = try interpreter.call(function, [.number(x)], span: span)
            } catch var failure as KisoError {
                failure.message = "`\(op)` calling \(label) at x = \(formatNumber(x)): " + failure.message
                if failure.span == nil { failure.span = span }
                throw failure
            } catch let failure as TensorError {
                throw KisoError(failure, span: span)
            } catch {
                throw KisoError(.value, "\(error)", span: span)
            }
            switch result {
            case .number(let y): return y
            case .int(let n): return Double(n)
            case .bool(let b): return b ? 1 : 0
            case .tensor(let t) where t.count == 1: return t.scalar ?? .nan
            default:
                let got: String
                if case .tensor(let t) = result {
                    got = "a tensor of shape \(formatShape(t.shape))"
                } else {
                    got = result.kindName
                }
                throw KisoError(
                    .type, "`\(op)`: \(label) returned \(got) at x = \(formatNumber(x)), not a number", span: span,
                    hint: "a function to plot takes one number and returns one number")
            }
        }
    }

    // MARK: - scatter

    func scatterPlot() throws -> Value {
        let xs: [Double]
        let ys: [Double]
        if let yValue = value("y") {
            xs = try vector(arguments[0], "x")
            ys = try vector(yValue, "y")
            guard xs.count == ys.count else {
                throw error(.shape, "x has \(xs.count) values but y has \(ys.count)", hint: "give one y per x")
            }
        } else {
            let points = try numeric(arguments[0], "x")
            guard points.rank == 2, points.shape[1] == 2 else {
                throw error(
                    .shape,
                    "with one argument, x must be an (n, 2) tensor of points, got shape \(formatShape(points.shape))",
                    hint: "scatter(x, y), or scatter(X) with X of shape (n, 2)")
            }
            let pairs = rows(points)
            xs = pairs.map { $0[0] }
            ys = pairs.map { $0[1] }
        }
        guard let labelValue = value("labels") else {
            let names = try names(count: 1, of: "group")
            return try finish(Plot.scatter([Series(ys, x: xs, name: names?.first)]), "scatter plot")
        }
        if case .list(let items) = labelValue, items.contains(where: { if case .string = $0 { true } else { false } }) {
            let labels = try labels(labelValue, "labels")
            try checkLabelCount(labels.count, xs.count)
            if value("names") != nil {
                throw error(
                    .argument, "`names` is for numeric labels; text labels already name the groups",
                    hint: "leave out names, or give labels as class ids")
            }
            return try finish(Plot.scatter(x: xs, y: ys, labels: labels), "scatter plot")
        }
        let ids = try vector(labelValue, "labels")
        try checkLabelCount(ids.count, xs.count)
        guard ids.allSatisfy(\.isFinite) else { throw error(.value, "`labels` must be finite numbers") }
        let distinct = Array(Set(ids)).sorted()
        let names = try names(count: distinct.count, of: distinct.count == 1 ? "group" : "groups")
        let groups = distinct.enumerated().map { index, id in
            let members = ids.indices.filter { ids[$0] == id }
            return Series(members.map { ys[$0] }, x: members.map { xs[$0] }, name: names?[index] ?? formatWhole(id))
        }
        return try finish(Plot.scatter(groups), "scatter plot")
    }

    private func checkLabelCount(_ labels: Int, _ points: Int) throws {
        guard labels == points else {
            throw error(.shape, "\(labels) labels for \(points) points", hint: "give one label per point")
        }
    }

    // MARK: - bar and hist

    func barPlot() throws -> Value {
        let labels = try labels(arguments[0], "labels")
        let values = try vector(arguments[1], "values")
        guard labels.count == values.count else {
            throw error(.shape, "\(labels.count) labels for \(values.count) values", hint: "give one label per value")
        }
        var color: PlotColor? = nil
        if let name = try string("color") {
            let colors: [String: PlotColor] = [
                "blue": .blue, "red": .red, "green": .green, "yellow": .yellow, "magenta": .magenta, "cyan": .cyan,
                "gray": .gray, "white": .white, "black": .black,
            ]
            guard let chosen = colors[name] else {
                throw error(
                    .value, "unknown colour \(quoteString(name))",
                    hint: "use one of " + colors.keys.sorted().map(quoteString).joined(separator: ", "))
            }
            color = chosen
        }
        return try finish(Plot.bar(labels: labels, values: values, color: color), "bar plot")
    }

    func histogramPlot() throws -> Value {
        let values = try numeric(arguments[0], "x").scalars
        var bins = HistogramBins.sturges
        if let binValue = value("bins") {
            if binValue.isScalarNumber {
                let count = try Convert.int(binValue, "bins")
                guard (1...200).contains(count) else {
                    throw error(.value, "`bins` must be between 1 and 200, got \(count)")
                }
                bins = .count(count)
            } else {
                let edges = try vector(binValue, "bins")
                guard edges.filter(\.isFinite).count >= 2 else {
                    throw error(.value, "`bins` as edges needs at least two finite numbers", hint: "like [0, 0.5, 1]")
                }
                bins = .edges(edges)
            }
        }
        return try finish(Plot.histogram(values, bins: bins), "histogram")
    }

    // MARK: - heatmap

    func heatmapPlot() throws -> Value {
        let m = try numeric(arguments[0], "m")
        guard m.rank == 1 || m.rank == 2 else {
            throw error(
                .shape, "takes a matrix (2-d), got shape \(formatShape(m.shape))",
                hint: m.rank == 0 ? "give a list of rows, like [[1, 2], [3, 4]]" : "draw one slice, e.g. m[0]")
        }
        let matrix = rows(m)
        let columnCount = m.rank == 2 ? m.shape[1] : m.count
        let rowLabels = try value("rows").map { try labels($0, "rows") }
        let columnLabels = try value("cols").map { try labels($0, "cols") }
        if let rowLabels, rowLabels.count != matrix.count {
            throw error(.shape, "\(rowLabels.count) row labels for \(matrix.count) rows")
        }
        if let columnLabels, columnLabels.count != columnCount {
            throw error(.shape, "\(columnLabels.count) column labels for \(columnCount) columns")
        }
        let annotate = try value("annotate").map { try Convert.bool($0, "annotate") }
        let plot = Plot.heatmap(
            matrix, rowLabels: rowLabels, columnLabels: columnLabels, annotate: annotate, limits: try limits("limits"))
        return try finish(plot, "heatmap")
    }

    // MARK: - decision_map

    func decisionMapPlot() throws -> Value {
        let points = try numeric(arguments[1], "X")
        guard points.rank == 2, points.shape[1] == 2 else {
            throw error(
                .shape, "X must be an (n, 2) tensor of points, got shape \(formatShape(points.shape))",
                hint: "one row per point: [[x0, y0], [x1, y1], …]")
        }
        let pairs = rows(points)
        let xs = pairs.map { $0[0] }
        let ys = pairs.map { $0[1] }
        let ids = try vector(arguments[2], "y")
        try checkLabelCount(ids.count, pairs.count)
        let classes = try ids.map { id -> Int in
            guard id == id.rounded(), id >= 0, id < Double(DecisionMapLimits.maximumClasses) else {
                throw error(
                    .value,
                    "`y` must hold class ids 0, 1, 2, … (below \(DecisionMapLimits.maximumClasses)), got \(formatWhole(id))"
                )
            }
            return Int(id)
        }
        let resolution = try Convert.int(value("resolution") ?? .int(60), "resolution")
        guard (2...400).contains(resolution) else {
            throw error(.value, "`resolution` must be between 2 and 400, got \(resolution)")
        }
        let xLimits = try limits("xlim") ?? paddedRange(xs)
        let yLimits = try limits("ylim") ?? paddedRange(ys)
        let grid = try gridPoints(xLimits, yLimits, resolution)
        let predicted = try predictions(arguments[0], grid, count: resolution * resolution)
        let classCount = Swift.max((classes.max() ?? -1) + 1, predicted.classCount)
        let names = try names(count: classCount, of: classCount == 1 ? "class" : "classes")
        let byClass = Series.byClass(x: xs, y: ys, classes: classes)
        let gridRows = stride(from: 0, to: predicted.values.count, by: resolution).map {
            Array(predicted.values[$0..<($0 + resolution)])
        }
        let plot: Plot
        if predicted.isProbability {
            plot = Plot.decisionMap(
                probabilities: gridRows, x: xLimits, y: yLimits, points: byClass, classNames: names)
        } else {
            plot = Plot.decisionMap(
                classes: gridRows.map { $0.map { Int($0) } }, x: xLimits, y: yLimits, points: byClass,
                classNames: names)
        }
        return try finish(plot, "decision map")
    }

    /// The data's range widened by a tenth on each side (or ±1 around a single value).
    private func paddedRange(_ values: [Double]) -> AxisLimits {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return AxisLimits(-1, 1) }
        guard high > low else { return AxisLimits(low - 1, high + 1) }
        let pad = (high - low) / 10
        return AxisLimits(low - pad, high + pad)
    }

    /// The centres of a resolution × resolution grid, row by row from the bottom, as (n, 2).
    private func gridPoints(_ x: AxisLimits, _ y: AxisLimits, _ resolution: Int) throws -> Tensor {
        var scalars: [Double] = []
        scalars.reserveCapacity(resolution * resolution * 2)
        let step = 1 / Double(resolution)
        for row in 0..<resolution {
            let py = y.lower + (Double(row) + 0.5) * step * (y.upper - y.lower)
            for column in 0..<resolution {
                scalars.append(x.lower + (Double(column) + 0.5) * step * (x.upper - x.lower))
                scalars.append(py)
            }
        }
        return try Tensor(shape: [resolution * resolution, 2], scalars: scalars)
    }

    /// f's answer at every grid point: class ids (whole numbers, bools, or the argmax of an
    /// (n, k) score matrix) or probabilities of class 1 (numbers in [0, 1]).
    private func predictions(
        _ function: Value, _ grid: Tensor, count: Int
    ) throws -> (values: [Double], isProbability: Bool, classCount: Int) {
        let result: Value
        do {
            result = try arguments.interpreter.call(function, [.tensor(grid)], span: arguments.span)
        } catch var failure as KisoError {
            failure.message = "`\(name)` calling f on the \(count) grid points: " + failure.message
            throw failure
        }
        guard case .tensor(let t) = result else {
            throw error(
                .type, "f returned \(result.kindName), not a tensor of \(count) predictions",
                hint: "f takes an (n, 2) tensor of points and returns n class ids or probabilities")
        }
        var values = t.scalars
        var isClassIds = t.dtype == .bool
        if t.rank == 2, t.shape[0] == count, t.shape[1] >= 2 {
            values = rows(t).map { row in Double(row.indices.max { row[$0] < row[$1] } ?? 0) }
            isClassIds = true
        } else {
            guard t.count == count, t.rank == 1 || (t.rank == 2 && t.shape[1] == 1) else {
                throw error(
                    .shape, "f returned shape \(formatShape(t.shape)) for \(count) points",
                    hint: "return one class id or probability per point: shape (\(count),)")
            }
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw error(
                .value, "f returned \(formatNumber(values[bad])) for the grid point at index \(bad)",
                hint: "f must give a finite class id or probability for every point of the grid")
        }
        let finite = values
        if !isClassIds, finite.allSatisfy({ $0 == $0.rounded() && $0 >= 0 }) { isClassIds = true }
        if isClassIds {
            let highest = finite.max() ?? 0
            guard highest < Double(DecisionMapLimits.maximumClasses) else {
                throw error(
                    .value,
                    "f returned class id \(formatWhole(highest)); at most \(DecisionMapLimits.maximumClasses) classes are drawn"
                )
            }
            return (values, false, Int(highest) + 1)
        }
        if let outside = finite.first(where: { $0 < 0 || $0 > 1 }) {
            throw error(
                .value,
                "f returned \(formatNumber(outside)), neither a class id (0, 1, 2, …) nor a probability in [0, 1]",
                hint: "return class ids, or P(class 1), e.g. sigmoid(scores)")
        }
        return (values, true, 2)
    }

    // MARK: - grid

    func gridPlot() throws -> Value {
        let items: [Value]
        switch arguments[0] {
        case .list(let xs), .tuple(let xs): items = xs
        case .plot: items = [arguments[0]]
        default: throw error(.type, "`plots` must be a list of plots, got \(arguments[0].kindName)")
        }
        let plots = try items.enumerated().map { index, item -> Plot in
            guard case .plot(let p) = item else {
                throw error(.type, "item \(index) of `plots` is \(item.kindName), not a plot")
            }
            return p.plot
        }
        let columns = try value("columns").map { try Convert.int($0, "columns") }
        if let columns, columns < 1 { throw error(.value, "`columns` must be at least 1, got \(columns)") }
        return try finish(
            Plot.grid(plots, columns: columns), "grid of \(plots.count) plot\(plots.count == 1 ? "" : "s")")
    }
}
