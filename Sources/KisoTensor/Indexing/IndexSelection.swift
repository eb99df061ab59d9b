/// The heart of indexing: what an index list selects from a strided layout, following NumPy's
/// rules for basic and advanced indices.

/// Where each element of an n-d arrangement sits in storage.
struct StridedLayout {
    var shape: [Int]
    var strides: [Int]
    var offset: Int

    /// The storage position of every element, in row-major order. Callers bound the element
    /// count (it is never more than an existing or checked allocation).
    func positions() -> [Int] {
        if shape.contains(0) { return [] }
        var result: [Int] = []
        result.reserveCapacity(shape.reduce(1, &*))
        var counter = [Int](repeating: 0, count: shape.count)
        var position = offset
        while true {
            result.append(position)
            var axis = shape.count - 1
            while axis >= 0 {
                counter[axis] += 1
                position &+= strides[axis]
                if counter[axis] < shape[axis] { break }
                position &-= strides[axis] &* shape[axis]
                counter[axis] = 0
                axis -= 1
            }
            if axis < 0 { return result }
        }
    }
}

/// What an index list selects.
enum IndexSelection {
    /// Basic indexing: a view of the same storage.
    case view(StridedLayout)
    /// Advanced indexing: the storage positions of the selected elements, in row-major order of
    /// `shape`.
    case gather(shape: [Int], positions: [Int])

    /// The shape of the selection.
    var shape: [Int] {
        switch self {
        case .view(let layout): return layout.shape
        case .gather(let shape, _): return shape
        }
    }

    /// The storage positions of the selection, in row-major order.
    var positions: [Int] {
        switch self {
        case .view(let layout): return layout.positions()
        case .gather(_, let positions): return positions
        }
    }
}

/// One index entry, classified; tensor entries are read once here.
private enum IndexToken {
    /// From `.int`, or a 0-d non-boolean tensor (NumPy treats that as an integer).
    case integer(Int)
    case wholeNumber(Double)
    case slice(start: Int?, stop: Int?, step: Int?)
    case newAxis
    case ellipsis
    /// A boolean tensor of rank 1 or more.
    case mask(Tensor)
    /// A 0-d boolean: a new axis of size 1 that is kept (`true`) or emptied (`false`).
    case flag(Bool)
    /// A non-boolean tensor of rank 1 or more.
    case positions(Tensor)

    init(_ index: TensorIndex) {
        switch index {
        case .int(let i): self = .integer(i)
        case .slice(let start, let stop, let step): self = .slice(start: start, stop: stop, step: step)
        case .newAxis: self = .newAxis
        case .ellipsis: self = .ellipsis
        case .tensor(let t):
            let value = t.count == 1 ? t.scalar ?? 0 : 0
            switch (t.dtype, t.rank) {
            case (.bool, 0): self = .flag(value != 0)
            case (.bool, _): self = .mask(t)
            case (_, 0): self = .wholeNumber(value)
            default: self = .positions(t)
            }
        }
    }

    /// How many of the indexed tensor's dimensions this entry consumes.
    var consumedDimensions: Int {
        switch self {
        case .integer, .wholeNumber, .slice, .positions: return 1
        case .newAxis, .ellipsis, .flag: return 0
        case .mask(let m): return m.rank
        }
    }

    /// Whether this entry is an advanced index in its own right.
    var isArray: Bool {
        switch self {
        case .mask, .flag, .positions: return true
        default: return false
        }
    }

    /// Whether this entry is a single position, which turns advanced when an array is present.
    var isScalar: Bool {
        switch self {
        case .integer, .wholeNumber: return true
        default: return false
        }
    }
}

/// One advanced index after resolution: checked positions along one axis of the view.
private struct AdvancedAxis {
    var viewAxis: Int
    var positions: [Int]
    var shape: [Int]
}

extension StridedLayout {
    /// The selection `index` makes from this layout. `op` starts every error message.
    func select(_ index: [TensorIndex], op: String) throws -> IndexSelection {
        let tokens = index.map(IndexToken.init)
        let rank = shape.count
        let ellipses = tokens.filter { if case .ellipsis = $0 { return true } else { return false } }
            .count
        guard ellipses <= 1 else {
            throw TensorError.index(
                "\(op): an index can only have a single ellipsis (...), but \(ellipses) were given",
                hint: "one ... already stands for every dimension not indexed otherwise")
        }
        let consumed = tokens.reduce(0) { $0 + $1.consumedDimensions }
        guard consumed <= rank else {
            throw TensorError.index(
                "\(op): too many indices: the tensor is \(rank)-dimensional, but \(consumed) were indexed",
                hint: "index at most \(rank) dimension\(rank == 1 ? "" : "s"); newaxis and ... consume none"
            )
        }
        let newAxes = tokens.filter { if case .newAxis = $0 { return true } else { return false } }.count
        try Tensor.checkRank(rank - consumed + newAxes, op: op)
        let hasArray = tokens.contains { $0.isArray }
        let isAdvanced = tokens.map { $0.isArray || (hasArray && $0.isScalar) }

        var outShape: [Int] = []
        var outStrides: [Int] = []
        var outOffset = offset
        var advanced: [AdvancedAxis] = []
        var axis = 0

        func keepAxis(_ source: Int) {
            outShape.append(shape[source])
            outStrides.append(strides[source])
        }
        func keepAdvanced(_ source: Int, _ positions: [Int], _ shape: [Int]) {
            advanced.append(AdvancedAxis(viewAxis: outShape.count, positions: positions, shape: shape))
            keepAxis(source)
        }

        for (tokenIndex, token) in tokens.enumerated() {
            switch token {
            case .integer(let raw):
                let position = try IndexPositions.normalize(raw, size: shape[axis], axis: axis, op: op)
                if isAdvanced[tokenIndex] {
                    keepAdvanced(axis, [position], [])
                } else {
                    outOffset &+= position &* strides[axis]
                }
                axis += 1
            case .wholeNumber(let raw):
                let position = try IndexPositions.normalize(raw, size: shape[axis], axis: axis, op: op)
                if isAdvanced[tokenIndex] {
                    keepAdvanced(axis, [position], [])
                } else {
                    outOffset &+= position &* strides[axis]
                }
                axis += 1
            case .slice(let start, let stop, let step):
                let bounds = try SliceBounds(
                    start: start, stop: stop, step: step, size: shape[axis], op: op)
                if bounds.count > 0 { outOffset &+= bounds.start &* strides[axis] }
                outShape.append(bounds.count)
                outStrides.append(strides[axis] &* bounds.step)
                axis += 1
            case .newAxis:
                outShape.append(1)
                outStrides.append(0)
            case .ellipsis:
                for _ in 0..<(rank - consumed) {
                    keepAxis(axis)
                    axis += 1
                }
            case .flag(let keep):
                advanced.append(
                    AdvancedAxis(viewAxis: outShape.count, positions: keep ? [0] : [], shape: [keep ? 1 : 0]))
                outShape.append(1)
                outStrides.append(0)
            case .mask(let mask):
                let covered = Array(shape[axis..<(axis + mask.rank)])
                guard mask.shape == covered else {
                    throw TensorError.index(
                        "\(op): boolean mask of shape \(formatShape(mask.shape)) does not match the shape \(formatShape(covered)) of the dimensions it covers",
                        hint:
                            "a mask must have exactly the shape of the dimensions it indexes: x[m] needs m.shape == x.shape[:m.ndim]"
                    )
                }
                let coordinates = IndexPositions.coordinatesOfNonzero(mask)
                for list in coordinates {
                    keepAdvanced(axis, list, [list.count])
                    axis += 1
                }
            case .positions(let tensor):
                let positions = try IndexPositions.normalize(tensor, size: shape[axis], axis: axis, op: op)
                keepAdvanced(axis, positions, tensor.shape)
                axis += 1
            }
        }
        while axis < rank {
            keepAxis(axis)
            axis += 1
        }

        if advanced.isEmpty {
            // An empty view reads nothing; pinning its offset keeps it inside any storage.
            let empty = outShape.contains(0)
            return .view(
                StridedLayout(shape: outShape, strides: outStrides, offset: empty ? 0 : outOffset))
        }

        let advancedTokens = isAdvanced.indices.filter { isAdvanced[$0] }
        let adjacent =
            (advancedTokens.last ?? 0) - (advancedTokens.first ?? 0) + 1 == advancedTokens.count
        return try gather(
            view: StridedLayout(shape: outShape, strides: outStrides, offset: outOffset),
            advanced: advanced, inPlace: adjacent, op: op)
    }

    /// Combines the advanced axes of `view` into one broadcast block, placed where the advanced
    /// indices stood when they were adjacent and first otherwise (NumPy's rule).
    private func gather(
        view: StridedLayout, advanced: [AdvancedAxis], inPlace: Bool, op: String
    ) throws -> IndexSelection {
        let blockShape = try broadcastIndexShapes(advanced.map(\.shape), op: op)
        let advancedAxes = Set(advanced.map(\.viewAxis))
        let firstAdvanced = advanced.map(\.viewAxis).min() ?? 0
        var before: [Int] = []
        var after: [Int] = []
        for axis in view.shape.indices where !advancedAxes.contains(axis) {
            if inPlace && axis < firstAdvanced { before.append(axis) } else { after.append(axis) }
        }
        let resultShape = before.map { view.shape[$0] } + blockShape + after.map { view.shape[$0] }
        let count = try Tensor.checkedCount(of: resultShape, op: op)
        if count == 0 { return .gather(shape: resultShape, positions: []) }

        func sublayout(_ axes: [Int]) -> StridedLayout {
            StridedLayout(
                shape: axes.map { view.shape[$0] }, strides: axes.map { view.strides[$0] }, offset: 0)
        }
        let outer = sublayout(before).positions()
        let inner = sublayout(after).positions()

        // The storage step each element of the broadcast block contributes.
        var block = [Int](repeating: 0, count: blockShape.reduce(1, &*))
        for axis in advanced {
            let source = StridedLayout(
                shape: blockShape,
                strides: broadcastStrides(of: axis.shape, to: blockShape),
                offset: 0
            ).positions()
            let stride = view.strides[axis.viewAxis]
            for (i, s) in source.enumerated() {
                block[i] &+= axis.positions[s] &* stride
            }
        }

        var positions: [Int] = []
        positions.reserveCapacity(count)
        for o in outer {
            for b in block {
                let base = view.offset &+ o &+ b
                for i in inner { positions.append(base &+ i) }
            }
        }
        return .gather(shape: resultShape, positions: positions)
    }

    /// The common shape of several index arrays, or an error listing them all.
    private func broadcastIndexShapes(_ shapes: [[Int]], op: String) throws -> [Int] {
        var result: [Int] = []
        do {
            for shape in shapes { result = try Tensor.broadcastShapes(result, shape, op: op) }
        } catch {
            let listed = shapes.map(formatShape).joined(separator: ", ")
            throw TensorError.index(
                "\(op): index arrays of shapes \(listed) cannot be broadcast together",
                hint:
                    "index arrays pair up element by element, so their shapes must broadcast (equal sizes, or 1)"
            )
        }
        return result
    }

    /// Row-major strides of a `shape` array read as if it had `target` shape.
    private func broadcastStrides(of shape: [Int], to target: [Int]) -> [Int] {
        let own = Tensor.contiguousStrides(for: shape)
        let lead = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for i in shape.indices where shape[i] != 1 { result[lead + i] = own[i] }
        return result
    }
}
