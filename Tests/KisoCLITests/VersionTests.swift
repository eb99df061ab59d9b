import Testing

@testable import KisoTensor

/// The executable's basic contract: `--version` and `--help` answer and exit 0.
@Suite struct VersionTests {
    @Test func version() throws {
        let result = try KisoBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == KisoVersion.string + "\n")
    }

    @Test func help() throws {
        let result = try KisoBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: kiso"))
    }
}
