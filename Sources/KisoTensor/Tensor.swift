/// The element kind a tensor presents. Every element is stored as a `Double`; the kind decides
/// how values print, how they promote in arithmetic, and whether an index tensor is a boolean
/// mask or a list of positions, as NumPy's dtypes do.
public enum DType: Int, Sendable, Comparable, CustomStringConvertible {
    /// 0 or 1, printed `True` / `False`; produced by comparisons and logical tests.
    case bool
    /// Whole numbers (exact up to 2⁵³), printed without a decimal point.
    case int64
    /// IEEE double precision.
    case float64

    /// The kind a binary arithmetic result takes: the wider of the two, where bool widens to
    /// int64 (Kiso counts `True + True` as 2, like Python, rather than NumPy's logical or).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        let wider = max(a, b)
        return wider == .bool ? .int64 : wider
    }

    public static func < (a: DType, b: DType) -> Bool { a.rawValue < b.rawValue }

    /// NumPy's name for the kind.
    public var description: String {
        switch self {
        case .bool: return "bool"
        case .int64: return "int64"
        case .float64: return "float64"
        }
    }
}

/// An n-dimensional array of `Double` with NumPy's semantics.
///
/// A tensor is a value: assigning it copies (lazily: storage is shared until one side writes).
/// Shape-only operations such as `transpose`, slicing and `broadcast(to:)` return strided views
/// of the same storage, which is why a tensor carries `strides` and an `offset`; element kernels
/// take a contiguous fast path whenever they can.
public struct Tensor: Sendable {
    /// The elements, shared copy-on-write between tensors that view the same data.
    internal var storage: [Double]
    /// The size of each dimension; empty for a 0-d (scalar) tensor.
    public internal(set) var shape: [Int]
    /// How far to step in `storage`, in elements, to move one place along each dimension.
    /// May be zero (a broadcast dimension) or negative (a reversed view).
    public internal(set) var strides: [Int]
    /// The position in `storage` of the element at index (0, 0, …).
    internal var offset: Int
    /// The element kind (see `DType`).
    public var dtype: DType

    /// Wraps row-major `storage` without validation; callers guarantee
    /// `storage.count == shape.product`.
    internal init(uncheckedShape shape: [Int], storage: [Double], dtype: DType = .float64) {
        self.storage = storage
        self.shape = shape
        self.strides = Tensor.contiguousStrides(for: shape)
        self.offset = 0
        self.dtype = dtype
    }

    /// A strided view; callers guarantee every reachable position lies inside `storage`.
    internal init(
        view storage: [Double], shape: [Int], strides: [Int], offset: Int, dtype: DType
    ) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.dtype = dtype
    }

    /// A tensor of the given shape holding `scalars` in row-major order.
    ///
    /// Throws when a dimension is negative, the shape is too large, or the count of scalars does
    /// not match the shape.
    public init(shape: [Int], scalars: [Double], dtype: DType = .float64) throws {
        let count = try Tensor.checkedCount(of: shape, op: "tensor")
        guard count == scalars.count else {
            throw TensorError.shape(
                "tensor: \(scalars.count) values cannot fill shape \(formatShape(shape)), which holds \(count)",
                hint: "give exactly \(count) values, or reshape with -1 to let the size be inferred")
        }
        self.init(uncheckedShape: shape, storage: scalars, dtype: dtype)
    }

    /// A 0-d tensor holding one value.
    public init(_ value: Double, dtype: DType = .float64) {
        self.init(uncheckedShape: [], storage: [value], dtype: dtype)
    }

    /// A 1-d tensor of the given values.
    public init(_ values: [Double], dtype: DType = .float64) {
        self.init(uncheckedShape: [values.count], storage: values, dtype: dtype)
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// The number of dimensions (NumPy's name).
    public var ndim: Int { shape.count }
    /// The number of elements.
    public var count: Int { shape.reduce(1, &*) }
    /// The number of elements (NumPy's name).
    public var size: Int { count }

    /// Whether the elements sit in `storage` in row-major order with no gaps, from `offset`.
    public var isContiguous: Bool {
        var expected = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] != 1 {
            if strides[axis] != expected { return false }
            expected &*= shape[axis]
        }
        return true
    }

    /// The elements in row-major order.
    public var scalars: [Double] {
        if isContiguous {
            if offset == 0 && storage.count == count { return storage }
            return Array(storage[offset..<(offset + count)])
        }
        return contiguous().storage
    }

    /// The single element of a one-element tensor, or nil.
    public var scalar: Double? {
        count == 1 ? storage[offset] : nil
    }

    /// The same values laid out contiguously in fresh storage (or `self` when already so).
    public func contiguous() -> Tensor {
        if isContiguous && offset == 0 && storage.count == count { return self }
        let n = count
        let out = Storage.make(count: n) { buffer in
            storage.withUnsafeBufferPointer { source in
                var index = 0
                forEachOffset { position in
                    buffer[index] = source[position]
                    index &+= 1
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }

    /// Calls `body` with the storage position of every element, in row-major order.
    internal func forEachOffset(_ body: (Int) -> Void) {
        let n = count
        if n == 0 { return }
        let r = shape.count
        if r == 0 {
            body(offset)
            return
        }
        let innerCount = shape[r - 1]
        let innerStride = strides[r - 1]
        var index = [Int](repeating: 0, count: r)
        var base = offset
        while true {
            var p = base
            for _ in 0..<innerCount {
                body(p)
                p &+= innerStride
            }
            // Advance the odometer over the outer dimensions.
            var axis = r - 2
            while axis >= 0 {
                index[axis] &+= 1
                base &+= strides[axis]
                if index[axis] < shape[axis] { break }
                base &-= strides[axis] &* shape[axis]
                index[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }

    /// Row-major strides for `shape` (shared between tensors for ranks up to four).
    internal static func contiguousStrides(for shape: [Int]) -> [Int] {
        SmallIntArrays.contiguousStrides(for: shape)
    }

    /// Row-major strides for `shape`, in a new array.
    internal static func freshContiguousStrides(for shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running &*= Swift.max(shape[axis], 1)
        }
        return strides
    }
}
