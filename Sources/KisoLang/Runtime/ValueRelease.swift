/// Freeing values without recursion.
///
/// Swift frees a value by first freeing what it holds, one stack frame per level, so a list
/// nested a million deep (`for i in range(10^6) x = [x] end`) or a chain of a hundred thousand
/// closures, each calling the one before, overflows any stack the moment its last reference
/// goes. Python has the same problem and the same cure (its "trashcan"): values leaving a
/// variable, a call's frame or the session are taken apart here, from a work list. Only parts
/// this code holds the last reference to are opened — exactly the parts being freed — so the
/// work is what freeing costs anyway, and a value still shared elsewhere is left alone in O(1).
enum ValueRelease {
    /// Empties `slot`, taking its value apart if it holds other values.
    @inline(__always)
    static func clear(_ slot: inout Value?) {
        // Asked of the optional in place: binding the value first would copy it, three
        // retains and releases for a tensor, on every assignment.
        guard slot.holdsValues else {
            slot = nil
            return
        }
        var work = Work()
        work.collect(&slot)
        work.dismantle()
    }

    /// Empties every slot of `slots` as ``clear(_:)`` does.
    static func clear(_ slots: inout [Value?]) {
        var work = Work()
        for i in slots.indices { work.collect(&slots[i]) }
        slots = []
        work.dismantle()
    }

    /// Values and frames still to be taken apart. Everything on the lists was moved there, so
    /// the lists may hold the last reference.
    private struct Work {
        var values: [Value] = []
        var frames: [Frame] = []

        /// Moves `slot`'s value onto the list when it holds other values, and empties the slot.
        mutating func collect(_ slot: inout Value?) {
            if let value = slot, value.holdsValues { values.append(value) }
            slot = nil
        }

        /// Opens every part held only by the lists and moves its children onto them before the
        /// part is released, so releasing a part frees a single level.
        mutating func dismantle() {
            while !values.isEmpty || !frames.isEmpty {
                while var value = values.popLast() {
                    if var items = Self.takeItems(&value) {
                        take(&items)
                    } else if var closure = Self.takeClosure(&value) {
                        if isKnownUniquelyReferenced(&closure) {
                            if let frame = closure.frame { frames.append(frame) }
                            for case let item? in closure.defaults where item.holdsValues { values.append(item) }
                        }
                    } else if var method = Self.takeMethod(&value) {
                        if isKnownUniquelyReferenced(&method), method.receiver.holdsValues {
                            values.append(method.receiver)
                        }
                    }
                }
                while var frame = frames.popLast() {
                    // A frame that other closures still use keeps its variables.
                    guard isKnownUniquelyReferenced(&frame) else { continue }
                    var slots = frame.slots
                    frame.slots = []
                    while let slot = slots.popLast() {
                        if let item = slot, item.holdsValues { values.append(item) }
                    }
                }
            }
        }

        // Each `take…` moves a payload out of `value` (leaving none), so that the payload's
        // reference is the only one this code holds: a pattern bound inside a `switch` on the
        // value would keep a second one alive and make every part look shared.

        private static func takeItems(_ value: inout Value) -> [Value]? {
            switch value {
            case .list(let items), .tuple(let items):
                value = .none
                return items
            case .dict(var dict):
                value = .none
                return dict.takeValues()
            default:
                return nil
            }
        }

        private static func takeClosure(_ value: inout Value) -> Closure? {
            guard case .function(let closure) = value else { return nil }
            value = .none
            return closure
        }

        private static func takeMethod(_ value: inout Value) -> BoundMethod? {
            guard case .method(let method) = value else { return nil }
            value = .none
            return method
        }

        /// Moves the children of an array this code holds the only reference to onto the list.
        /// `_isUnique_native` is the standard library's own test (an `Array` is one native
        /// reference); a shared array is simply released.
        private mutating func take(_ items: inout [Value]) {
            guard _isUnique_native(&items) else { return }
            while let item = items.popLast() {
                if item.holdsValues { values.append(item) }
            }
        }
    }
}

extension Value {
    /// Whether this value can hold other values (and so be nested without bound).
    var holdsValues: Bool {
        switch self {
        case .list, .tuple, .dict, .function, .method: return true
        default: return false
        }
    }
}

extension Optional where Wrapped == Value {
    /// Whether a value is stored and holds other values.
    @inline(__always)
    var holdsValues: Bool {
        switch self {
        case .some(.list), .some(.tuple), .some(.dict), .some(.function), .some(.method): return true
        default: return false
        }
    }
}
