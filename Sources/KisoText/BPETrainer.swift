/// One merge as training made it: the pair, how often it occurred, the token it made and the
/// vocabulary size afterwards.
public struct BPEMergeStep: Equatable, Sendable {
    /// The left and right tokens that were joined.
    public let left: String
    /// The right token that was joined.
    public let right: String
    /// How often the pair occurred in the corpus when it was chosen.
    public let count: Int
    /// The token the merge made.
    public let token: String
    /// The number of tokens in the vocabulary after the merge.
    public let vocabularySize: Int
}

/// Byte-pair encoding training, the fast way: pair counts and, for each pair, the words it occurs
/// in are kept up to date, so a merge touches only the words that hold its pair, and the next
/// merge comes from a heap ordered by count and then by the tie rule.
///
/// The heap is lazy: an entry's count (and, for the `first` rule, its first position) may be
/// stale, but never below the truth; a popped entry is checked against the current values and
/// pushed back corrected if it is out of date, so the pair chosen is exactly the one the textbook
/// algorithm (recount everything after every merge) would choose.
final class BPETrainer {
    private let options: BPEOptions
    private let alphabet: Alphabet

    // Tokens.
    private(set) var tokens: [String]
    private var tokenIds: [String: Int32] = [:]
    /// How many alphabet units each token spans, to give positions within a word.
    private var tokenWidth: [Int32]
    /// Code points of each token, for the subword-nmt rule's comparisons.
    private var tokenScalars: [[UInt32]] = []

    // Words: symbol ids, flat; word w occupies symbols[wordStart[w] ..< wordStart[w] + wordLength[w]].
    private var symbols: [Int32] = []
    private var wordStart: [Int] = []
    private var wordLength: [Int] = []
    private var wordCount: [Int] = []
    private var wordStamp: [Int32] = []

    // Pairs.
    private var pairIds: [UInt64: Int32] = [:]
    private var pairLeft: [Int32] = []
    private var pairRight: [Int32] = []
    private var pairCount: [Int] = []
    private var pairWords: [[Int32]] = []
    private var pairLastWord: [Int32] = []
    /// The earliest position (word << 32 | offset) the pair may occur at; exact for pairs never
    /// checked since they were first counted, otherwise a lower bound.
    private var pairFirst: [Int64] = []
    private var pairStamp: [Int32] = []

    private var heap: [HeapEntry] = []

    private(set) var merges: [(left: Int32, right: Int32, result: Int32)] = []
    private(set) var trace: [BPEMergeStep] = []

    private struct HeapEntry {
        var count: Int
        var pair: Int32
        var first: Int64
    }

    init(words: WordCounts, options: BPEOptions) throws(TextError) {
        try options.validate()
        self.options = options
        let (alphabet, tokens) = Alphabet.of(words, options: options)
        self.alphabet = alphabet
        self.tokens = tokens
        tokenWidth = [Int32](repeating: 1, count: tokens.count)
        for (i, token) in tokens.enumerated() { tokenIds[token] = Int32(i) }
        if options.ties == .subwordNMT { tokenScalars = tokens.map { $0.unicodeScalars.map(\.value) } }
        try loadWords(words)
    }

    private func loadWords(_ words: WordCounts) throws(TextError) {
        var total = 0
        wordStart.reserveCapacity(words.count)
        symbols.reserveCapacity(words.bytes.count + words.count)
        let alphabet = self.alphabet
        var symbols = self.symbols
        words.bytes.withUnsafeBufferPointer { buffer in
            for w in 0..<words.count {
                wordStart.append(symbols.count)
                _ = alphabet.appendSymbols(buffer, words.offsets[w], words.offsets[w + 1], to: &symbols)
                wordLength.append(symbols.count - wordStart[w])
            }
        }
        self.symbols = symbols
        for w in 0..<words.count {
            let (product, overflow1) = words.counts[w].multipliedReportingOverflow(by: max(1, wordLength[w]))
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2, w < Int(Int32.max) else { throw TextError.tooLarge }
            total = sum
        }
        wordCount = words.counts
        wordStamp = [Int32](repeating: -1, count: words.count)
        for w in 0..<words.count {
            let start = wordStart[w]
            var offset: Int64 = 0
            for k in 0..<max(0, wordLength[w] - 1) {
                let p = pairId(symbols[start + k], symbols[start + k + 1])
                pairCount[p] += wordCount[w]
                if pairLastWord[p] != Int32(w) {
                    pairLastWord[p] = Int32(w)
                    pairWords[p].append(Int32(w))
                }
                if pairFirst[p] == Int64.max { pairFirst[p] = Int64(w) << 32 | offset }
                offset += Int64(tokenWidth[Int(symbols[start + k])])
            }
        }
        heap.reserveCapacity(pairCount.count)
        for p in pairCount.indices where pairCount[p] > 0 {
            push(HeapEntry(count: pairCount[p], pair: Int32(p), first: pairFirst[p]))
        }
    }

    @inline(__always)
    private func pairId(_ a: Int32, _ b: Int32) -> Int {
        let key = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        if let p = pairIds[key] { return Int(p) }
        let p = pairLeft.count
        pairIds[key] = Int32(p)
        pairLeft.append(a)
        pairRight.append(b)
        pairCount.append(0)
        pairWords.append([])
        pairLastWord.append(-1)
        pairFirst.append(Int64.max)
        pairStamp.append(-1)
        return p
    }

    /// Learns merges until the stop condition, or until no pair occurs `minFrequency` times.
    func run() {
        let least = max(1, options.minFrequency)
        while !stopReached, let top = pop() {
            let p = Int(top.pair)
            let count = pairCount[p]
            if count != top.count {
                if count > 0 { push(HeapEntry(count: count, pair: top.pair, first: pairFirst[p])) }
                continue
            }
            if options.ties == .first {
                let first = firstOccurrence(p)
                if first != top.first {
                    pairFirst[p] = first
                    push(HeapEntry(count: count, pair: top.pair, first: first))
                    continue
                }
            }
            if count < least { break }
            merge(p, count: count)
        }
    }

    private var stopReached: Bool {
        switch options.stop {
        case .merges(let n): return merges.count >= n
        case .vocabularySize(let n): return tokens.count >= n
        }
    }

    /// Where the pair occurs first now: the lowest word, then the leftmost position in it.
    private func firstOccurrence(_ p: Int) -> Int64 {
        let (a, b) = (pairLeft[p], pairRight[p])
        var best = Int64.max
        for w32 in pairWords[p] {
            let w = Int(w32)
            if Int64(w) << 32 >= best { continue }
            let start = wordStart[w]
            var offset: Int64 = 0
            for k in 0..<max(0, wordLength[w] - 1) {
                if symbols[start + k] == a && symbols[start + k + 1] == b {
                    best = Int64(w) << 32 | offset
                    break
                }
                offset += Int64(tokenWidth[Int(symbols[start + k])])
            }
        }
        return best
    }

    private func merge(_ p: Int, count: Int) {
        let (a, b) = (pairLeft[p], pairRight[p])
        let text = tokens[Int(a)] + tokens[Int(b)]
        let n: Int32
        if let existing = tokenIds[text] {
            n = existing
        } else {
            n = Int32(tokens.count)
            tokens.append(text)
            tokenIds[text] = n
            tokenWidth.append(tokenWidth[Int(a)] + tokenWidth[Int(b)])
            if options.ties == .subwordNMT { tokenScalars.append(tokenScalars[Int(a)] + tokenScalars[Int(b)]) }
        }
        let stamp = Int32(truncatingIfNeeded: merges.count)
        merges.append((a, b, n))
        trace.append(
            BPEMergeStep(
                left: tokens[Int(a)], right: tokens[Int(b)], count: count, token: text, vocabularySize: tokens.count))

        var touched: [Int32] = []
        let widthA = Int64(tokenWidth[Int(a)])
        let widthB = Int64(tokenWidth[Int(b)])
        let words = pairWords[p]
        pairWords[p] = []
        for w32 in words {
            let w = Int(w32)
            if wordStamp[w] == stamp { continue }
            wordStamp[w] = stamp
            let c = wordCount[w]
            let start = wordStart[w]
            let length = wordLength[w]
            var r = 0
            var written = 0
            var offset: Int64 = 0
            var previousOffset: Int64 = 0
            while r < length {
                let s = symbols[start + r]
                if s == a && r + 1 < length && symbols[start + r + 1] == b {
                    if written > 0 {
                        let previous = symbols[start + written - 1]
                        change(previous, a, -c, word: w, at: 0, stamp: stamp, touched: &touched)
                        change(previous, n, c, word: w, at: previousOffset, stamp: stamp, touched: &touched)
                    }
                    if r + 2 < length {
                        let next = symbols[start + r + 2]
                        change(b, next, -c, word: w, at: 0, stamp: stamp, touched: &touched)
                        change(n, next, c, word: w, at: offset, stamp: stamp, touched: &touched)
                    }
                    symbols[start + written] = n
                    previousOffset = offset
                    offset += widthA + widthB
                    r += 2
                } else {
                    symbols[start + written] = s
                    previousOffset = offset
                    offset += Int64(tokenWidth[Int(s)])
                    r += 1
                }
                written += 1
            }
            wordLength[w] = written
        }
        pairCount[p] = 0
        for q in touched where pairCount[Int(q)] > 0 {
            push(HeapEntry(count: pairCount[Int(q)], pair: q, first: pairFirst[Int(q)]))
        }
    }

    @inline(__always)
    private func change(
        _ x: Int32, _ y: Int32, _ delta: Int, word w: Int, at offset: Int64, stamp: Int32, touched: inout [Int32]
    ) {
        let q = pairId(x, y)
        pairCount[q] += delta
        guard delta > 0 else { return }
        if pairLastWord[q] != Int32(w) {
            pairLastWord[q] = Int32(w)
            pairWords[q].append(Int32(w))
        }
        let position = Int64(w) << 32 | offset
        if position < pairFirst[q] { pairFirst[q] = position }
        if pairStamp[q] != stamp {
            pairStamp[q] = stamp
            touched.append(Int32(q))
        }
    }

    // MARK: The heap, ordered by count and then by the tie rule.

    /// Whether entry `x` is to be merged before entry `y`.
    @inline(__always)
    private func before(_ x: HeapEntry, _ y: HeapEntry) -> Bool {
        if x.count != y.count { return x.count > y.count }
        switch options.ties {
        case .first:
            return x.first < y.first
        case .hf:
            let (px, py) = (Int(x.pair), Int(y.pair))
            if pairLeft[px] != pairLeft[py] { return pairLeft[px] < pairLeft[py] }
            return pairRight[px] < pairRight[py]
        case .subwordNMT:
            let (px, py) = (Int(x.pair), Int(y.pair))
            let (lx, ly) = (pairLeft[px], pairLeft[py])
            if lx != ly { return tokenScalars[Int(ly)].lexicographicallyPrecedes(tokenScalars[Int(lx)]) }
            return tokenScalars[Int(pairRight[py])].lexicographicallyPrecedes(tokenScalars[Int(pairRight[px])])
        }
    }

    private func push(_ entry: HeapEntry) {
        heap.append(entry)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard before(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private func pop() -> HeapEntry? {
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
            if l + 1 < n && before(heap[l + 1], heap[l]) { best = l + 1 }
            guard before(heap[best], heap[i]) else { break }
            heap.swapAt(i, best)
            i = best
        }
        return top
    }
}
