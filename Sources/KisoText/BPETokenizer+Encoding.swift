extension BPETokenizer {
    /// The token ids of a text: its words (split at whitespace; byte-level, whitespace runs are
    /// words too, so no byte is lost), each merged lowest rank first. A word met twice is merged once.
    public func encode(_ text: String) throws(TextError) -> [Int] {
        try encodeIds(text).map { Int($0) }
    }

    /// The tokens of a text, as their texts.
    public func tokens(_ text: String) throws(TextError) -> [String] {
        try encodeIds(text).map { tokens[Int($0)] }
    }

    /// The ids of a text's words, each word's merges computed once.
    func encodeIds(_ text: String) throws(TextError) -> [Int32] {
        var text = text
        var result: [Int32] = []
        var failure: TextError?
        let byteLevel = self.byteLevel
        text.withUTF8 { buffer in
            var cache = SliceTable(capacity: 1 << 12)
            var cacheStart: [Int] = []
            var cacheEnd: [Int] = []
            var arena: [Int32] = []
            var work = MergeWorkspace()
            Whitespace.forEachRun(buffer) { start, end, isSpace in
                if (isSpace && !byteLevel) || failure != nil { return }
                let (index, isNew) = cache.insert(buffer, start, end)
                if isNew {
                    work.symbols.removeAll(keepingCapacity: true)
                    if let bad = alphabet.appendSymbols(buffer, start, end, to: &work.symbols) {
                        failure = unknownCharacter(buffer, word: start..<end, at: bad)
                        return
                    }
                    applyMerges(&work)
                    cacheStart.append(arena.count)
                    arena.append(contentsOf: work.symbols)
                    cacheEnd.append(arena.count)
                }
                result.append(contentsOf: arena[cacheStart[index]..<cacheEnd[index]])
            }
        }
        if let failure { throw failure }
        return result
    }

    private func unknownCharacter(_ buffer: UnsafeBufferPointer<UInt8>, word: Range<Int>, at offset: Int) -> TextError {
        let wordText = String(decoding: buffer[word], as: UTF8.self)
        guard offset < word.upperBound else {
            return TextError(
                "the end-of-word marker \(quoted(endOfWord ?? "")) is not in the vocabulary",
                hint: "the vocabulary and the tokeniser's settings must come from the same training")
        }
        let (scalar, _) = UTF8Decoding.scalar(buffer, at: offset)
        let character = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "?"
        var code = String(scalar, radix: 16, uppercase: true)
        while code.count < 4 { code = "0" + code }
        return TextError(
            "\(quoted(character)) (U+\(code)) in \(quoted(wordText)) is not in the vocabulary",
            hint: "the tokeniser knows only the characters it was trained on; byte_level=true covers every text")
    }

    /// Merges `work.symbols` in place: repeatedly the lowest-ranked adjacent pair, the leftmost
    /// of equals, as HF tokenizers' `Word::merge_all` does.
    func applyMerges(_ work: inout MergeWorkspace) {
        let n = work.symbols.count
        guard n >= 2 else { return }
        work.reset(n)
        for i in 0..<(n - 1) {
            if let rank = ranks[key(work.symbols[i], work.symbols[i + 1])] {
                work.push(UInt64(rank) << 32 | UInt64(i))
            }
        }
        while let top = work.pop() {
            let position = Int(top & 0xFFFF_FFFF)
            let rank = Int(top >> 32)
            guard work.alive[position] else { continue }
            let next = work.next[position]
            guard next < n else { continue }
            let result = Int32(merges[rank].result)
            guard let current = ranks[key(work.symbols[position], work.symbols[next])],
                merges[Int(current)].result == Int(result)
            else { continue }
            work.symbols[position] = result
            work.alive[next] = false
            let after = work.next[next]
            work.next[position] = after
            if after < n { work.previous[after] = position }
            let before = work.previous[position]
            if before >= 0, let r = ranks[key(work.symbols[before], result)] {
                work.push(UInt64(r) << 32 | UInt64(before))
            }
            if after < n, let r = ranks[key(result, work.symbols[after])] {
                work.push(UInt64(r) << 32 | UInt64(position))
            }
        }
        var kept = 0
        for i in 0..<n where work.alive[i] {
            work.symbols[kept] = work.symbols[i]
            kept += 1
        }
        work.symbols.removeLast(n - kept)
    }

    @inline(__always)
    private func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// The text of token ids. Character tokenisers put a space after each end-of-word token
    /// (none after the last); without a marker the words run together, since whitespace is not in
    /// the ids. Byte-level ids give back the exact bytes, and bytes that are not UTF-8 (ids cut
    /// inside a character) become U+FFFD.
    public func decode(_ ids: [Int]) throws(TextError) -> String {
        var bytes: [UInt8] = []
        var trailingSpace = false
        for id in ids {
            guard surfaces.indices.contains(id) else {
                throw TextError(
                    "decode: \(id) is not a token id", hint: "ids run from 0 to \(max(0, tokens.count - 1))")
            }
            bytes.append(contentsOf: surfaces[id])
            trailingSpace = !byteLevel && endsWord[id]
            if trailingSpace { bytes.append(0x20) }
        }
        if trailingSpace { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Scratch space for merging one word, reused from word to word.
struct MergeWorkspace {
    var symbols: [Int32] = []
    var previous: [Int] = []
    var next: [Int] = []
    var alive: [Bool] = []
    private var heap: [UInt64] = []

    mutating func reset(_ n: Int) {
        previous.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        alive.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        for i in 0..<n {
            previous.append(i - 1)
            next.append(i + 1)
            alive.append(true)
        }
    }

    mutating func push(_ value: UInt64) {
        heap.append(value)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i] < heap[parent] else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> UInt64? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        heap[0] = last
        var i = 0
        let n = heap.count
        while true {
            let l = 2 * i + 1
            if l >= n { break }
            var best = l
            if l + 1 < n && heap[l + 1] < heap[l] { best = l + 1 }
            guard heap[best] < heap[i] else { break }
            heap.swapAt(i, best)
            i = best
        }
        return top
    }
}
