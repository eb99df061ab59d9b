/// A REPL line that is not Kiso code: `:help`, `?name`, `:vars`, ….
enum MetaCommand: Equatable {
    /// `:help` (nil) or `:help NAME` / `?NAME`.
    case help(String?)
    /// `??NAME`: the source of a function defined in the session.
    case source(String)
    /// `:vars`.
    case vars
    /// `:reset`.
    case reset
    /// `:load FILE`.
    case load(String)
    /// `:save FILE`.
    case save(String)
    /// `:time EXPR`.
    case time(String)
    /// `:shapes EXPR`.
    case shapes(String)
    /// `:chapters`.
    case chapters
    /// `:quit`.
    case quit
    /// A command that needs an argument and was given none, or an unknown command.
    case invalid(String)

    /// Every command, with its argument and what it does, in the order `:help` lists them.
    static let catalog: [(name: String, argument: String, summary: String)] = [
        ("help", "[NAME]", "this overview, or help for one function or keyword (also ?NAME)"),
        ("vars", "", "the variables: name, kind and shape"),
        ("shapes", "EXPR", "every subexpression of EXPR with its shape, innermost first"),
        ("time", "EXPR", "run EXPR, print its value, then time it over repeated runs (like %timeit)"),
        ("load", "FILE", "run a .kiso script or every cell of a notebook .md in this session"),
        ("save", "FILE", "write this session's inputs and outputs as a notebook"),
        ("reset", "", "forget every variable"),
        ("chapters", "", "the chapter notebooks (walk through one with kiso step 01)"),
        ("quit", "", "leave (or Ctrl-D)"),
    ]

    /// Whether an entry is a meta command rather than code (it then never continues on another
    /// line).
    static func isMeta(_ entry: String) -> Bool {
        let text = entry.trimmed()
        return text.hasPrefix(":") || text.hasPrefix("?")
    }

    /// The command an entry names, or nil when it is Kiso code.
    static func parse(_ entry: String) -> MetaCommand? {
        let text = entry.trimmed()
        if text.hasPrefix("??") {
            let name = String(text.dropFirst(2)).trimmed()
            return name.isEmpty
                ? .invalid("`??` needs a name: ??NAME shows the source of your function NAME") : .source(name)
        }
        if text.hasPrefix("?") {
            let name = String(text.dropFirst()).trimmed()
            return .help(name.isEmpty ? nil : name)
        }
        guard text.hasPrefix(":") else { return nil }
        let body = text.dropFirst()
        let name = String(body.prefix(while: { $0 != " " && $0 != "\t" }))
        let argument = String(body.dropFirst(name.count)).trimmed()
        func needing(_ make: (String) -> MetaCommand) -> MetaCommand {
            argument.isEmpty ? .invalid("`:\(name)` needs an argument: :\(name) \(usage(of: name))") : make(argument)
        }
        switch name {
        case "help", "h": return .help(argument.isEmpty ? nil : argument)
        case "vars": return .vars
        case "reset": return .reset
        case "load": return needing(MetaCommand.load)
        case "save": return needing(MetaCommand.save)
        case "time": return needing(MetaCommand.time)
        case "shapes": return needing(MetaCommand.shapes)
        case "chapters": return .chapters
        case "quit", "q", "exit": return .quit
        default:
            let known = catalog.map { ":" + $0.name }.joined(separator: " ")
            return .invalid("unknown command `:\(name)`; the commands are \(known)")
        }
    }

    private static func usage(of name: String) -> String {
        catalog.first { $0.name == name }?.argument ?? ""
    }
}
