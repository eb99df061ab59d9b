import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// `formatScalar` against NumPy's `str(np.float64(x))`.
@Suite struct PrintScalarTests {
    @Test func matchesNumPyFloat64Str() throws {
        let cases = try Fixture.cases("print_scalars")
        #expect(cases.count > 200)
        for item in cases {
            guard let x = Fixture.double(item["x"]), let expected = item["str"] as? String else {
                Issue.record("malformed scalar case \(item)")
                continue
            }
            #expect(formatScalar(x) == expected, "x = \(x.bitPattern)")
        }
    }

    @Test func familiarValues() {
        #expect(formatScalar(0.1) == "0.1")
        #expect(formatScalar(1e-5) == "1e-05")
        #expect(formatScalar(1.0) == "1.0")
        #expect(formatScalar(-0.0) == "-0.0")
        #expect(formatScalar(.infinity) == "inf")
        #expect(formatScalar(-.infinity) == "-inf")
        #expect(formatScalar(.nan) == "nan")
        #expect(formatScalar(1e16) == "1e+16")
        #expect(formatScalar(1.5e300) == "1.5e+300")
    }

    @Test func zeroDimensionalTensorsPrintAsScalars() {
        #expect(Tensor(0.1).description == "0.1")
        #expect(Tensor(3.0).description == "3.0")
        #expect(Tensor(3.0).repr(options: PrintOptions()) == "array(3.)")
        #expect(Tensor(4, dtype: .int64).description == "4")
        #expect(Tensor(4, dtype: .int64).repr(options: PrintOptions()) == "array(4)")
        #expect(Tensor(1, dtype: .bool).description == "True")
        #expect(Tensor(0, dtype: .bool).repr(options: PrintOptions()) == "array(False)")
    }
}
