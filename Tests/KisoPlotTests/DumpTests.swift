import Foundation
import Testing

@testable import KisoPlot

@Test func dumpSamples() throws {
    guard let path = ProcessInfo.processInfo.environment["KISO_PLOT_DUMP"] else { return }
    var out = ""
    for (name, make) in Samples.all {
        for canvas in CanvasKind.allCases {
            var plot = make()
            plot.canvas = canvas
            let charset: Charset = canvas == .ascii ? .ascii : .unicode
            out += "=== \(name) \(canvas)\n" + plot.render(RenderOptions(charset: charset)) + "\n"
        }
        out += "=== \(name) ansi256\n" + make().render(RenderOptions(colorMode: .ansi256)) + "\n"
    }
    try out.write(toFile: path, atomically: true, encoding: .utf8)
}
