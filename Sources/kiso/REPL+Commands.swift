import KisoBase
import KisoLang
import KisoNotebook
import KisoTensor
import KisoTerminal

/// The meta commands.
extension REPL {
    /// Carries out one meta command (`:quit` is handled by the loop).
    func perform(_ command: MetaCommand) {
        switch command {
        case .help(nil): showOverview()
        case .help(let name?): showHelp(name)
        case .source(let name): showSource(name)
        case .vars: showVariables()
        case .reset:
            session.reset()
            StandardStreams.writeLine(style.dim("every variable forgotten"))
        case .load(let path): load(path)
        case .save(let path): save(path)
        case .time(let expression): time(expression)
        case .shapes(let expression): showShapes(expression)
        case .chapters: showChapters()
        case .quit: break
        case .invalid(let message): showError(style.red(message))
        }
    }

    private func showOverview() {
        let width = min(Terminal.width, 100)
        var lines = [
            style.bold("Kiso") + " — type an expression and press Enter; its value is shown. "
                + "End a line with ; to hide it.",
            "  " + style.cyan("x = [1, 2, 3]") + "                  assigns a variable",
            "  " + style.cyan("f(x) = x^2") + ", " + style.cyan("def f(x) … end") + "  define functions",
            "  " + style.cyan("A @ B") + ", " + style.cyan("A.T") + ", " + style.cyan("x[1:, 0]")
                + "          multiply, transpose, slice",
            "",
            style.bold("Commands"),
        ]
        var rows = MetaCommand.catalog.map { command in
            ["  :" + command.name + (command.argument.isEmpty ? "" : " " + command.argument), command.summary]
        }
        rows.append(["  ?NAME", "help for one function, keyword or variable"])
        rows.append(["  ??NAME", "the source of a function you defined"])
        lines += TextTable.lines(rows)
        lines += [
            "",
            style.bold("Keys"),
            "  Tab completes · Up/Down recall history · Ctrl-R searches it",
            "  Ctrl-C stops a computation or clears the line · Ctrl-D quits",
            "",
            style.bold("Functions") + " (" + style.cyan("?NAME") + " for one)",
        ]
        var categories: [String] = []
        var names: [String: [String]] = [:]
        for info in Session.builtinCatalog() {
            if names[info.category] == nil { categories.append(info.category) }
            names[info.category, default: []].append(info.name)
        }
        for category in categories {
            lines.append("  " + style.bold(category))
            lines += TextTable.wrapped(names[category] ?? [], width: width, indent: "    ")
        }
        for line in lines { StandardStreams.writeLine(line) }
    }

    private func showHelp(_ name: String) {
        if let text = session.help(name) {
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            StandardStreams.writeLine(style.bold(String(parts[0])))
            if parts.count > 1 { StandardStreams.writeLine(String(parts[1])) }
            return
        }
        let near = session.completions(prefix: String(name.prefix(2))).prefix(8)
        var message = "no help for `\(name)`: it is not a function, keyword or variable"
        if !near.isEmpty { message += "\nhint: names that start alike: " + near.joined(separator: ", ") }
        showError(message)
    }

    /// `??name`: the definition as it was typed, as IPython's `name??` shows a function's source.
    private func showSource(_ name: String) {
        if let text = session.functionSource(name) {
            StandardStreams.writeLine(text)
        } else if session.help(name) != nil {
            showError("`\(name)` is not a function defined in this session; ?\(name) describes it")
        } else {
            showError("no function `\(name)` in this session")
        }
    }

    private func showVariables() {
        let variables = session.variables
        guard !variables.isEmpty else {
            StandardStreams.writeLine(style.dim("no variables yet — assign one, e.g. x = [1, 2, 3]"))
            return
        }
        let rows = [["name", "kind", "shape"]] + variables.map { [$0.name, $0.kind, $0.shape] }
        for line in TextTable.lines(rows, header: { self.style.bold($0) }) { StandardStreams.writeLine(line) }
    }

    private func showShapes(_ expression: String) {
        let found: [(String, [Int])]
        do {
            found = try session.shapes(of: expression)
        } catch let error as KisoError {
            showError(presenter.text(for: error, source: expression))
            return
        } catch {
            showError("\(error)")
            return
        }
        guard !found.isEmpty else {
            StandardStreams.writeLine(style.dim("no tensor or number in `\(expression)`"))
            return
        }
        let rows = found.map { text, shape in [flattened(text), formatShape(shape)] }
        for line in TextTable.lines(rows) { StandardStreams.writeLine(line) }
    }

    /// A subexpression on one line, however it was typed.
    private func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String($0).trimmed() }.joined(separator: " ")
    }

    /// Runs `expression` once, showing its value, then times it over repeated loops like
    /// IPython's `%timeit`; Ctrl-C or an error stops the repeats and reports what was measured.
    private func time(_ expression: String) {
        let start = Clock.now()
        guard evaluate(expression) else { return }
        let first = Clock.now() - start
        let (loops, repeats) = TimeitPlan().shape(firstRun: first)
        var perLoop: [Double] = []
        session.echoEachExpression = false
        defer { session.echoEachExpression = true }
        repeating: for _ in 0..<repeats {
            let loopStart = Clock.now()
            for _ in 0..<loops {
                let result = session.run(expression)
                if !result.errors.isEmpty {
                    if result.error?.kind == .interrupted { StandardStreams.writeLine() }
                    break repeating
                }
            }
            perLoop.append((Clock.now() - loopStart) / Double(loops))
        }
        guard !perLoop.isEmpty else {
            StandardStreams.writeLine(style.dim("time: " + Clock.format(seconds: first) + " (one run)"))
            return
        }
        StandardStreams.writeLine(style.dim("time: " + TimeitPlan.report(perLoopTimes: perLoop, loops: loops)))
    }

    private func showChapters() {
        guard home.directory != nil else {
            showError(home.notFoundMessage)
            return
        }
        for line in ChapterListing.lines(home.catalog) { StandardStreams.writeLine(line) }
        StandardStreams.writeLine(style.dim("walk through one with kiso step 01 (from the shell)"))
    }

    private func load(_ path: String) {
        guard FileSystem.exists(path), !FileSystem.isDirectory(path) else {
            showError("no such file: \(path)")
            return
        }
        // A loaded file runs like a script or a notebook cell: only the last expression echoes.
        session.echoEachExpression = false
        defer { session.echoEachExpression = true }
        if path.hasSuffix(".md") {
            loadNotebook(path)
            return
        }
        let source: String
        do { source = try FileSystem.readText(atPath: path) } catch {
            showError("cannot read \(error.description)")
            return
        }
        if evaluate(source, origin: path) {
            StandardStreams.writeLine(style.dim("loaded \(path)"))
        }
    }

    private func loadNotebook(_ path: String) {
        let notebook: Notebook
        do { notebook = try Notebook(contentsOfFile: path) } catch {
            showError(error.description)
            return
        }
        for cell in notebook.cells {
            capture.text = ""
            let result = session.run(cell.source, origin: FileSystem.baseName(of: path), line: cell.sourceLine)
            if !cell.flags.contains(.setup), let echo = result.echo {
                StandardStreams.writeLine(echo)
                capture.text += echo + "\n"
            }
            if !result.errors.isEmpty {
                showError(presenter.text(for: result.errors, source: cell.source))
                if cell.flags.contains(.error) { continue }
                showError("stopped at cell \(cell.number) (line \(cell.line)) of \(path)")
                return
            }
            if !cell.flags.contains(.error) { transcript.append(cell.source) }
        }
        StandardStreams.writeLine(style.dim("loaded \(notebook.cells.count) cells from \(path)"))
    }

    /// `:save [--force] FILE`. A file that exists and is not a Kiso notebook is replaced only
    /// with `--force`; the message names the absolute path written.
    private func save(_ argument: String) {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let force = words.contains("--force")
        words.removeAll { $0 == "--force" }
        let path = words.joined(separator: " ")
        guard !path.isEmpty else {
            showError("`:save` needs a file name: :save FILE.md (add --force to replace a file that is not a notebook)")
            return
        }
        guard !transcript.entries.isEmpty else {
            showError("nothing to save yet: no input has run without an error")
            return
        }
        if FileSystem.exists(path), !force, !FileSystem.isDirectory(path), !isKisoNotebook(path) {
            showError("\(path) exists and is not a Kiso notebook; `:save --force \(path)` replaces it")
            return
        }
        let stem = FileSystem.baseName(of: path)
        let title =
            "Kiso session" + (stem.isEmpty ? "" : " — " + (stem.hasSuffix(".md") ? String(stem.dropLast(3)) : stem))
        // The outputs are recorded by replaying the inputs in a fresh session, exactly as
        // `kiso run --update` records them: plots without colour at the recorded width, whatever
        // this terminal is, so the notebook replays.
        let text: String
        let failed: Int
        do {
            let notebook = try Notebook(text: transcript.notebookText(title: title), path: path)
            var evaluator = SessionEvaluator()
            let (recorded, report) = NotebookRunner.update(notebook, with: &evaluator)
            text = recorded
            failed = report.mismatches.filter { $0.kind != .outputDiffers }.count
        } catch {
            showError("cannot save: \(error)")
            return
        }
        do {
            try FileSystem.writeAtomically(text, toPath: path, confined: false)
        } catch {
            showError("cannot save: \(error.description)")
            return
        }
        let count = transcript.entries.count
        let written = FileSystem.absolutePath(FileSystem.resolvedTarget(path))
        StandardStreams.writeLine(
            style.dim(
                "saved \(count) \(count == 1 ? "input" : "inputs") to \(written) (replay it with kiso run \(path))"))
        if transcript.leftOut > 0 {
            StandardStreams.writeLine(
                style.dim(
                    "left out \(transcript.leftOut) \(transcript.leftOut == 1 ? "input" : "inputs") that used what an input stopped by Ctrl-C may have half changed"
                ))
        }
        if failed > 0 {
            showError("\(failed) of the saved inputs failed when replayed; `kiso run \(path)` shows which")
        }
    }

    /// Whether `path` holds a notebook with at least one Kiso cell (so replacing it loses no
    /// foreign text).
    private func isKisoNotebook(_ path: String) -> Bool {
        guard let notebook = try? Notebook(contentsOfFile: path) else { return false }
        return !notebook.cells.isEmpty
    }
}
