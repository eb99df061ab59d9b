/// Kiso's version, shown by `kiso --version`.
public enum KisoVersion {
    /// The release number.
    public static let string = "0.1.0"
}
