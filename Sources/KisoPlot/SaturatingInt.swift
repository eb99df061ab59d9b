extension Int {
    /// `value` rounded toward zero and clamped to ±2^52, NaN giving 0: coordinates computed from
    /// arbitrary data convert without trapping.
    init(saturating value: Double) {
        guard value.isFinite else {
            self = value.isNaN ? 0 : (value < 0 ? -(1 << 52) : 1 << 52)
            return
        }
        self = Int(Swift.min(Swift.max(value, -4_503_599_627_370_496), 4_503_599_627_370_496))
    }
}
