import Testing

@testable import KisoLang

/// Loops of arithmetic on numbers run on typed registers (`ScalarLoop`); every other loop runs
/// the general compiled loop. Each program here runs twice — as written, and with a `none`
/// statement added to each loop body, which keeps the loop off the register path — and both
/// runs must agree on every echo, printed line, error (message and place) and final value.
@Suite struct ScalarLoopTests {
    /// Programs whose loops run on registers as written; each line is run in order.
    static let programs: [[String]] = [
        ["s = 0.0", "for i in range(1000) s = s + i * 0.5 end", "s", "i"],
        ["s = 0.0", "for i in range(10) s = s + 1.0 end", "(s, i)"],
        ["k = 0; t = 0", "while k < 100 k += 1; t = t + k * k end", "(k, t)"],
        [
            "a = 1; b = 2.5; c = true",
            "for i in range(50) if i % 3 == 0 and c b = b / 2 + a elif i > 40 break else a = a * 2 - i // 3 end end",
            "(a, b, c, i)",
        ],
        [
            "x = -7.25; y = 3; z = 0.0",
            "for i in range(-3, 9, 2) z = z + x % (i + 0.5) + x // 1.5 + (-x) ** 0.5 - y / 2 + (i <= y) end",
            "z",
        ],
        [
            "n = 0; m = 5",
            "for i in range(20) if i == m continue end; if not (i < 12 or i == 15) break end; n -= i end", "(n, i)",
        ],
        ["x = 9223372036854775800", "for i in range(20) x = x + 1 end", "(x, i)"],
        ["q = 10", "for i in range(5) q = q // (3 - i) end", "(q, i)"],
        ["w = 1", "for j in range(3) w = -w * 4 end", "(w, j)"],
        ["v = -9223372036854775807 - 1", "for j in range(2) v = -v end", "v"],
        ["s = 1.0", "for j in range(0) s = s + 1.0 end", "s", "j"],
        ["flag = false; count = 0", "for i in range(7) flag = not flag; count += flag end", "(flag, count)"],
        ["s = 0", "for i in range(10) s = s + 0.5 end", "s"],
        ["a = 1; b = 2.0", "for i in range(4) a = a and b end", "a"],
        ["p = 2", "for i in range(4) p = p ** 2 end", "p"],
        ["e = e", "for k in range(3) e = e * 2.0 end", "e"],
        ["for max in range(3) total = 0 end"],
        ["total = 0", "for max in range(3) total += max end", "(total, max)"],
        ["def f(n) s = 0.0; k = 0; while k < n s += k / 3; k += 1 end; (s, k) end", "f(10)", "f(0)"],
        ["def g(n) s = 0; for i in range(n) s += i * i end; s end", "g(100)"],
        ["r = 0.0", "for i in range(6) r += i; r *= 1.5; r -= 2; r /= 3; r //= 0.25; r %= 7 end", "r"],
        ["t = 3", "for i in range(3) t = t / 0 end", "t"],
        ["u = 0.0", "for i in range(3) u = u + undefined_name end", "(u, i)"],
    ]

    /// The program with a `none` statement at the start of every loop body. Every loop here is
    /// written on one line, its body starting after one of `loopHeads`.
    static func general(_ line: String) -> String {
        var text = line
        for head in loopHeads { text = text.replacing(head, with: head + "none; ") }
        return text
    }

    static let loopHeads = [
        "range(1000) ", "range(10) ", "while k < 100 ", "range(50) ", "range(-3, 9, 2) ", "range(20) ", "range(5) ",
        "range(3) ", "range(2) ", "range(0) ", "range(7) ", "range(4) ", "while k < n ", "range(n) ", "range(6) ",
    ]

    /// What each line echoes, or its error's kind, message, hint and the source text it points
    /// at; then everything printed.
    static func transcript(_ lines: [String], general: Bool) -> [String] {
        let h = Harness()
        var out: [String] = []
        for line in lines {
            let source = general ? Self.general(line) : line
            #expect(!general || source != line || !line.contains(" end"), "no loop head matched in \(line)")
            let result = h.session.run(source)
            if let error = result.error {
                let scalars = Array(source.unicodeScalars)
                let at = error.span.map { span in
                    String(String.UnicodeScalarView(scalars[max(0, span.start)..<min(scalars.count, span.end)]))
                }
                out.append("ERROR \(error.kind) \(error.message) \(error.hint ?? "") at \(at ?? "nowhere")")
            } else {
                out.append(result.echo ?? "")
            }
        }
        out.append(h.printed)
        return out
    }

    @Test(arguments: programs.indices)
    func registersAgreeWithTheGeneralLoop(_ k: Int) {
        let fast = Self.transcript(Self.programs[k], general: false)
        let slow = Self.transcript(Self.programs[k], general: true)
        #expect(fast == slow, "\(Self.programs[k])")
    }

    @Test func theRegisterPathIsTakenOnlyForArithmeticBodies() {
        func loop(_ body: String) -> ScalarLoop? {
            var parser = Parser(source: "for i in range(3) \(body) end")
            let program = parser.parseProgram()
            guard let statement = program.first, case .forLoop(let targets, _, let statements) = statement.kind,
                case .name(let ref) = targets.first?.kind
            else { return nil }
            var names: [String: Int] = [:]
            var resolver = Resolver(intern: { name in
                if let id = names[name] { return id }
                names[name] = names.count
                return names.count - 1
            })
            resolver.resolve(program)
            return ScalarLoop(variable: ref, body: statements, span: statement.span)
        }
        #expect(loop("s = s + i * 0.5") != nil)
        #expect(loop("if i > 1 break end; s += 1") != nil)
        #expect(loop("print(i)") == nil)
        #expect(loop("s = x[i]") == nil)
        #expect(loop("s = s @ s") == nil)
        #expect(loop("s = \"a\"") == nil)
        #expect(loop("for j in range(2) s = 1 end") == nil)
    }

    @Test func specificValues() {
        #expect(eval("s = 0.0\nfor i in range(1000) s = s + i * 0.5 end\ns") == "249750.0")
        #expect(eval("k = 0; t = 0\nwhile k < 100 k += 1; t = t + k * k end\n(k, t)") == "(100, 338350)")
        let h = Harness()
        h.run("x = 9223372036854775800")
        #expect(h.error("for i in range(20) x = x + 1 end").contains("integer overflow: 9223372036854775807 + 1"))
        #expect(h.run("(x, i)") == "(9223372036854775807, 7)")
        #expect(eval("for j in range(0) s = 1.0 end\nj").contains("ERROR"))
    }
}
