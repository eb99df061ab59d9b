/// One entry of an index list, as in NumPy's `x[...]`.
///
/// Integers, slices, `newAxis` and `ellipsis` are basic indices: the result is a view of the same
/// storage. Tensor indices are advanced: the result is a gathered copy.
public enum TensorIndex: Sendable {
    /// A single position; negative values count from the end (`-1` is the last).
    case int(Int)
    /// Python's `start:stop:step`; `nil` takes the default for the step's direction, bounds past
    /// either end are clamped, and a step of 0 is an error.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// Inserts a dimension of size 1 (NumPy's `None` / `np.newaxis`).
    case newAxis
    /// Stands for as many full slices as the dimensions not otherwise indexed (Python's `...`).
    case ellipsis
    /// An index tensor: a `.bool` tensor is a mask over the dimensions it covers; any other dtype
    /// lists positions, which must be whole numbers.
    case tensor(Tensor)

    /// The full slice `:`.
    public static var all: TensorIndex { .slice(start: nil, stop: nil, step: nil) }
}

extension TensorIndex: ExpressibleByIntegerLiteral {
    /// Lets a literal integer stand for `.int`, so that `x[0, 2]` reads as in NumPy.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}
