import KisoPlot
import Testing

@testable import KisoLang

/// A display that remembers what it was asked to show.
private final class RecordingDisplay: LiveDisplay {
    var updates: [[ProgressStatus]] = []
    var curves: [[(name: String, values: [Double])]] = []
    var finishes = 0

    func update(_ loops: [ProgressStatus], curves: [(name: String, values: [Double])]) {
        updates.append(loops)
        self.curves.append(curves)
    }

    func finish() { finishes += 1 }
}

@Suite struct ProgressTests {
    private func harness() -> (Harness, RecordingDisplay) {
        let h = Harness()
        let display = RecordingDisplay()
        h.session.liveDisplay = display
        return (h, display)
    }

    @Test func aLoopShowsItsBarAndClearsItAtTheEnd() throws {
        let (h, display) = harness()
        #expect(h.run("s = 0; for t in progress(range(5), desc=\"sum\") s = s + t end; s") == "10")
        let first = try #require(display.updates.first?.first)
        #expect(first.title == "sum" && first.total == 5 && first.done == 0)
        #expect(display.finishes == 1)
        // Nothing of the bar reaches the program's output.
        #expect(h.printed == "")
    }

    @Test func totalsComeFromTheSequence() {
        #expect(ProgressLoop.length(of: .list([.int(1), .int(2)])) == 2)
        #expect(ProgressLoop.length(of: .string("abc")) == 3)
        let h = Harness()
        #expect(h.run("progress([[1, 2], [3, 4], [5, 6]])") == "progress(3 steps, 0 done)")
        #expect(h.run("progress(range(10), total=4, desc=\"x\")") == "progress(\"x\", 4 steps, 0 done)")
    }

    @Test func loggedValuesAreKeptAndShownAsCurves() throws {
        let (h, display) = harness()
        h.run("p = progress(range(3)); for t in p p.log(loss=1.0 / (t + 1), acc=t) end")
        #expect(h.run("p.history[\"loss\"]") == "[1.0, 0.5, 0.3333333333333333]")
        #expect(h.run("p.history[\"acc\"]") == "[0.0, 1.0, 2.0]")
        #expect(h.run("p.steps") == "3")
        // The final redraw (when the loop ends) is not needed: the first draw came before any log.
        #expect(display.curves.allSatisfy { $0.isEmpty || $0[0].name == "loss" })
    }

    @Test func theDisplayIsClearedHoweverTheLoopEnds() {
        let (h, display) = harness()
        h.run("p = progress(range(10)); for t in p if t == 3 break end end")
        #expect(h.run("p.steps") == "3")
        #expect(display.finishes == 1)
        let error = h.error("for t in progress(range(10)) if t == 2 x = undefined_name end end")
        #expect(error.contains("undefined_name"))
        #expect(display.finishes == 2)
        h.run("def f() for t in progress(range(10)) return t end end")
        #expect(h.run("f()") == "0")
        #expect(display.finishes == 3)
    }

    @Test func nestedLoopsAreShownOutermostFirst() throws {
        let (h, display) = harness()
        h.run("for e in progress(range(2), desc=\"epoch\") for b in progress(range(3), desc=\"batch\") end end")
        let nested = try #require(display.updates.first { $0.count == 2 })
        #expect(nested.map(\.title) == ["epoch", "batch"])
        // The display is cleared once, when the outer loop ends.
        #expect(display.finishes == 1)
    }

    @Test func withoutADisplayNothingIsShown() {
        let h = Harness()
        #expect(h.run("for t in progress(range(3)) print(t) end") == "")
        #expect(h.printed == "0\n1\n2\n")
    }

    @Test func badUseGetsClearErrors() {
        let h = Harness()
        #expect(h.error("progress(3)").contains("cannot loop over an int"))
        #expect(h.error("p = progress(range(3)); p.log(1)").contains("takes `values` by name"))
        #expect(h.error("p = progress(range(3)); p.log()").contains("give each value a name"))
        #expect(h.error("p = progress(range(3)); p.log(loss=\"high\")").contains("loss"))
        #expect(h.error("p = progress(range(3)); p.log(loss=1, loss=2)").contains("twice"))
        #expect(h.error("progress(range(3), total=-1)").contains("at least 0"))
    }
}
