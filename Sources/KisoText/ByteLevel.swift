/// GPT-2's byte-to-character table: every byte gets a printable character, so a byte-level
/// vocabulary can be written as text (`Ġ` is the space byte, 0x20).
///
/// Printable bytes (`!`…`~`, `¡`…`¬`, `®`…`ÿ`) stand for themselves; the other 68 take the code
/// points from U+0100 upwards, in byte order.
public enum ByteLevel {
    /// The character standing for each byte.
    public static let characters: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (33...126).contains(byte) || (161...172).contains(byte) || (174...255).contains(byte)
            if printable {
                table[byte] = Unicode.Scalar(UInt8(byte))
            } else {
                table[byte] = Unicode.Scalar(next) ?? " "
                next += 1
            }
        }
        return table
    }()

    /// The byte each table character stands for.
    public static let bytes: [Unicode.Scalar: UInt8] = {
        var inverse: [Unicode.Scalar: UInt8] = [:]
        for (byte, scalar) in characters.enumerated() { inverse[scalar] = UInt8(byte) }
        return inverse
    }()

    /// `bytes` written with the table's characters.
    public static func text(_ bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(characters[Int(byte)]) }
        return String(scalars)
    }

    /// The bytes a text of table characters stands for, or nil if it holds another character.
    public static func bytes(of text: some StringProtocol) -> [UInt8]? {
        var result: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let byte = bytes[scalar] else { return nil }
            result.append(byte)
        }
        return result
    }
}
