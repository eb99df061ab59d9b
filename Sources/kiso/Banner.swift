import KisoTensor
import KisoTerminal

/// What the REPL says when it starts: how to begin, and the chapters.
enum Banner {
    /// Prints the banner.
    static func print(style: TextStyle, home: NotebookHome) {
        var lines = [
            style.bold("Kiso \(KisoVersion.string)") + " (基礎) — the mathematics of deep learning, one line at a time.",
            "Type an expression and press Enter, e.g. " + style.cyan("x = [3, 4]") + " then " + style.cyan("norm(x)")
                + ".",
            style.cyan(":help") + " lists the commands and functions, " + style.cyan("?NAME")
                + " explains one; Tab completes; Ctrl-D quits.",
            "",
        ]
        if home.directory != nil {
            lines.append("Chapters — walk through one with " + style.cyan("kiso step 01") + ":")
            lines += ChapterListing.lines(home.catalog)
        } else {
            lines.append(style.yellow("No chapters found") + ": " + home.notFoundMessage + ".")
        }
        lines.append("")
        for line in lines { StandardStreams.writeLine(line) }
    }
}
