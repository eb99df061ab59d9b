import KisoBase

/// Padding and truncation measured in terminal columns.
enum TextLayout {
    /// `text` with control characters replaced by spaces, so a label cannot move the cursor.
    static func sanitized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (value >= 0x7F && value < 0xA0) {
                result.unicodeScalars.append(" ")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when something was cut.
    static func truncated(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : ""
        let budget = width - DisplayWidth.of(mark)
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + mark
    }

    /// `text` padded with spaces on the right to `width` columns (never cut).
    static func padRight(_ text: String, to width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text` padded with spaces on the left to `width` columns (never cut).
    static func padLeft(_ text: String, to width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    /// `text` centred in `width` columns, the odd space going to the right.
    static func center(_ text: String, in width: Int) -> String {
        let missing = width - DisplayWidth.of(text)
        guard missing > 0 else { return text }
        let left = missing / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: missing - left)
    }
}
