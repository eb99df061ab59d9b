import Testing

@testable import KisoTensor

/// The vectorised element loops (KisoVectorKernels' VectorArithmetic) give the bits the scalar
/// loops give: the same IEEE operation per element, whatever the length (partial groups of lanes
/// included), the layout (equal shapes, a single value, a row repeated down a batch) and the
/// values (signed zeros, infinities, nan, subnormals).
@Suite struct VectorArithmeticTests {
    /// Values with every awkward case among ordinary ones, `count` of them from `seed`.
    func values(_ count: Int, seed: UInt64) -> [Double] {
        let special: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e308, -Double.leastNormalMagnitude / 3, 0.1]
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if i % 5 == 3 { return special[Int(state >> 33) % special.count] }
            return (Double(state >> 11) / Double(1 << 53) - 0.5) * 8
        }
    }

    func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    let operations: [(String, (Tensor, Tensor) throws -> Tensor, (Double, Double) -> Double)] = [
        ("add", Tensor.add, { $0 + $1 }), ("subtract", Tensor.subtract, { $0 - $1 }),
        ("multiply", Tensor.multiply, { $0 * $1 }), ("divide", Tensor.divide, { $0 / $1 }),
    ]

    @Test func equalShapesAndSingleValues() throws {
        for count in [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 100] {
            let x = values(count, seed: UInt64(count) + 1)
            let y = values(count, seed: UInt64(count) + 99)
            let a = try Tensor(shape: [count], scalars: x)
            let b = try Tensor(shape: [count], scalars: y)
            let s = Tensor(-0.75)
            for (name, op, scalar) in operations {
                #expect(sameBits(try op(a, b).scalars, zip(x, y).map(scalar)), "\(name), \(count) elements")
                #expect(sameBits(try op(a, s).scalars, x.map { scalar($0, -0.75) }), "\(name) by a value, \(count)")
                #expect(sameBits(try op(s, a).scalars, x.map { scalar(-0.75, $0) }), "\(name) of a value, \(count)")
            }
        }
    }

    @Test func aRowRepeatedDownABatch() throws {
        for (rows, width) in [(5, 16), (3, 7), (4, 1 + 8), (2, 3), (1, 20), (6, 2)] {
            let x = values(rows * width, seed: UInt64(rows * 31 + width))
            let r = values(width, seed: UInt64(width) + 7)
            let full = try Tensor(shape: [rows, width], scalars: x)
            let row = try Tensor(shape: [width], scalars: r)
            let keptRow = try Tensor(shape: [1, width], scalars: r)
            for (name, op, scalar) in operations {
                let expected = (0..<(rows * width)).map { scalar(x[$0], r[$0 % width]) }
                let expectedFirst = (0..<(rows * width)).map { scalar(r[$0 % width], x[$0]) }
                #expect(sameBits(try op(full, row).scalars, expected), "\(name) (\(rows),\(width)) ∘ row")
                #expect(sameBits(try op(full, keptRow).scalars, expected), "\(name) (\(rows),\(width)) ∘ (1,w)")
                #expect(sameBits(try op(row, full).scalars, expectedFirst), "\(name) row ∘ (\(rows),\(width))")
            }
        }
        // Three dimensions, the row being the last two.
        let x = values(2 * 3 * 4, seed: 5)
        let r = values(12, seed: 6)
        let product = try Tensor.multiply(
            try Tensor(shape: [2, 3, 4], scalars: x), try Tensor(shape: [3, 4], scalars: r))
        #expect(sameBits(product.scalars, (0..<24).map { x[$0] * r[$0 % 12] }))
    }

    @Test func reluAndItsPullback() throws {
        for count in [0, 1, 4, 6, 8, 13, 64] {
            let x = values(count, seed: UInt64(count) + 3)
            let g = values(count, seed: UInt64(count) + 4)
            let relu = try Tensor(shape: [count], scalars: x).relu().scalars
            #expect(sameBits(relu, x.map { $0 > 0 || $0.isNaN ? $0 : 0 }), "relu, \(count)")
            // The pullback passes g where relu's output is positive.
            let (_, gradient) = try valueAndGradient(
                of: { v in try (v[0].relu() * Variable(try Tensor(shape: [count], scalars: g))).sum() },
                at: [try Tensor(shape: [count], scalars: x)])
            let out = x.map { $0 > 0 || $0.isNaN ? $0 : 0 }
            #expect(sameBits(gradient[0].scalars, zip(g, out).map { $1 > 0 ? $0 : 0 }), "relu's pullback, \(count)")
        }
    }

    @Test func sumsDownTheFirstAxisAddRowAfterRow() throws {
        for (rows, width) in [(7, 16), (500, 1), (3, 5), (9, 40), (2, 8), (1, 3)] {
            let x = values(rows * width, seed: UInt64(rows + width))
            var expected = Array(x[0..<width])
            for r in 1..<rows {
                for j in 0..<width { expected[j] += x[r * width + j] }
            }
            let sum = try Tensor(shape: [rows, width], scalars: x).sum(axes: [0])
            #expect(sameBits(sum.scalars, expected), "sum over axis 0 of (\(rows),\(width))")
        }
    }
}
