import KisoPlot
import KisoTensor

/// A loop's sequence wrapped so that the loop shows its progress on the terminal while it runs:
/// `for t in progress(range(1000), desc="VI") … p.log(elbo=e) … end`. On a terminal a bar (steps,
/// time per step, the latest logged values) and a curve of the logged values are redrawn in
/// place and removed when the loop ends; in a recorded notebook nothing is shown. What `log`
/// received stays in `history` for plotting afterwards.
final class ProgressLoop: KisoObject {
    /// The sequence the loop walks.
    let sequence: Value
    /// What the loop does, shown before the bar.
    let title: String
    /// Steps in all, when known from the sequence or given.
    let total: Int?
    /// Turns finished in the current (or last) run of the loop.
    private(set) var steps = 0
    /// Every value `log` received, by name, in the order names were first logged.
    private(set) var history = KisoDict()
    private var latest: [(name: String, value: Double)] = []
    private var series: [[Double]] = []
    private var started = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now

    init(sequence: Value, title: String, total: Int?) {
        self.sequence = sequence
        self.title = title
        self.total = total
    }

    /// Runs `loop` over the sequence with the display told of every turn; the display is
    /// cleared however the loop ends (break, return, error, Ctrl-C).
    func run(on interpreter: Interpreter, _ loop: (Value, () -> Void) throws -> Flow) throws -> Flow {
        steps = 0
        started = .now
        lastDrawn = started
        interpreter.activeProgress.append(self)
        defer {
            interpreter.activeProgress.removeAll { $0 === self }
            if interpreter.activeProgress.isEmpty {
                interpreter.liveDisplay?.finish()
            } else {
                draw(interpreter)
            }
        }
        let display = interpreter.liveDisplay
        draw(interpreter)
        return try loop(sequence) { [unowned self] in
            steps += 1
            guard display != nil else { return }
            let now = ContinuousClock.now
            if now - lastDrawn >= .milliseconds(100) {
                lastDrawn = now
                draw(interpreter)
            }
        }
    }

    /// Where the loop stands now.
    var status: ProgressStatus {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return ProgressStatus(title: title, done: steps, total: total, elapsed: seconds, metrics: latest)
    }

    private func draw(_ interpreter: Interpreter) {
        guard let display = interpreter.liveDisplay else { return }
        let loops = interpreter.activeProgress
        let reporting = loops.last { !$0.latest.isEmpty }
        let curves =
            reporting.map { r in r.latest.indices.map { (name: r.latest[$0].name, values: r.series[$0]) } } ?? []
        display.update(loops.map(\.status), curves: curves)
    }

    /// Records one value per name: the bar shows the latest, `history` keeps them all.
    func log(_ values: KisoDict) throws {
        for (key, value) in zip(values.keys, values.values) {
            guard case .string(let name) = key else { continue }
            let x = try Convert.number(value, name)
            if let i = latest.firstIndex(where: { $0.name == name }) {
                latest[i].value = x
                series[i].append(x)
            } else {
                latest.append((name, x))
                series.append([x])
            }
            var list: [Value] = []
            if case .list(let items)? = history[key] { list = items }
            list.append(.number(x))
            history.set(key, .list(list))
        }
    }

    /// The number of turns `sequence` will take, when that is known without walking it.
    static func length(of sequence: Value) -> Int? {
        switch sequence {
        case .range(let r): return r.count
        case .list(let items), .tuple(let items): return items.count
        case .dict(let d): return d.count
        case .string(let s): return s.count
        default: return sequence.tensorRowCount
        }
    }

    static let objectType = ObjectType(
        "progress", of: ProgressLoop.self, receiver: "p",
        doc:
            "A loop sequence that shows a live bar (and a curve of what `log` received) on the terminal while the loop runs; nothing in recorded notebooks.",
        example: "p = progress(range(3), desc=\"fit\"); for t in p p.log(loss=1.0 / (t + 1)) end; p.history"
    ) { t in
        t.text { p in
            let count = p.total.map { "\($0) steps" } ?? "steps unknown"
            return "progress(\(p.title.isEmpty ? "" : "\"\(p.title)\", ")\(count), \(p.steps) done)"
        }
        t.attribute(
            "history", doc: "Every value `log` received, by name: a dict of lists.",
            example: "p = progress(range(2)); for t in p p.log(loss=t) end; p.history[\"loss\"]"
        ) { p in .dict(p.history) }
        t.attribute(
            "steps", doc: "The turns the loop finished (in its last run).",
            example: "p = progress(range(4)); for t in p if t == 2 break end end; p.steps"
        ) { p in .int(p.steps) }
        t.method(
            "log", [keywords("values")],
            doc:
                "Records numbers by name (`p.log(loss=l, acc=a)`): shown beside the bar, drawn as a live curve, kept in `history`.",
            example: "p = progress(range(2)); for t in p p.log(loss=2.0 * t) end; p.history"
        ) { p, a in
            guard case .dict(let values) = try a["values"], values.count > 0 else {
                throw KisoError(
                    .argument, "log: give each value a name", hint: "for example p.log(loss=l, accuracy=acc)")
            }
            try p.log(values)
            return .none
        }
    }
}

extension Registry {
    func registerProgress() {
        section("Progress")
        register(ProgressLoop.self)
        add(
            "progress",
            [param("seq", .collection), param("desc", .string, .string("")), param("total", .int, .none)],
            doc:
                "Wraps a loop's sequence so the loop shows a live progress bar on the terminal (none in recorded notebooks): `for t in progress(range(1000), desc=\"train\")`.",
            example: "for t in progress(range(3), desc=\"demo\") end"
        ) { a in
            let sequence = try a["seq"]
            switch sequence {
            case .number, .int, .bool:
                throw KisoError(
                    .type, "progress: cannot loop over \(sequence.kindName)",
                    hint: "wrap the loop's sequence, for example progress(range(100))")
            case .tensor(let t) where t.rank == 0:
                throw KisoError(.type, "progress: cannot loop over a 0-d tensor", hint: "it holds a single value")
            default: break
            }
            let total = try a.optionalInt("total") ?? ProgressLoop.length(of: sequence)
            if let total, total < 0 {
                throw KisoError(.value, "progress: total must be at least 0, got \(total)")
            }
            return .object(ProgressLoop(sequence: sequence, title: try a.string("desc"), total: total))
        }
    }
}
