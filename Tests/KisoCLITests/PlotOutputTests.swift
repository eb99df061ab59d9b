import Testing

/// Plots from the command line: Unicode by default, pure ASCII with `--ascii`, no colour codes
/// when the output is not a terminal.
@Suite struct PlotOutputTests {
    let program = "plot(tanh, -3, 3, title=\"tanh\")"

    @Test func unicodeByDefault() throws {
        let result = try KisoBinary.run(["-e", program])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tanh"))
        #expect(result.stdout.unicodeScalars.contains { $0.value >= 0x2800 && $0.value <= 0x28FF })  // braille
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func asciiFlagGivesOnlyASCII() throws {
        let result = try KisoBinary.run(["--ascii", "-e", program])
        #expect(result.status == 0)
        #expect(result.stdout.contains("tanh"))
        #expect(result.stdout.utf8.allSatisfy { $0 < 0x80 }, Comment(rawValue: result.stdout))
    }
}
