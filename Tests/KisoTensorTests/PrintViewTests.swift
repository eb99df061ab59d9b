import Testing

@testable import KisoTensor

/// Strided views print their own elements, not their storage order.
@Suite struct PrintViewTests {
    @Test func transposedViewPrintsTransposedValues() throws {
        let base = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let transposed = Tensor(
            view: base.storage, shape: [3, 2], strides: [1, 3], offset: 0, dtype: .float64)
        #expect(transposed.str(options: PrintOptions()) == "[[1. 4.]\n [2. 5.]\n [3. 6.]]")
        #expect(
            transposed.repr(options: PrintOptions())
                == transposed.contiguous().repr(options: PrintOptions()))
    }

    @Test func reversedAndOffsetViews() throws {
        let base = Tensor((0..<10).map(Double.init), dtype: .int64)
        let reversed = Tensor(view: base.storage, shape: [4], strides: [-2], offset: 9, dtype: .int64)
        #expect(reversed.str(options: PrintOptions()) == "[9 7 5 3]")
        let broadcast = Tensor(
            view: base.storage, shape: [2, 3], strides: [0, 1], offset: 4, dtype: .int64)
        #expect(broadcast.repr(options: PrintOptions()) == "array([[4, 5, 6],\n       [4, 5, 6]])")
    }

    @Test func summarisedViewSizesColumnsFromShownElements() throws {
        // A stride-2 view of 0..<4000 has 2000 elements: only the ends are shown and sized.
        let base = Tensor((0..<4000).map(Double.init), dtype: .int64)
        let view = Tensor(view: base.storage, shape: [2000], strides: [2], offset: 0, dtype: .int64)
        #expect(view.str(options: PrintOptions()) == "[   0    2    4 ... 3994 3996 3998]")
        #expect(
            view.repr(options: PrintOptions())
                == "array([   0,    2,    4, ..., 3994, 3996, 3998], shape=(2000,))")
    }
}
