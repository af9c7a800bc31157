#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Byte strings, each with an owner (a page, or 0), numbered in the order they were added and
/// found by a hash over 8 bytes at a time (multiply, xor-shift) with open addressing: a lookup
/// makes no String. Equal bytes are equal Strings, so a hit is sure; a miss is sure only for
/// ASCII, as Strings compare by canonical equivalence (`number(of:owner:)` for a String minds that).
struct ByteTable: Sendable {
    private var storage: [UInt8] = []
    /// Key `i` is `storage[ends[i - 1]..<ends[i]]`.
    private var ends: [Int] = []
    private var owners: [Int] = []
    private var hashes: [UInt64] = []
    /// Key number + 1, 0 when empty; a power of two in size, at most half full.
    private var slots: [Int32]
    private var hasNonASCII = false

    init(minimumCapacity: Int = 8) {
        var size = 16
        while size < 2 * minimumCapacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(minimumCapacity)
        owners.reserveCapacity(minimumCapacity)
        hashes.reserveCapacity(minimumCapacity)
        storage.reserveCapacity(16 * minimumCapacity)
    }

    var count: Int { ends.count }

    /// Adds `key` unless it is there; its number either way.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, owner: Int = 0) -> Int {
        let hash = Self.hash(key, owner)
        let (found, slot) = probe(key, owner, hash)
        if let found { return found }
        storage.append(contentsOf: key)
        ends.append(storage.count)
        owners.append(owner)
        hashes.append(hash)
        slots[slot] = Int32(ends.count)
        hasNonASCII = hasNonASCII || key.contains { $0 >= 0x80 }
        if 2 * count > slots.count { grow() }
        return count - 1
    }

    func number(of key: UnsafeBufferPointer<UInt8>, owner: Int = 0) -> Int? {
        probe(key, owner, Self.hash(key, owner)).number
    }

    /// The number of the key equal to `key` as a String.
    func number(of key: String, owner: Int = 0) -> Int? {
        var key = key
        if let hit = key.withUTF8({ number(of: $0, owner: owner) }) { return hit }
        // Text equal as Unicode but not as bytes has non-ASCII on one side (rare: a slow search).
        guard hasNonASCII || key.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return (0..<count).first { owners[$0] == owner && self.key($0) == key }
    }

    private func key(_ number: Int) -> String {
        String(decoding: storage[(number == 0 ? 0 : ends[number - 1])..<ends[number]], as: UTF8.self)
    }

    private func probe(_ key: UnsafeBufferPointer<UInt8>, _ owner: Int, _ hash: UInt64) -> (number: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return (nil, slot) }
            if hashes[entry - 1] == hash, owners[entry - 1] == owner, equals(entry - 1, key) { return (entry - 1, slot) }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == key.count else { return false }
        guard !key.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, key.baseAddress!, key.count) == 0 }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ owner: Int) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        var h = mix(UInt64(truncatingIfNeeded: owner) << 32 | UInt64(truncatingIfNeeded: raw.count))
        var i = 0
        while i + 8 <= raw.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        if i < raw.count, raw.count >= 8 {
            tail = raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self)  // overlaps the last word
        } else {
            while i < raw.count {
                tail = tail << 8 | UInt64(raw[i])
                i += 1
            }
        }
        return mix(mix(h ^ tail))
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        let m = (x ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return m ^ (m >> 31)
    }
}
