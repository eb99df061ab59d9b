extension Series {
    /// Points split by class id: element k holds the points of class k (ids below 0 or above
    /// `DecisionMapLimits.maximumClasses` are dropped), for a decision map's data points.
    public static func byClass(x: [Double], y: [Double], classes: [Int]) -> [Series] {
        let count = Swift.min(x.count, y.count, classes.count)
        let highest = classes.prefix(count).filter { $0 >= 0 && $0 < DecisionMapLimits.maximumClasses }.max() ?? -1
        var groups = (0..<(highest + 1)).map { _ in Series([], x: []) }
        for index in 0..<count {
            let id = classes[index]
            guard id >= 0, id <= highest else { continue }
            groups[id].y.append(y[index])
            groups[id].x?.append(x[index])
        }
        return groups
    }
}

/// Bounds for decision maps.
public enum DecisionMapLimits {
    /// The most classes a decision map distinguishes.
    public static let maximumClasses = 64
}

extension Plot {
    /// A 2-D classifier's decision regions: `classes[i][j]` is the class predicted at the i-th y
    /// (counted from the bottom, spanning `y`) and the j-th x (spanning `x`). `points[k]` are
    /// the data points of class k, drawn on top with class k's marker and colour.
    public static func decisionMap(
        classes: [[Int]], x: AxisLimits, y: AxisLimits, points: [Series] = [], classNames: [String]? = nil,
        title: String? = nil
    ) -> Plot {
        let values = classes.map { $0.map { Double($0) } }
        let highest = classes.joined().filter { $0 >= 0 && $0 < DecisionMapLimits.maximumClasses }.max() ?? 0
        return decisionMap(
            values: values, isProbability: false, classCount: Swift.max(highest + 1, points.count), x: x, y: y,
            points: points, classNames: classNames, title: title)
    }

    /// A binary classifier's decision map from `probabilities[i][j]`, the probability of class 1
    /// at the i-th y (from the bottom) and j-th x; in colour the regions blend with the
    /// probability, without colour they split at 0.5.
    public static func decisionMap(
        probabilities: [[Double]], x: AxisLimits, y: AxisLimits, points: [Series] = [],
        classNames: [String]? = nil, title: String? = nil
    ) -> Plot {
        decisionMap(
            values: probabilities, isProbability: true, classCount: Swift.max(2, points.count), x: x, y: y,
            points: points, classNames: classNames, title: title)
    }

    private static func decisionMap(
        values: [[Double]], isProbability: Bool, classCount: Int, x: AxisLimits, y: AxisLimits, points: [Series],
        classNames: [String]?, title: String?
    ) -> Plot {
        let count = Swift.min(DecisionMapLimits.maximumClasses, classCount)
        let names = (0..<count).map { index in
            classNames.flatMap { index < $0.count ? $0[index] : nil } ?? "class \(index)"
        }
        var data = AxesData()
        data.groups = points
        data.region = DecisionRegion(
            values: values, isProbability: isProbability, x: x, y: y, classCount: count, classNames: names)
        data.niceX = false
        data.niceY = false
        return Plot(.axes(data), title: title)
    }
}
