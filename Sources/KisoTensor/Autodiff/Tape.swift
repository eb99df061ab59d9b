/// The record of one gradient computation: every operation on a tracked value, in the order it
/// ran, with the vector-Jacobian product that carries a gradient back to its inputs.
///
/// Each `valueAndGradient` call makes its own tape, records while the function runs, walks it
/// once in reverse, and then discards it. Pullbacks are written with `Variable` operations, so
/// when the cotangents or the saved inputs are themselves tracked by an enclosing tape, the
/// backward pass is recorded there and can be differentiated again.
public final class Tape {
    /// Whether operations are still being recorded; false once the backward pass has begun.
    public private(set) var isRecording = true
    var nodes: [Node] = []

    /// An empty tape, recording.
    public init() {
        nodes.reserveCapacity(64)
    }

    /// The number of recorded nodes (arguments included).
    public var count: Int { nodes.count }

    /// Appends a node and returns its index.
    @inline(__always)
    func append(_ pullback: Pullback) -> Int {
        nodes.append(Node(pullback: pullback, output: nil))
        return nodes.count - 1
    }

    /// Records `value` as the result of an operation on this tape alone, with its pullback.
    @inline(__always)
    func record(_ value: Tensor, _ pullback: Pullback) -> Variable {
        let result = Variable(value: value, track: Track(tape: self, index: nodes.count), outerTracks: [])
        nodes.append(Node(pullback: pullback, output: result))
        return result
    }

    /// A fresh argument: `value` recorded as a leaf of this tape, keeping its places on any
    /// enclosing tapes so that their gradients still flow through it.
    public func watch(_ value: Variable) -> Variable {
        let index = append(.leaf)
        var outer = value.outerTracks.filter { $0.tape.isRecording }
        if let track = value.track, track.tape.isRecording { outer.append(track) }
        let result = Variable(value: value.value, track: Track(tape: self, index: index), outerTracks: outer)
        nodes[index].output = result
        return result
    }

    /// Stops recording and drops every node (which breaks the reference cycles between the
    /// tape, its pullbacks and the variables they saved).
    func finish() {
        isRecording = false
        nodes.removeAll()
    }

    /// Walks the tape backward from `output`, starting with the cotangent `seed`, and returns the
    /// gradient reaching each of `leaves` (nil where none does). The walk empties the nodes it
    /// visits, so a tape is walked once.
    func backward(from output: Int, seed: Variable, leaves: [Int]) throws -> [Variable?] {
        isRecording = false
        guard output >= 0 && output < nodes.count else { return leaves.map { _ in nil } }
        var isLeaf = [Bool](repeating: false, count: output + 1)
        for leaf in leaves where leaf >= 0 && leaf <= output { isLeaf[leaf] = true }
        var grads = [Variable?](repeating: nil, count: output + 1)
        grads[output] = seed
        for i in stride(from: output, through: 0, by: -1) {
            // Each node is visited once and the tape is dropped afterwards, so the cotangent
            // and the node are moved out rather than copied (a copy retains and releases
            // the closure and the variables it holds).
            var taken: Variable? = nil
            if isLeaf[i] { taken = grads[i] } else { swap(&taken, &grads[i]) }
            guard let g = taken else { continue }
            var node = Node(pullback: .leaf, output: nil)
            swap(&node, &nodes[i])
            guard let out = node.output else { continue }
            switch node.pullback {
            case .leaf:
                break
            case .unary(let parent, let pullback):
                try Tape.accumulate(&grads, parent, try pullback(g, out))
            case .binary(let left, let right, let pullback):
                let (da, db) = try pullback(g, out, left >= 0, right >= 0)
                if left >= 0, let da { try Tape.accumulate(&grads, left, da) }
                if right >= 0, let db { try Tape.accumulate(&grads, right, db) }
            case .many(let parents, let pullback):
                let contributions = try pullback(g, out, parents.map { $0 >= 0 })
                for (parent, contribution) in zip(parents, contributions) where parent >= 0 {
                    if let contribution { try Tape.accumulate(&grads, parent, contribution) }
                }
            }
        }
        return leaves.map { $0 >= 0 && $0 <= output ? grads[$0] : nil }
    }

    @inline(__always)
    private static func accumulate(_ grads: inout [Variable?], _ parent: Int, _ contribution: Variable) throws {
        guard parent >= 0 && parent < grads.count else { return }
        if let existing = grads[parent] {
            grads[parent] = try Variable.add(existing, contribution)
        } else {
            grads[parent] = contribution
        }
    }
}

/// One recorded operation: how to pull a cotangent back to its inputs, and its result (which
/// pullbacks such as exp's and tanh's reuse).
struct Node {
    var pullback: Pullback
    var output: Variable?
}

/// A vector-Jacobian product and the node indices of the inputs it feeds (-1 for an input this
/// tape does not record). Pullbacks receive the cotangent, the operation's own result, and
/// whether each input needs its gradient.
enum Pullback {
    /// An argument of the differentiated function.
    case leaf
    /// One input.
    case unary(Int, (Variable, Variable) throws -> Variable)
    /// Two inputs.
    case binary(Int, Int, (Variable, Variable, Bool, Bool) throws -> (Variable?, Variable?))
    /// Any number of inputs.
    case many([Int], (Variable, Variable, [Bool]) throws -> [Variable?])
}
