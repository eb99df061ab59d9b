import Testing

@testable import KisoTensor

/// The process-wide print options and inputs that must print rather than trap.
///
/// Serialized because the tests that change `PrintOptions.current` must not overlap.
@Suite(.serialized) struct PrintOptionsTests {
    @Test func defaultsAreNumPys() {
        let options = PrintOptions()
        #expect(options.precision == 8)
        #expect(options.threshold == 1000)
        #expect(options.edgeitems == 3)
        #expect(options.linewidth == 75)
        #expect(options.suppress == false)
        #expect(options.nanstr == "nan")
        #expect(options.infstr == "inf")
        #expect(options.sign == .minus)
        #expect(options.floatmode == .maxprec)
    }

    @Test func currentOptionsDriveDescription() throws {
        let saved = PrintOptions.current
        defer { PrintOptions.current = saved }
        let tensor = Tensor([1.0 / 3.0, 2.0])
        #expect(tensor.description == "[0.33333333 2.        ]")
        PrintOptions.current.precision = 3
        #expect(PrintOptions.current.precision == 3)
        #expect(tensor.description == "[0.333 2.   ]")
        #expect(tensor.repr() == "array([0.333, 2.   ])")
        // An explicit value wins over the shared one.
        #expect(tensor.str(options: PrintOptions()) == "[0.33333333 2.        ]")
    }

    @Test func currentOptionsAreSafeToShareAcrossTasks() async {
        let saved = PrintOptions.current
        defer { PrintOptions.current = saved }
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    PrintOptions.update { $0.linewidth = 60 + i }
                    _ = Tensor([1.0, 2.0]).description
                }
            }
        }
        #expect((60..<68).contains(PrintOptions.current.linewidth))
    }

    @Test func extremeOptionsDoNotTrap() throws {
        let tensor = try Tensor(shape: [2, 3], scalars: [1.5, -2, .nan, .infinity, 1e-9, 0])
        let extremes = [
            PrintOptions(precision: -5), PrintOptions(precision: Int.max),
            PrintOptions(threshold: Int.min), PrintOptions(edgeitems: Int.max),
            PrintOptions(edgeitems: -3, linewidth: Int.min), PrintOptions(linewidth: Int.max),
            PrintOptions(threshold: 0, edgeitems: 0), PrintOptions(nanstr: "", infstr: ""),
        ]
        for options in extremes {
            #expect(!tensor.str(options: options).isEmpty)
            #expect(tensor.repr(options: options).hasPrefix("array("))
            #expect(Tensor(2.5).repr(options: options).hasPrefix("array("))
        }
        // Unlike NumPy, which refuses a negative precision, it prints as precision 0.
        #expect(Tensor([1.5, 2.25]).str(options: PrintOptions(precision: -1)) == "[2. 2.]")
    }

    @Test func wholeNumbersOutsideInt64StillPrint() throws {
        let tensor = Tensor([1e19, -1e300, 3], dtype: .int64)
        #expect(tensor.description.contains("10000000000000000000"))
    }
}
