extension Generator {
    /// An independent generator at the same point of the same stream: both draw the same values
    /// from here on, and drawing from one does not advance the other.
    public func copy() -> Generator {
        let twin = Generator(seed: UInt64(0))
        twin.bits = bits
        return twin
    }
}
