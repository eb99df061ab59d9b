import Foundation

// kiso-fuzz: see Options.usage and docs/reliability.md.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let options = Options.parse(arguments) else {
    FileHandle.standardError.write(Data((Options.usage + "\n").utf8))
    exit(2)
}
if arguments.first == "worker" {
    Worker.run(options)
}
if arguments.first == "show" {
    // The programs a campaign would run, separated by blank lines, without running them.
    let generator = ProgramGenerator()
    let mutator = CellMutator(root: options.root, generator: generator)
    for index in options.start..<(options.start + options.programs) {
        print("# program \(index)\n" + Campaign.program(index, seed: options.seed, generator: generator, mutator: mutator) + "\n")
    }
    exit(0)
}
let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
let kiso = (executable as NSString).deletingLastPathComponent + "/kiso"
guard FileManager.default.isExecutableFile(atPath: kiso) else {
    FileHandle.standardError.write(Data("kiso-fuzz: no kiso executable beside \(executable); build it first\n".utf8))
    exit(2)
}
exit(Driver(options: options, executable: executable, kiso: kiso).run())
