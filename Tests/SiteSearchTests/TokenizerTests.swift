import XCTest
@testable import SiteSearch

final class TokenizerTests: XCTestCase {
    func testSharedVectors() throws {
        let vectors = try TokenizerVector.load()
        XCTAssertGreaterThan(vectors.count, 20)
        for v in vectors {
            XCTAssertEqual(Tokenizer.tokens(v.text), v.tokens, "tokens of \(v.text.debugDescription)")
        }
    }

    func testIndexTokensAddEveryCJKCharacter() {
        XCTAssertEqual(Tokenizer.indexTokens("中欧班列 PK"),
                       ["中欧", "欧班", "班列", "中", "欧", "班", "列", "pk"])
    }

    func testFoldKeepsUTF16Length() {
        // search.js places <mark> by offsets in folded text; every fold must be 1 unit → 1 unit.
        for v: UInt32 in [0x3000, 0xFF01, 0xFF21, 0xFF41, 0xFF5E, 0x41, 0x5A] {
            XCTAssertLessThan(Tokenizer.fold(v), 0x10000)
        }
    }
}
