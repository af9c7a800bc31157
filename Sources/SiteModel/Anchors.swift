/// Allocates paragraph anchors `p-xxxxxx` from a hash of the paragraph's text, so a permalink
/// survives edits elsewhere in the document (unlike sequence numbers or line numbers).
/// Equal texts get `-2`, `-3`… in document order. Deterministic: no randomised hashing.
public struct AnchorAllocator: Sendable {
    private var used: Set<String> = []
    public init() {}

    public mutating func paragraphID(for text: String) -> String {
        reserve("p-" + Self.shortHash(text))
    }

    /// Returns `base`, or `base-2`, `base-3`… if taken, and marks it taken.
    public mutating func reserve(_ base: String) -> String {
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// FNV-1a 64 over UTF-8, first 8 hex digits: short, stable across runs and platforms.
    public static func shortHash(_ text: String) -> String {
        var text = text
        let h = text.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
            return h
        }
        // The first 8 of the hash's 16 zero-padded hex digits: its high 32 bits.
        return String(unsafeUninitializedCapacity: 8) { out in
            for i in 0..<8 {
                let nibble = UInt8(truncatingIfNeeded: h >> (60 - 4 * UInt64(i))) & 0xF
                out[i] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 8
        }
    }
}
