/// "Did you mean": the closest candidate by edit distance, when it is close enough to be a typo.
func closestName(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased())
    let limit = Swift.max(1, Swift.min(3, target.count / 3 + 1))
    // Ties go to the name closer in case too (`sofmax` → `softmax`, not the layer `Softmax`).
    var best: (String, Int, Int)? = nil
    for candidate in candidates where candidate != name {
        let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
        guard distance <= limit else { continue }
        let cased = editDistance(Array(name), Array(candidate), limit: limit + name.count)
        let better = best.map {
            distance < $0.1 || (distance == $0.1 && (cased < $0.2 || (cased == $0.2 && candidate < $0.0)))
        }
        if better ?? true { best = (candidate, distance, cased) }
    }
    return best?.0
}

/// Levenshtein distance with adjacent transpositions, giving up early past `limit`.
func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if Swift.abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowBest = current[0]
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = Swift.min(value, previous2[j - 2] + 1)
            }
            current[j] = value
            rowBest = Swift.min(rowBest, value)
        }
        if rowBest > limit { return limit + 1 }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
