#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap text tests for the readers' per-line and per-paragraph rules.
///
/// Character APIs (`hasPrefix`, `first`, `isWhitespace`, `count`, `==`) pay for grapheme
/// breaking and canonical equivalence. The seeds are NFC with one scalar per character, and the
/// literals tested here have no other canonical form, so comparing UTF-8 bytes or scalars gives
/// the same answers for a fraction of the cost.
public enum ScalarText {
    /// Unicode White_Space, the set `Character.isWhitespace` and `properties.isWhitespace` test,
    /// without the property-table lookup.
    @inlinable
    public static func isWhitespace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Scalar count of UTF-8 text: every byte that is not a continuation byte starts a scalar.
    @inlinable
    public static func scalarCount<S: StringProtocol>(_ s: S) -> Int {
        var n = 0
        for b in s.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Whether the UTF-8 of `s` holds `byte` (memchr: a line at a time this is much faster
    /// than iterating the UTF-8 view).
    public static func contains(_ s: String, byte: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { buf in buf.baseAddress.map { memchr($0, Int32(byte), buf.count) != nil } ?? false }
    }

    /// A String from scalars, built as UTF-8 (appending to a `UnicodeScalarView` is slow).
    @inlinable
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for u in scalars { UTF8.encode(u) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    /// `hasPrefix` over UTF-8 bytes (see `ScalarText`).
    @inlinable
    public func utf8HasPrefix(_ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var it = utf8.makeIterator()
        for b in p where it.next() != b { return false }
        return true
    }

    /// `hasSuffix` over UTF-8 bytes (see `ScalarText`).
    @inlinable
    public func utf8HasSuffix(_ suffix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        var it = utf8.reversed().makeIterator()
        for b in p.reversed() where it.next() != b { return false }
        return true
    }

    /// `==` with a literal over UTF-8 bytes (see `ScalarText`).
    @inlinable
    public func utf8Equals(_ literal: StaticString) -> Bool {
        utf8.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
