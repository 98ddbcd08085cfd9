import Testing
import IntegrityTables

@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
  /// FIPS 180-4 example vectors (NIST CSRC "Examples with intermediate values": SHA256.pdf)
  /// and the empty message.
  @Test("known vectors")
  func vectors() {
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
      == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
      == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("fed in pieces of any size, the digest is the same; padding at 55, 56 and 64 bytes")
  func pieces() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let whole = SHA256.hex(message)
    for size in [1, 7, 55, 56, 63, 64, 65, 200] {
      var hasher = SHA256()
      var start = 0
      while start < message.count {
        hasher.update(message[start..<min(start + size, message.count)])
        start += size
      }
      let digest = hasher.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
      #expect(digest == whole, "pieces of \(size)")
    }
    // Lengths around the padding boundary differ from each other (no truncation collisions).
    let near = [55, 56, 57, 63, 64, 65].map { SHA256.hex(Array(message.prefix($0))) }
    #expect(Set(near).count == near.count)
  }

  @Test("padding boundaries: 55, 56 and 64 bytes (digests from Python hashlib)")
  func paddingBoundaries() {
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }
}
