import KisoTensor

/// NumPy's ways from an array back to Python's values: `copy`, `item` and `tolist`.
extension Registry {
    func registerPythonValues() {
        section("Building arrays")
        add(
            "copy", [param("x", .tensor)],
            doc:
                "x as a tensor: Kiso's values never share storage, so np.copy(x) and x.copy() are there for pasted code.",
            example: "x = [1, 2]; y = x.copy(); y[0] = 9; x", grad: .structural
        ) { a in
            // A tensor as it is (also while being differentiated); a list becomes one.
            let x = try a["x"]
            return x.readableTensor != nil ? x : .tensor(try Convert.tensor(x, "x"))
        }
        add(
            "item", [param("x", .tensor), rest("index")],
            doc:
                "The one element of x as an int, float or bool (with an index: the element there, counted flat or per axis).",
            example: "arange(6).reshape(2, 3).item(1, 2)", grad: .detaching
        ) { a in
            let x = try a.tensor("x")
            let index = try shapeArguments(try a["index"], "index")
            return Convert.scalarValue(try x.element(at: index, op: "item"))
        }
        add(
            "tolist", [param("x", .tensor)],
            doc: "x as nested lists of ints, floats or bools (a 0-d tensor as one number), as NumPy's tolist.",
            example: "arange(4).reshape(2, 2).tolist()", grad: .detaching
        ) { a in
            nestedList(try a.tensor("x"))
        }
    }
}

/// A tensor as nested lists of Python scalars, one level per axis.
private func nestedList(_ x: Tensor) -> Value {
    let flat = x.contiguous().scalars
    func level(_ axis: Int, _ offset: Int, _ stride: Int) -> Value {
        if axis == x.rank {
            return Convert.scalarValue(Tensor(flat[offset], dtype: x.dtype))
        }
        let inner = stride / Swift.max(x.shape[axis], 1)
        return .list((0..<x.shape[axis]).map { level(axis + 1, offset + $0 * inner, inner) })
    }
    return level(0, 0, x.count)
}

extension Tensor {
    /// The element NumPy's `x.item(*index)` reads: the only one (no index), the one at a flat
    /// position (one index, negative from the end), or the one at an index per axis.
    fileprivate func element(at index: [Int], op: String) throws -> Tensor {
        let flat = contiguous().scalars
        let position: Int
        switch index.count {
        case 0:
            guard count == 1 else {
                throw KisoError(
                    .value, "\(op): x has \(count) elements; only a one-element tensor converts to a number",
                    hint: "pick one first, e.g. x[0].item(), or give its position: x.item(0)")
            }
            position = 0
        case 1:
            let i = index[0] < 0 ? index[0] + count : index[0]
            guard i >= 0 && i < count else {
                throw KisoError(
                    .index, "\(op): index \(index[0]) is out of range for \(count) elements",
                    hint: "a flat index runs from \(-count) to \(count - 1)")
            }
            position = i
        default:
            guard index.count == rank else {
                throw KisoError(
                    .index, "\(op): \(index.count) indices for a tensor with \(rank) axes",
                    hint: "give one index per axis, or one flat index")
            }
            var p = 0
            for (axis, raw) in index.enumerated() {
                let n = shape[axis]
                let i = raw < 0 ? raw + n : raw
                guard i >= 0 && i < n else {
                    throw KisoError(
                        .index, "\(op): index \(raw) is out of range for axis \(axis) of length \(n)",
                        hint: "indices along this axis run from \(-n) to \(n - 1)")
                }
                p = p * n + i
            }
            position = p
        }
        return Tensor(flat[position], dtype: dtype)
    }
}
