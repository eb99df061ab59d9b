/// A number as NumPy 2 prints a `float64` scalar with `str` (its `repr` without the
/// `np.float64(...)` wrapper), which is also Python's `repr` of a float: `0.1`, `1.0`, `1e-05`,
/// `1.5e+16`, `-0.0`, `inf`, `nan`.
///
/// Magnitudes in [1e-4, 1e16) and zero print positionally with at least one fractional digit;
/// others print in scientific notation with at least two exponent digits. Print options do not
/// apply, as in NumPy.
public func formatScalar(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let magnitude = x.magnitude
    if magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16) {
        return FloatText.positional(
            x, precision: -1, minDigits: -1, unique: true, trim: .leaveOneZero, plusSign: false,
            padLeft: -1, padRight: -1)
    }
    return FloatText.scientific(
        x, precision: -1, minDigits: -1, unique: true, trim: .pointAndZeros, plusSign: false,
        padLeft: -1, exponentDigits: -1)
}
