/// How an operation's result joins the tapes: one node on every recording tape that holds one
/// of its inputs. The common case — a single tape — takes a path with no array allocation.
extension Variable {
    /// The result of a one-input operation. `pullback(g, out)` maps the cotangent of the result to
    /// the cotangent of `x`. Public so that modules above the engine (KisoProbability's special
    /// functions) write their differentiable operations the same way.
    public static func record(
        _ value: Tensor, _ x: Variable, _ pullback: @escaping (Variable, Variable) throws -> Variable
    ) -> Variable {
        if x.outerTracks.isEmpty {
            guard let track = x.track, track.tape.isRecording else { return Variable(value) }
            return track.tape.record(value, .unary(track.index, pullback))
        }
        return recordOnEach(value, tapes: x.liveTracks.map(\.tape)) { tape in
            .unary(x.index(on: tape), pullback)
        }
    }

    /// The result of a two-input operation. `pullback(g, out, needsA, needsB)` returns the
    /// cotangents of `a` and `b` (either may be nil when not needed).
    public static func record(
        _ value: Tensor, _ a: Variable, _ b: Variable,
        _ pullback: @escaping (Variable, Variable, Bool, Bool) throws -> (Variable?, Variable?)
    ) -> Variable {
        if a.outerTracks.isEmpty && b.outerTracks.isEmpty {
            let ta = a.track.flatMap { $0.tape.isRecording ? $0 : nil }
            let tb = b.track.flatMap { $0.tape.isRecording ? $0 : nil }
            let tape: Tape
            switch (ta, tb) {
            case (nil, nil): return Variable(value)
            case (let ta?, nil): tape = ta.tape
            case (nil, let tb?): tape = tb.tape
            case (let ta?, let tb?):
                guard ta.tape === tb.tape else { return recordGeneral(value, a, b, pullback) }
                tape = ta.tape
            }
            return tape.record(value, .binary(ta?.index ?? -1, tb?.index ?? -1, pullback))
        }
        return recordGeneral(value, a, b, pullback)
    }

    private static func recordGeneral(
        _ value: Tensor, _ a: Variable, _ b: Variable,
        _ pullback: @escaping (Variable, Variable, Bool, Bool) throws -> (Variable?, Variable?)
    ) -> Variable {
        recordOnEach(value, tapes: distinctTapes([a, b])) { tape in
            .binary(a.index(on: tape), b.index(on: tape), pullback)
        }
    }

    /// The result of an operation on any number of inputs. `pullback(g, out, needs)` returns one
    /// cotangent (or nil) per input.
    static func record(
        _ value: Tensor, _ inputs: [Variable],
        _ pullback: @escaping (Variable, Variable, [Bool]) throws -> [Variable?]
    ) -> Variable {
        let tapes = distinctTapes(inputs)
        if tapes.isEmpty { return Variable(value) }
        return recordOnEach(value, tapes: tapes) { tape in
            .many(inputs.map { $0.index(on: tape) }, pullback)
        }
    }

    /// The recording tapes holding any of `inputs`, each once.
    private static func distinctTapes(_ inputs: [Variable]) -> [Tape] {
        var tapes: [Tape] = []
        for input in inputs {
            for track in input.liveTracks where !tapes.contains(where: { $0 === track.tape }) {
                tapes.append(track.tape)
            }
        }
        return tapes
    }

    private static func recordOnEach(_ value: Tensor, tapes: [Tape], _ node: (Tape) -> Pullback) -> Variable {
        guard let innermost = tapes.last else { return Variable(value) }
        var tracks: [Track] = []
        tracks.reserveCapacity(tapes.count)
        for tape in tapes {
            tracks.append(Track(tape: tape, index: tape.append(node(tape))))
        }
        let track = tracks.removeLast()
        let result = Variable(value: value, track: track, outerTracks: tracks)
        innermost.nodes[track.index].output = result
        for outer in tracks { outer.tape.nodes[outer.index].output = result }
        return result
    }
}
