import ArgumentParser
import KisoTensor

/// The `kiso` command line.
@main
struct Kiso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiso",
        abstract: "Kiso (基礎) — a terminal workbench for the mathematics of deep learning.",
        discussion: """
            The tensor engine is in place; the language, the REPL and the chapter notebooks \
            arrive with the next releases.
            """,
        version: KisoVersion.string
    )

    mutating func run() throws {
        print(Kiso.helpMessage())
    }
}
