/// Where words end: the characters Python's `str.split()` splits on, found in UTF-8 bytes so that
/// pre-tokenisation never builds a `String` per character.
enum Whitespace {
    /// The length in bytes of the whitespace character starting at `i`, or 0 if there is none.
    @inline(__always)
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 { return (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20) ? 1 : 0 }
        let n = bytes.count
        switch b {
        case 0xC2:  // U+0085 next line, U+00A0 no-break space
            return i + 1 < n && (bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:  // U+1680 ogham space mark
            return i + 2 < n && bytes[i + 1] == 0x9A && bytes[i + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard i + 2 < n else { return 0 }
            let (c, d) = (bytes[i + 1], bytes[i + 2])
            // U+2000…U+200A, U+2028, U+2029, U+202F; U+205F.
            if c == 0x80 && (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF) { return 3 }
            return c == 0x81 && d == 0x9F ? 3 : 0
        case 0xE3:  // U+3000 ideographic space
            return i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Calls `body(start, end, isSpace)` for each maximal run of whitespace or of other characters,
    /// in order; together the runs cover every byte.
    static func forEachRun(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Bool) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            let start = i
            let space = length(bytes, at: i) > 0
            while i < n {
                let w = length(bytes, at: i)
                if (w > 0) != space { break }
                if w > 0 {
                    i += w
                } else {
                    i += 1
                    // Skip continuation bytes: a run never ends inside a character.
                    while i < n && bytes[i] & 0xC0 == 0x80 { i += 1 }
                }
            }
            body(start, i, space)
        }
    }
}
