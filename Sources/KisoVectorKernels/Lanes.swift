/// Eight doubles, the unit every kernel in this module computes on.
typealias Lanes = SIMD8<Double>

/// Four doubles: one AVX2 register, the width each kernel's arithmetic is written for.
typealias Quad = SIMD4<Double>

/// Cody–Waite constants shared by the kernels: ln 2 split so that n·ln2High is exact, and the
/// shift that rounds a double to an integer held in its low bits.
enum CodyWaite {
    static let log2e = 1.442_695_040_888_963_4
    static let ln2High = 0.693_147_180_369_123_816_49
    static let ln2Low = 1.908_214_929_270_587_700_02e-10
    /// 1.5·2⁵².
    static let roundingShift = 6_755_399_441_055_744.0
}

/// Applies `kernel` to `count` values, eight at a time; the last partial group is padded with
/// `padding` (zero unless a kernel would rather have another value there), which every kernel
/// here accepts.
@inline(__always)
func forEachLanes(
    _ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int,
    padding: Double = 0, _ kernel: (Lanes) -> Lanes
) {
    var i = 0
    while i + 8 <= count {
        let x = UnsafeRawPointer(source + i).loadUnaligned(as: Lanes.self)
        UnsafeMutableRawPointer(destination + i).storeBytes(of: kernel(x), as: Lanes.self)
        i += 8
    }
    if i < count {
        var tail = Lanes(repeating: padding)
        for k in 0..<(count - i) { tail[k] = source[i + k] }
        let result = kernel(tail)
        for k in 0..<(count - i) { destination[i + k] = result[k] }
    }
}

/// Whether any lane of `mask` is set, as three halving ORs. The standard library's `any` takes
/// the minimum of the mask's 64-bit lanes, which AVX2 has no instruction for, and compiled to a
/// loop over the lanes that cost more than the kernels' own arithmetic.
@inline(__always)
func anyLane(_ mask: SIMDMask<SIMD8<Int64>>) -> Bool {
    let lanes = unsafeBitCast(mask, to: SIMD8<Int64>.self)
    let four = lanes.lowHalf | lanes.highHalf
    let two = four.lowHalf | four.highHalf
    return two[0] | two[1] != 0
}
