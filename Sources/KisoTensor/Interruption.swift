import KisoBase

extension Interruption {
    /// Throws an `interrupted` error naming `op`, clearing the request, if one is pending.
    @inline(__always)
    static func check(_ op: String) throws {
        if isRequested && take() {
            throw TensorError(.interrupted, "\(op): interrupted", hint: "every variable keeps its last value")
        }
    }

    /// ``check(_:)`` on every 65,536th turn of a loop (`turn` counts from 0): long element loops
    /// (random draws, reductions) stop within a few milliseconds of Ctrl-C and pay for it with
    /// one bit test per turn.
    @inline(__always)
    static func check(_ op: String, every turn: Int) throws {
        if turn & 0xFFFF == 0 { try check(op) }
    }
}
