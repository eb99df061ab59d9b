import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// Compares `str` and `repr` of every fixture tensor with what NumPy printed for it.
@Suite struct PrintFixtureTests {
    /// The options a fixture case asks for, on top of NumPy's defaults.
    static func options(_ any: Any?) -> PrintOptions {
        var options = PrintOptions()
        guard let dict = any as? [String: Any] else { return options }
        if let v = dict["precision"] as? Int { options.precision = v }
        if let v = dict["threshold"] as? Int { options.threshold = v }
        if let v = dict["edgeitems"] as? Int { options.edgeitems = v }
        if let v = dict["linewidth"] as? Int { options.linewidth = v }
        if let v = dict["suppress"] as? Bool { options.suppress = v }
        if let v = dict["nanstr"] as? String { options.nanstr = v }
        if let v = dict["infstr"] as? String { options.infstr = v }
        if let v = dict["sign"] as? String, let sign = PrintOptions.Sign(rawValue: v) {
            options.sign = sign
        }
        if let v = dict["floatmode"] as? String, let mode = PrintOptions.FloatMode(rawValue: v) {
            options.floatmode = mode
        }
        return options
    }

    /// Checks every case of one fixture file, reporting each mismatch with its name.
    static func check(_ fixture: String) throws {
        let cases = try Fixture.cases(fixture)
        #expect(!cases.isEmpty)
        for item in cases {
            let name = item["name"] as? String ?? "?"
            let tensor = try Fixture.tensor(item["tensor"])
            let options = options(item["options"])
            let expectedStr = item["str"] as? String
            let expectedRepr = item["repr"] as? String
            #expect(tensor.str(options: options) == expectedStr, "str of \(name)")
            #expect(tensor.repr(options: options) == expectedRepr, "repr of \(name)")
        }
    }

    @Test func arraysOfEveryRankAndDtype() throws { try Self.check("print_arrays") }

    @Test func summarisedAndWrappedArrays() throws { try Self.check("print_large") }

    @Test func nonDefaultOptions() throws { try Self.check("print_options") }

    @Test func randomValuesUnderRandomOptions() throws { try Self.check("print_random") }
}
