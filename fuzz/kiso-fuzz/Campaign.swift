import Foundation

/// What a campaign runs and under which limits.
struct Options {
    var programs = 1000
    var seed: UInt64 = 1
    var start = 0
    var count = 0
    /// Seconds after which a program is interrupted.
    var timeout = 2.0
    /// Seconds after which a program that ignored the interrupt counts as a hang.
    var hangAfter = 20.0
    /// Kiso's allocation limit in the worker, in MiB: small, so that even an unoptimised build
    /// fills any tensor it allows well within the hang threshold.
    var memoryMiB = 128
    /// The worker's address-space limit, in GiB: the backstop behind Kiso's own limit.
    var addressSpaceGiB = 4
    /// Stop starting programs after this many seconds (0: no limit).
    var timeBudget = 0.0
    /// Where minimised failures are written, one `.kiso` file each.
    var saveDirectory: String? = nil
    /// The repository, whose notebooks and lessons are mutated.
    var root = FileManager.default.currentDirectoryPath

    static let usage = """
        usage: kiso-fuzz [show] [--programs N] [--seed S] [--timeout SECONDS] [--hang SECONDS]
                         [--memory MIB] [--time-budget SECONDS] [--save DIR] [--root DIR]
        Generates Kiso programs (and mutates the course's notebook and lesson cells), runs them
        under a timeout and memory limit, and reports every crash or hang, minimised.
        Exit status: 0 when nothing failed, 1 when something did, 2 for a usage error.
        """

    /// Parses `arguments` (without the program name); nil after printing the usage.
    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var rest = arguments[...]
        func value() -> String? { rest.isEmpty ? nil : rest.removeFirst() }
        while let flag = rest.popFirst() {
            switch flag {
            case "worker", "show": continue
            case "--programs": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.programs = v
            case "--seed": guard let v = value().flatMap({ UInt64($0) }) else { return nil }; options.seed = v
            case "--start": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.start = v
            case "--count": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.count = v
            case "--timeout": guard let v = value().flatMap(Double.init), v > 0 else { return nil }; options.timeout = v
            case "--hang": guard let v = value().flatMap(Double.init), v > 0 else { return nil }; options.hangAfter = v
            case "--memory": guard let v = value().flatMap(Int.init), v > 0 else { return nil }; options.memoryMiB = v
            case "--time-budget": guard let v = value().flatMap(Double.init), v >= 0 else { return nil }; options.timeBudget = v
            case "--save": guard let v = value() else { return nil }; options.saveDirectory = v
            case "--root": guard let v = value() else { return nil }; options.root = v
            default: return nil
            }
        }
        return options
    }
}

/// Which program a campaign runs at each index: three generated from the grammar for each one
/// mutated from a notebook or lesson cell.
enum Campaign {
    static func program(_ index: Int, seed: UInt64, generator: ProgramGenerator, mutator: CellMutator) -> String {
        if index % 4 == 3, let mutated = mutator.program(seed: seed, index: UInt64(index)) { return mutated }
        return generator.program(seed: seed, index: UInt64(index))
    }
}
