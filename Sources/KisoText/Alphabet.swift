/// The tokens a word starts as, before any merge: its characters (or, byte-level, its UTF-8
/// bytes), with the end-of-word marker glued to the last one or following as a symbol of its own.
struct Alphabet {
    let byteLevel: Bool
    let marker: String?
    let attachesMarker: Bool
    /// Byte-level: the id of each byte, and of each byte carrying the glued marker (-1 if absent).
    private var byteIds = [Int32](repeating: -1, count: 256)
    private var finalByteIds = [Int32](repeating: -1, count: 256)
    /// Characters: the id of each character, and of each character carrying the glued marker.
    private var charIds: [UInt32: Int32] = [:]
    private var finalCharIds: [UInt32: Int32] = [:]
    /// The id of the marker when it is a symbol of its own.
    private(set) var markerId: Int32 = -1

    private init(byteLevel: Bool, marker: String?, attachesMarker: Bool) {
        self.byteLevel = byteLevel
        self.marker = marker
        self.attachesMarker = attachesMarker
    }

    /// The alphabet of a trained vocabulary: the tokens that are one unit, with or without the
    /// marker, and the marker itself.
    init(vocabulary: [String: Int], byteLevel: Bool, marker: String?, attachesMarker: Bool) {
        self.init(byteLevel: byteLevel, marker: marker, attachesMarker: attachesMarker)
        for (token, id) in vocabulary {
            guard let id32 = Int32(exactly: id) else { continue }
            var body = Substring(token)
            var final = false
            if let marker, attachesMarker, token != marker, token.hasSuffix(marker) {
                body = body.dropLast(marker.count)
                final = true
            } else if let marker, !attachesMarker, token == marker {
                markerId = id32
                continue
            }
            let scalars = body.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else { continue }
            if byteLevel {
                guard let byte = ByteLevel.bytes[scalar] else { continue }
                if final { finalByteIds[Int(byte)] = id32 } else { byteIds[Int(byte)] = id32 }
            } else if final {
                finalCharIds[scalar.value] = id32
            } else {
                charIds[scalar.value] = id32
            }
        }
    }

    /// The alphabet of a corpus and its tokens, in code-point order of their text (the order HF
    /// tokenizers numbers its initial alphabet in). Byte-level alphabets hold all 256 bytes, so
    /// that any text can be encoded later.
    static func of(_ words: WordCounts, options: BPEOptions) -> (alphabet: Alphabet, tokens: [String]) {
        let marker = options.endOfWord
        let attached = marker != nil && options.attachesEndOfWord
        // Keys: unit value, with bit 32 set for a unit carrying the glued marker.
        var keys = Set<UInt64>()
        if options.byteLevel {
            for b in 0..<256 { keys.insert(UInt64(b)) }
            if attached { for b in 0..<256 { keys.insert(UInt64(b) | 1 << 32) } }
        } else {
            words.bytes.withUnsafeBufferPointer { buffer in
                for w in 0..<words.count {
                    let end = words.offsets[w + 1]
                    var i = words.offsets[w]
                    while i < end {
                        let (scalar, next) = UTF8Decoding.scalar(buffer, at: i)
                        keys.insert(UInt64(scalar) | (attached && next == end ? 1 << 32 : 0))
                        i = next
                    }
                }
            }
        }
        func text(_ key: UInt64) -> String {
            let unit = UInt32(truncatingIfNeeded: key)
            let scalar = options.byteLevel ? ByteLevel.characters[Int(unit)] : Unicode.Scalar(unit) ?? "\u{FFFD}"
            return String(Character(scalar)) + (key >> 32 != 0 ? marker ?? "" : "")
        }
        var entries = keys.map { (key: $0, text: text($0)) }
        if let marker, !attached { entries.append((key: UInt64.max, text: marker)) }
        entries.sort { codePointOrder($0.text, $1.text) }
        var alphabet = Alphabet(byteLevel: options.byteLevel, marker: marker, attachesMarker: attached)
        var tokens: [String] = []
        var ids: [String: Int32] = [:]
        for entry in entries {
            let id: Int32
            if let existing = ids[entry.text] {
                id = existing
            } else {
                id = Int32(tokens.count)
                ids[entry.text] = id
                tokens.append(entry.text)
            }
            alphabet.assign(entry.key, id)
        }
        return (alphabet, tokens)
    }

    private mutating func assign(_ key: UInt64, _ id: Int32) {
        if key == UInt64.max {
            markerId = id
            return
        }
        let unit = UInt32(truncatingIfNeeded: key)
        let final = key >> 32 != 0
        if byteLevel {
            if final { finalByteIds[Int(unit)] = id } else { byteIds[Int(unit)] = id }
        } else if final {
            finalCharIds[unit] = id
        } else {
            charIds[unit] = id
        }
    }

    /// Appends the ids of the word `bytes[start..<end]` to `symbols`; returns the byte offset of
    /// the first character the alphabet lacks, or nil when every character is known.
    @inline(__always)
    func appendSymbols(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to symbols: inout [Int32]
    ) -> Int? {
        let attached = attachesMarker && marker != nil
        if byteLevel {
            for i in start..<end {
                let id = attached && i == end - 1 ? finalByteIds[Int(bytes[i])] : byteIds[Int(bytes[i])]
                if id < 0 { return i }
                symbols.append(id)
            }
        } else {
            var i = start
            while i < end {
                let (scalar, next) = UTF8Decoding.scalar(bytes, at: i)
                let id = (attached && next == end ? finalCharIds[scalar] : charIds[scalar]) ?? -1
                if id < 0 { return i }
                symbols.append(id)
                i = next
            }
        }
        if marker != nil && !attachesMarker && end > start {
            if markerId < 0 { return end }
            symbols.append(markerId)
        }
        return nil
    }
}

/// Whether `a` sorts before `b` by Unicode code points, as Python and Rust compare strings.
func codePointOrder(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
}

/// Reading Unicode scalars out of bytes known to be valid UTF-8 (they come from a Swift String).
enum UTF8Decoding {
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, i + 1) }
        let n = bytes.count
        if b0 < 0xE0, i + 1 < n { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), i + 2) }
        if b0 < 0xF0, i + 2 < n {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), i + 3)
        }
        if i + 3 < n {
            return (
                (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), i + 4
            )
        }
        return (0xFFFD, n)
    }
}
