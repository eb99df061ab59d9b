import Testing

@testable import KisoTensor

/// The exact text a learner sees for common mistakes: each names the operation, the shapes or
/// values involved, and how to fix the call.
@Suite struct ErrorMessageTests {
    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch let error as TensorError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    let m23 = (try? Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])) ?? Tensor(0)

    @Test func broadcasting() {
        #expect(
            message { try Tensor.add(m23, Tensor([1, 2])) }
                == "add: shapes (2,3) and (2,) cannot be broadcast together (axis -1: 3 vs 2); sizes must match or be 1 when aligned from the right; reshape or add an axis with expand_dims"
        )
    }

    @Test func reshape() {
        #expect(
            message { try m23.reshaped([4, 2]) }
                == "reshape: cannot reshape 6 elements of shape (2,3) into (4,2) (8 elements); the product of the new sizes must be 6; use -1 for one size to have it inferred"
        )
        #expect(
            message { try m23.reshaped([-1, -1]) }
                == "reshape: only one dimension can be -1, got (-1,-1); give every size but one explicitly")
    }

    @Test func axes() {
        #expect(
            message { try m23.sum(axes: [2]) }
                == "sum: axis 2 is out of bounds for a tensor of rank 2; valid axes are -2…1")
        #expect(message { try m23.sum(axes: [0, -2]) } == "sum: axis -2 is repeated in [0, -2]; name each axis once")
    }

    @Test func emptyReductions() {
        #expect(
            message { try Tensor.zeros([0]).max() }
                == "max: cannot take the max of an empty sequence (a zero-size reduction has no identity); check the axis you reduce over has at least one element"
        )
        #expect(message { try Tensor.zeros([0]).sum().scalar ?? -1 } as String == "no error")
    }

    @Test func raggedLiteral() {
        let ragged = NestedValues.list([.list([.scalar(1), .scalar(2)]), .list([.scalar(3)])])
        #expect(
            message { try Tensor(nested: ragged) }
                == "tensor: row [1] has 1 elements but the first row at that depth has 2; every row must have the same length; pad the short rows or fix the long ones"
        )
    }

    @Test func memoryLimit() {
        #expect(
            message { try Tensor.zeros([100_000, 100_000]) }
                == "zeros: shape (100000,100000) needs more than the 4 GiB allocation limit; use a smaller shape, or raise the limit if you really need this much memory"
        )
        #expect(message { try Tensor.zeros([Int.max, 4]) }.contains("allocation limit"))
        #expect(message { try Tensor.zeros([-3]) }.contains("negative dimension -3"))
    }

    @Test func concatenateAndStack() {
        #expect(
            message { try Tensor.concatenate([m23, Tensor([1, 2, 3])]) }
                == "concatenate: tensor 1 has rank 1 (shape (3,)) but tensor 0 has rank 2 (shape (2,3)); all inputs need the same number of dimensions; add one with expand_dims"
        )
        #expect(
            message { try Tensor.stack([m23, m23.T]) }
                == "stack: tensor 1 has shape (3,2) but tensor 0 has (2,3); stack needs equal shapes; use concatenate to join along an existing axis"
        )
    }

    @Test func hugeArgumentsDoNotTrap() {
        #expect(message { try m23.tiled([Int.max, 2]) }.contains("allocation limit"))
        #expect(message { try m23.repeated([Int.max, Int.max, 1], axis: 1) }.contains("allocation limit"))
        #expect(message { try m23.padded([(Int.max, Int.max)]) }.contains("allocation limit"))
        #expect(message { try m23.split(.parts(Int.max), axis: 0) }.contains("split"))
        #expect(message { try Tensor.eye(3, 3, k: Int.min) } == "no error")
        #expect(message { try Tensor.eye(3, 3, k: Int.max) } == "no error")
        #expect(message { try Tensor.arange(0, 1e300) }.contains("too many"))
        #expect(message { try Tensor.linspace(0, 1, num: -1) }.contains("num must be 0 or more"))
    }
}
