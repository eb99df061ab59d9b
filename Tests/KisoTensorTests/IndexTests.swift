import KisoTestSupport
import Testing

@testable import KisoTensor

/// Properties of indexing that fixtures cannot show: views versus copies, copy-on-write,
/// conversions on assignment, error hints, and that no input traps.
@Suite struct IndexTests {
    private func grid(_ rows: Int, _ columns: Int) throws -> Tensor {
        try Tensor(shape: [rows, columns], scalars: (0..<(rows * columns)).map(Double.init))
    }

    private func sharesStorage(_ a: Tensor, _ b: Tensor) -> Bool {
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress }
        }
    }

    @Test func basicIndexingIsAViewAndAdvancedACopy() throws {
        let x = try grid(3, 4)
        let view = try x.subscripted([.slice(start: nil, stop: nil, step: -1), .int(1)])
        #expect(sharesStorage(x, view))
        #expect(view.scalars == [9, 5, 1])
        let gathered = try x.subscripted([.tensor(Tensor([2, 0], dtype: .int64))])
        #expect(!sharesStorage(x, gathered))
        #expect(gathered.scalars == [8, 9, 10, 11, 0, 1, 2, 3])
    }

    @Test func writesNeverLeakBetweenTensors() throws {
        var x = try grid(3, 4)
        var column = try x.subscripted([.all, .int(2)])
        try column.assign(Tensor(-1), at: [.int(0)])
        #expect(column.scalars == [-1, 6, 10])
        #expect(x.scalars == (0..<12).map(Double.init))

        try x.assign(Tensor(100), at: [.ellipsis])
        #expect(column.scalars == [-1, 6, 10])
        #expect(x.scalars == [Double](repeating: 100, count: 12))
    }

    @Test func assigningIntoABroadcastViewTouchesOneElement() throws {
        let row = Tensor([1, 2, 3])
        var stretched = Tensor(
            view: row.storage, shape: [2, 3], strides: [0, 1], offset: 0, dtype: .float64)
        try stretched.assign(Tensor(9), at: [.int(1), .int(0)])
        #expect(stretched.scalars == [1, 2, 3, 9, 2, 3])
        #expect(row.scalars == [1, 2, 3])
    }

    @Test func assignmentKeepsAValueThatAliasesTheTarget() throws {
        var x = Tensor([1, 2, 3, 4])
        let reversed = try x.subscripted([.slice(start: nil, stop: nil, step: -1)])
        try x.assign(reversed, at: [.all])
        #expect(x.scalars == [4, 3, 2, 1])
    }

    @Test func subscriptReadsLikeNumPy() throws {
        let x = try grid(3, 4)
        #expect(try x[1, 2].shape == [])
        #expect(try x[1, 2].scalar == 6)
        #expect(try x[-1, .all, .newAxis].shape == [4, 1])
        #expect(try x[.ellipsis, -1].scalars == [3, 7, 11])
    }

    @Test func intTargetsRejectValuesTheyCannotHold() throws {
        var x = try Tensor(shape: [3], scalars: [1, 2, 3], dtype: .int64)
        for bad in [Double.nan, .infinity, -.infinity, 1e19, -1e19] {
            #expect(throws: TensorError.self) { try x.assign(Tensor(bad), at: [.int(0)]) }
        }
        #expect(x.scalars == [1, 2, 3])
        try x.assign(Tensor(-0.75), at: [.int(1)])
        #expect(x.scalars[1].sign == .plus && x.scalars[1] == 0)
    }

    @Test func outOfBoundsHintNamesTheValidRange() throws {
        let x = try grid(3, 4)
        let error = #expect(throws: TensorError.self) { try x.subscripted([.int(5)]) }
        #expect(error?.message == "indexing: index 5 is out of bounds for axis 0 with size 3")
        #expect(error?.hint == "valid positions are -3…2")
        #expect(error?.kind == .index)
    }

    @Test func takeReportsItsOwnName() throws {
        let x = try grid(3, 4)
        let error = #expect(throws: TensorError.self) {
            try x.take(Tensor([7], dtype: .int64), axis: 1)
        }
        #expect(error?.message.hasPrefix("take: index 7 is out of bounds") == true)
    }

    @Test func hugeEmptyTensorsDoNotTrap() throws {
        // An empty shape whose other sizes pass the limit is refused where it is made: any
        // operation along its empty axis would make that many results.
        let refused = #expect(throws: TensorError.self) {
            try Tensor(shape: [0, 1 << 40, 1 << 40], scalars: [])
        }
        #expect(refused?.kind == .memory)
        let empty = try Tensor(shape: [0, 1 << 13, 1 << 13], scalars: [])
        let sliced = try empty.subscripted([.all, .int(-1), .slice(start: 5, stop: nil, step: Int.min)])
        #expect(sliced.shape == [0, 1])
        #expect(sliced.scalars.isEmpty)
        let gathered = try empty.subscripted([.all, .tensor(Tensor([3, 4], dtype: .int64))])
        #expect(gathered.shape == [0, 2, 1 << 13])
        var target = empty
        try target.assign(Tensor(1), at: [.ellipsis, .int(7)])
        #expect(target.shape == empty.shape)
    }

    @Test func oversizedGatherHitsTheMemoryLimit() throws {
        let x = try grid(3, 4)
        let rows = try Tensor(
            shape: [1 << 20, 1], scalars: [Double](repeating: 0, count: 1 << 20), dtype: .int64)
        let columns = try Tensor(
            shape: [1 << 20], scalars: [Double](repeating: 1, count: 1 << 20), dtype: .int64)
        let error = #expect(throws: TensorError.self) {
            try x.subscripted([.tensor(rows), .tensor(columns)])
        }
        #expect(error?.kind == .memory)
    }

    /// Random index lists over random layouts, with extreme values mixed in: each must either
    /// succeed with a consistent shape or throw a `TensorError`.
    @Test func randomIndicesNeverTrap() throws {
        var generator = SplitMix64(seed: 7)
        let extremes = [Int.min, Int.max, -1, 0, 1, 2, -3, 5, 1 << 40]
        let storage = (0..<24).map(Double.init)
        let bases = [
            try Tensor(shape: [2, 3, 4], scalars: storage),
            Tensor(view: storage, shape: [4, 3, 2], strides: [-1, 4, 12], offset: 3, dtype: .int64),
            Tensor(view: storage, shape: [3, 5, 4], strides: [0, 0, 1], offset: 8, dtype: .bool),
            try Tensor(shape: [2, 0, 3], scalars: []),
        ]
        for iteration in 0..<4000 {
            let base = bases[iteration % bases.count]
            var index: [TensorIndex] = []
            for _ in 0..<generator.next(below: 5) {
                func bound() -> Int? {
                    generator.next(below: 4) == 0 ? nil : extremes[generator.next(below: extremes.count)]
                }
                switch generator.next(below: 7) {
                case 0: index.append(.int(extremes[generator.next(below: extremes.count)]))
                case 1: index.append(.slice(start: bound(), stop: bound(), step: bound()))
                case 2: index.append(.newAxis)
                case 3: index.append(.ellipsis)
                case 4:
                    let n = generator.next(below: 4)
                    let values = (0..<n).map { _ in Double(extremes[generator.next(below: extremes.count)]) }
                    index.append(.tensor(Tensor(values, dtype: .int64)))
                case 5:
                    let n = generator.next(below: 5)
                    index.append(
                        .tensor(Tensor((0..<n).map { _ in Double(generator.next(below: 2)) }, dtype: .bool)))
                default:
                    index.append(.tensor(Tensor(Double(generator.next(below: 2)), dtype: .bool)))
                }
            }
            do {
                let result = try base.subscripted(index)
                #expect(result.scalars.count == result.count)
                var copy = base
                try copy.assign(Tensor(-1), at: index)
                #expect(copy.shape == base.shape)
            } catch is TensorError {
            }
        }
    }
}
