/// Text from a program or a file made safe to show on a terminal.
///
/// A string printed by a notebook can hold escape sequences that retitle the window, write the
/// clipboard (OSC 52) or move the cursor over what the learner reads. Kiso shows such characters
/// as Python's `repr` writes them (`\x1b`, `\x07`, `\x9b`), keeping newlines and tabs; the colours
/// and cursor movement Kiso emits itself are added after this, never passed through it.
public enum ControlEscapes {
    /// `text` with every C0 and C1 control character except `\n` and `\t`, and DEL, written as
    /// `\xNN`; a carriage return is written `\r`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !needsEscape(scalar) {
                result.append(scalar)
            } else if scalar == "\r" {
                result.append(contentsOf: "\\r".unicodeScalars)
            } else {
                result.append(contentsOf: hex(scalar.value).unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether `scalar` is a control character that ``escaped(_:)`` rewrites.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (value >= 0x7F && value < 0xA0)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(value >> 4)]) + String(digits[Int(value & 0xF)])
    }
}
