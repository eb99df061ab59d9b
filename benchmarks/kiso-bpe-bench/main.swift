// Times Kiso's byte-pair encoder for scripts/bench_bpe.py: trains on a text file and encodes it,
// printing one JSON line per round. Usage: kiso-bpe-bench CORPUS VOCAB_SIZE ROUNDS [MERGES_OUT]
import KisoText

#if canImport(Glibc)
    import Glibc
#endif

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let vocabSize = Int(arguments[2]), let rounds = Int(arguments[3]) else {
    print("usage: kiso-bpe-bench CORPUS VOCAB_SIZE ROUNDS [MERGES_OUT]")
    exit(2)
}
do {
    let text = try TextFile.text(atPath: arguments[1])
    let options = BPEOptions(stop: .vocabularySize(vocabSize), minFrequency: 2, endOfWord: nil, byteLevel: true, ties: .hf)
    var tokenizer: BPETokenizer?
    for _ in 0..<rounds {
        let (w0, c0) = (now(), cpuNow())
        let trained = try BPETokenizer.train(text: text, options: options)
        let (w1, c1) = (now(), cpuNow())
        let ids = try trained.encode(text)
        let (w2, c2) = (now(), cpuNow())
        print(
            "{\"train_wall\": \(w1 - w0), \"train_cpu\": \(c1 - c0), \"encode_wall\": \(w2 - w1), \"encode_cpu\": \(c2 - c1), \"tokens\": \(ids.count)}"
        )
        tokenizer = trained
    }
    if arguments.count >= 5, let tokenizer {
        try tokenizer.save(toPath: arguments[4])
    }
} catch {
    print("error: \(error)")
    exit(1)
}
