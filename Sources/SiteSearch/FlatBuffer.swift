/// A growable array of plain values for the index's inner loops: one owner (non-copyable, so
/// no reference counting or uniqueness checks) and no bounds checks in release builds — callers
/// index only below `count`.
struct FlatBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// `count` elements whose bytes are all zero.
    init(zeroed count: Int) {
        self.init(capacity: count)
        UnsafeMutableRawPointer(base).initializeMemory(as: UInt8.self, repeating: 0, count: count * MemoryLayout<Element>.stride)
        self.count = count
    }

    deinit { base.deallocate() }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            assert(i >= 0 && i < count)
            return base[i]
        }
        @inline(__always) set {
            assert(i >= 0 && i < count)
            base[i] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = value
        count += 1
    }

    /// Makes room for `extra` more elements, so that many writes past `count` (through
    /// `base`, followed by `advance`) are in bounds.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    /// Counts `n` elements written past `count` after `reserve`.
    @inline(__always)
    mutating func advance(_ n: Int) {
        assert(count + n <= capacity)
        count += n
    }

    @inline(never)
    private mutating func grow(to n: Int) {
        let c = max(n, capacity * 2)
        let p = UnsafeMutablePointer<Element>.allocate(capacity: c)
        p.initialize(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    func withBuffer<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }
}
