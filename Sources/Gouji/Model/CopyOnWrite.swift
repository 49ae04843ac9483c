/// A value kept in one shared box: copies of the holder share it (one reference count for all
/// of its fields, where a struct of strings and arrays would count each), and the first write to
/// a shared box copies it. `Figure` and `Cell` keep their fields so: both are copied by the
/// hundred thousand per archive into arrays, groups and findings.
struct CopyOnWrite<Value> {
    private final class Box {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether both hold the same box (then their values are equal without comparing them).
    func shares(with other: CopyOnWrite) -> Bool { box === other.box }
}

// A shared box is never written (see `value`), so sharing it across threads is safe.
extension CopyOnWrite: @unchecked Sendable where Value: Sendable {}
