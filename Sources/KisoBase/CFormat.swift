import Glibc

/// One Double through C's printf `format` (`"%.4f"`, `"%.4e"`, `"%.0f"`): the exact binary
/// value rounded half-to-even, as Python's `%` and f-strings round it.
public func cFormat(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let written = withVaList([value]) { args in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 512, format, args) }
    }
    guard written >= 0 else { return String(value) }
    let bytes = buffer.prefix(Swift.min(Int(written), 511)).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}
