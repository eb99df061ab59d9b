/// A differentiable value: a tensor plus where it sits on the tapes that are recording it.
///
/// Inside a function handed to `valueAndGradient`, the arguments being differentiated arrive
/// as variables recorded on that call's `Tape`; every operation on them records its inputs and
/// a vector-Jacobian product, and the result is recorded in turn. A variable that no tape
/// records is a constant: operations on constants cost no more than the tensor operations.
///
/// Nested gradients give one variable a place on several tapes (one per enclosing gradient
/// call), so an inner gradient's own arithmetic is traced by the outer call, as JAX's levels do.
///
/// A variable is immutable and shared by reference: the tape, the pullbacks that save their
/// inputs and the interpreter's values pass it around many times per operation, and copying
/// one reference costs a fifth of copying the tensor's three buffers and the tape places.
public final class Variable {
    /// The value.
    public let value: Tensor
    /// The place on the innermost tape recording this value, if any.
    let track: Track?
    /// Places on enclosing tapes, when gradients are nested; empty otherwise.
    let outerTracks: [Track]

    /// A constant: no tape records it, so nothing differentiates through it.
    public init(_ value: Tensor) {
        self.value = value
        self.track = nil
        self.outerTracks = []
    }

    /// A 0-d float64 constant.
    public convenience init(_ value: Double) {
        self.init(Tensor(value))
    }

    init(value: Tensor, track: Track?, outerTracks: [Track]) {
        self.value = value
        self.track = track
        self.outerTracks = outerTracks
    }

    /// The size of each dimension.
    public var shape: [Int] { value.shape }
    /// The number of dimensions.
    public var rank: Int { value.rank }
    /// The number of elements.
    public var count: Int { value.count }
    /// The element kind.
    public var dtype: DType { value.dtype }

    /// The same value cut off from every tape: gradients do not flow through it
    /// (JAX's `stop_gradient`, PyTorch's `detach`).
    public var detached: Variable { Variable(value) }

    /// Whether some tape that is still recording holds this value, i.e. whether a gradient can
    /// flow through it.
    public var isTracked: Bool {
        if let track, track.tape.isRecording { return true }
        return outerTracks.contains { $0.tape.isRecording }
    }

    /// Every place on a recording tape, innermost last.
    var liveTracks: [Track] {
        var result = outerTracks.filter { $0.tape.isRecording }
        if let track, track.tape.isRecording { result.append(track) }
        return result
    }

    /// This value's node on `tape`, or -1 when that tape does not record it.
    func index(on tape: Tape) -> Int {
        if let track, track.tape === tape { return track.index }
        for outer in outerTracks where outer.tape === tape { return outer.index }
        return -1
    }
}

/// A value's node on one tape.
struct Track {
    let tape: Tape
    let index: Int
}
