/// Ends a command with an exit status that was decided (and reported) already.
struct Exit: Error {
    /// The status.
    var status: Int32

    /// Ends with `status`.
    init(_ status: Int32) { self.status = status }
}
