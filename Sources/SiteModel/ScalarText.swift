#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap text tests for the readers' per-line and per-paragraph rules.
///
/// Character APIs (`hasPrefix`, `first`, `isWhitespace`, `count`, `==`) pay for grapheme
/// breaking and canonical equivalence. In NFC text whose characters are single scalars (the
/// seeds) scalars and bytes give the same answers for a fraction of the cost; where a
/// combining mark could make a difference, these helpers check with Characters.
public enum ScalarText {
    /// Could `u` belong to the character before it (a combining mark, joiner, variation
    /// selector…)? False for the scripts of the seeds; true for anything not known to start
    /// a character of its own.
    @inlinable
    public static func mayJoinPrevious(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2E80...0x3029, 0x3030...0x3096, 0x30A0...0x30FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D:
            return false
        default:
            return true
        }
    }

    /// Could `u` take the next scalar into its character (a prepended concatenation mark)?
    @inlinable
    public static func mayJoinNext(_ u: Unicode.Scalar) -> Bool {
        (0x0600...0x0DFF).contains(u.value) || (0x11000...0x11FFF).contains(u.value)
    }

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

    /// Foundation's `CharacterSet.whitespaces` (tab, the space separators and U+200B), or with
    /// `newlines` its `.whitespacesAndNewlines` (plus U+000A–U+000D, U+0085, U+2028, U+2029).
    @inlinable
    public static func isFoundationWhitespace(_ u: Unicode.Scalar, newlines: Bool = false) -> Bool {
        switch u.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        default: return false
        }
    }

    /// `s.trimmingCharacters(in: .whitespaces)` (or `.whitespacesAndNewlines`), which trims
    /// scalars, without Foundation's detour through NSString.
    public static func trimmed(_ s: String, newlines: Bool = false) -> String {
        let u = s.unicodeScalars
        guard let first = u.firstIndex(where: { !isFoundationWhitespace($0, newlines: newlines) }) else { return "" }
        let last = u.lastIndex(where: { !isFoundationWhitespace($0, newlines: newlines) })!
        if first == u.startIndex, u.index(after: last) == u.endIndex { return s }
        return String(u[first...last])
    }

    /// `trimmed` for a substring or any other string.
    public static func trimmed<S: StringProtocol>(_ s: S, newlines: Bool = false) -> String {
        trimmed(String(s), newlines: newlines)
    }

    /// Whitespace runs as one space, none at either end (`split(whereSeparator: \.isWhitespace)`
    /// joined by spaces).
    public static func collapsingWhitespace<S: StringProtocol>(_ s: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        var previous: Unicode.Scalar?
        for u in s.unicodeScalars {
            // A whitespace scalar sharing a Character with its neighbour: decide by Characters.
            if let p = previous, isWhitespace(p) ? mayJoinPrevious(u) : (isWhitespace(u) && mayJoinNext(p)) {
                return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            previous = u
            if isWhitespace(u) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                UTF8.encode(u) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scalar count: every UTF-8 byte that is not a continuation byte starts a scalar.
    public static func scalarCount(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var n = 0
            for b in bytes { n &+= b & 0xC0 != 0x80 ? 1 : 0 }
            return n
        }
    }

    /// `s` itself when it has at most `limit` characters, else its first `limit - 2` and "…".
    /// Walks at most `limit` characters: `count` would segment the whole of a long text.
    public static func clipped(_ s: String, to limit: Int) -> String {
        // At most `limit` scalars is at most `limit` characters: no segmenting needed.
        if s.utf8.count <= limit || scalarCount(s) <= limit { return s }
        if limit >= 2, let clip = simpleClip(s, limit) { return clip }
        guard s.index(s.startIndex, offsetBy: limit, limitedBy: s.endIndex).map({ $0 < s.endIndex }) == true else { return s }
        return String(s.prefix(limit - 2)) + "…"
    }

    /// `clipped` for a text of more than `limit` scalars whose first `limit + 1` scalars are
    /// each a character of their own (none joins a neighbour, no CR LF): there characters
    /// are scalars, and the clip is a byte prefix. Nil when that does not hold.
    private static func simpleClip(_ s: String, _ limit: Int) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            var scalars = 0, i = 0, keep = 0
            while scalars <= limit {
                if scalars == limit - 2 { keep = i }
                let b0 = UInt32(bytes[i])
                let v: UInt32
                if b0 < 0x80 {
                    v = b0; i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                } else if b0 < 0xF0 {
                    v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                } else {
                    return nil  // outside the scripts `mayJoinPrevious` knows
                }
                // A scalar that may join the one before (or, in these ranges, the one after:
                // none is a prepended mark) ends the shortcut; so does CR, which joins LF.
                if v == 0x0D || mayJoinPrevious(Unicode.Scalar(v).unsafelyUnwrapped) { return nil }
                scalars += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<keep]), as: UTF8.self) + "…"
        }
    }

    /// Whether the UTF-8 of `s` holds `byte` (memchr: a line at a time this is much faster
    /// than iterating the UTF-8 view).
    public static func contains(_ s: String, byte: UInt8) -> Bool {
        var s = s
        return s.withUTF8 { buf in buf.baseAddress.map { memchr($0, Int32(byte), buf.count) != nil } ?? false }
    }

    /// Calls `body` with each scalar of valid UTF-8 (a String's), decoding by lead byte.
    @inlinable
    public static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                v |= UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                i += 4
            }
            body(Unicode.Scalar(v).unsafelyUnwrapped)
        }
    }

    /// The scalars of `s`, decoded from its UTF-8 in one pass (`Array(s.unicodeScalars)` walks
    /// the text twice, once to count).
    public static func scalars(_ s: String) -> [Unicode.Scalar] {
        var s = s
        return s.withUTF8 { bytes in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(bytes.count)
            forEachScalar(in: bytes) { out.append($0) }
            return out
        }
    }

    /// `s.hasSuffix(suffix)`, bytes first (see `utf8HasPrefix`).
    public static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        var s = s, suffix = suffix
        let bytesMatch = s.withUTF8 { a in
            suffix.withUTF8 { b in a.count >= b.count && a[(a.count - b.count)...].elementsEqual(b) }
        }
        return bytesMatch && s.hasSuffix(suffix)
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
    /// `hasPrefix(prefix)`: most strings fail on the bytes; only when they match does the
    /// Character test run (a combining mark after the prefix makes it false).
    @inlinable
    public func utf8HasPrefix(_ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var it = utf8.makeIterator()
        for b in p where it.next() != b { return false }
        return hasPrefix(prefix.description)
    }

    /// `hasSuffix(suffix)`, bytes first (see `utf8HasPrefix`).
    @inlinable
    public func utf8HasSuffix(_ suffix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        var it = utf8.reversed().makeIterator()
        for b in p.reversed() where it.next() != b { return false }
        return hasSuffix(suffix.description)
    }

    /// `==` with a literal over UTF-8 bytes (see `ScalarText`).
    @inlinable
    public func utf8Equals(_ literal: StaticString) -> Bool {
        utf8.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
