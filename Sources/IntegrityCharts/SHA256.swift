/// SHA-256 of a byte sequence, as FIPS 180-4 §6.2 defines it (no dependency, no pointer code).
///
///     pad: message ‖ 1 ‖ 0…0 ‖ length in bits as 64-bit big-endian, to a multiple of 512 bits
///     per 512-bit block: W₀…W₁₅ = the block's big-endian words,
///       Wₜ = σ₁(Wₜ₋₂) + Wₜ₋₇ + σ₀(Wₜ₋₁₅) + Wₜ₋₁₆  (16 ≤ t < 64)
///       64 rounds: T₁ = h + Σ₁(e) + Ch(e,f,g) + Kₜ + Wₜ,  T₂ = Σ₀(a) + Maj(a,b,c)
///     Σ₀ = ROTR² ⊕ ROTR¹³ ⊕ ROTR²², Σ₁ = ROTR⁶ ⊕ ROTR¹¹ ⊕ ROTR²⁵,
///     σ₀ = ROTR⁷ ⊕ ROTR¹⁸ ⊕ SHR³,    σ₁ = ROTR¹⁷ ⊕ ROTR¹⁹ ⊕ SHR¹⁰
///
/// Source: NIST FIPS 180-4, "Secure Hash Standard" (2015), §4.1.2, §4.2.2, §5.1.1, §5.3.3, §6.2.
/// Checked against the standard's examples ("abc", the 448-bit message, a million "a") and the
/// empty message in `SHA256Tests`. Used to name the report's input files; not constant-time,
/// and not meant for secrets.
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]
  private var buffer: [UInt8] = []
  private var length: UInt64 = 0

  public init() { buffer.reserveCapacity(64) }

  /// Feeds more bytes.
  public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    let all = Array(bytes)
    length &+= UInt64(all.count)
    var start = 0
    if !buffer.isEmpty {
      let take = Swift.min(64 - buffer.count, all.count)
      buffer += all[0..<take]
      start = take
      guard buffer.count == 64 else { return }
      compress(buffer[...])
      buffer.removeAll(keepingCapacity: true)
    }
    while start + 64 <= all.count {
      compress(all[start..<start + 64])
      start += 64
    }
    buffer += all[start...]
  }

  /// The 32-byte digest (the hasher is consumed).
  public mutating func finalize() -> [UInt8] {
    let bits = length &* 8
    var tail = buffer
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    for start in stride(from: 0, to: tail.count, by: 64) { compress(tail[start..<start + 64]) }
    buffer = []
    return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
  }

  /// The digest of `bytes` as 64 lower-case hex digits.
  public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hasher = SHA256()
    hasher.update(bytes)
    let digits = Array("0123456789abcdef")
    return String(hasher.finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }

  private static let k: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]

  @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  private mutating func compress(_ block: ArraySlice<UInt8>) {
    var w = [UInt32](repeating: 0, count: 64)
    let o = block.startIndex
    for t in 0..<16 {
      w[t] = UInt32(block[o + 4 * t]) << 24 | UInt32(block[o + 4 * t + 1]) << 16 | UInt32(block[o + 4 * t + 2]) << 8 | UInt32(block[o + 4 * t + 3])
    }
    for t in 16..<64 {
      let s0 = Self.rotr(w[t - 15], 7) ^ Self.rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
      let s1 = Self.rotr(w[t - 2], 17) ^ Self.rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
      w[t] = s1 &+ w[t - 7] &+ s0 &+ w[t - 16]
    }
    var a = state[0], b = state[1], c = state[2], d = state[3]
    var e = state[4], f = state[5], g = state[6], h = state[7]
    for t in 0..<64 {
      let S1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
      let ch = (e & f) ^ (~e & g)
      let t1 = h &+ S1 &+ ch &+ Self.k[t] &+ w[t]
      let S0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
      let maj = (a & b) ^ (a & c) ^ (b & c)
      let t2 = S0 &+ maj
      h = g; g = f; f = e; e = d &+ t1
      d = c; c = b; b = a; a = t1 &+ t2
    }
    state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
    state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
  }
}
