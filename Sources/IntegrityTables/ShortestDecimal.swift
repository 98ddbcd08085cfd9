/// The shortest decimal that reads back as a given `Double`, by Giulietti's Schubfach
/// algorithm (R. Giulietti, "The Schubfach way to render doubles", 2020; the algorithm
/// of Java's `Double.toString` since JDK 19): of the decimals in the rounding interval
/// of `v`, one with the fewest digits, and of those the closest to `v` (ties to an even
/// last digit).
///
/// Why here: writing a `Double` is the largest part of formatting the streaming outputs
/// (`quarterly` prints two on each of its 10 million lines), and the standard library
/// reaches its digits only through `description`/`write(to:)`. Three 64×64-bit
/// multiplications by a 126-bit power of ten (`powersOfTen`, generated exactly by
/// `scripts/schubfach_table.py`) find them. The digits are those of `description`;
/// `ShortestDecimalTests` compares them on millions of doubles (random bits, quotients
/// of integers as the outputs compute them, powers of two, the asymmetric interval at
/// each binade's start).
enum ShortestDecimal {
  /// `(significand, exponent)` with `significand·10^exponent` the shortest decimal of a
  /// positive normal `value` (subnormals and non-finite values are not taken: nil);
  /// the significand may end in zeros.
  @inline(__always)
  static func decimal(of value: Double) -> (significand: UInt64, exponent: Int)? {
    let bits = value.bitPattern
    let biased = Int(bits >> 52 & 0x7FF)
    guard value > 0, biased != 0, biased != 0x7FF else { return nil }
    // value = c·2^q with 2^52 ≤ c < 2^53.
    let c = UInt64(1) << 52 | bits & (UInt64(1) << 52 - 1)
    let q = biased - 1075
    // Integers below 2^53 are their own shortest decimal (§8.3).
    if q < 0 && q > -53 {
      let f = c >> UInt64(-q)
      if f << UInt64(-q) == c { return (f, 0) }
    }
    return decimal(c: c, q: q)
  }

  /// Schubfach's `toDecimal(q, c, 0)` (§9): the rounding interval of c·2^q, scaled by
  /// 10^-k for the k that leaves at most a few integers in it, with its ends rounded to
  /// odd (`scaled`); then the candidates in steps of 10 (one digit fewer) and of 1.
  @inline(__always)
  private static func decimal(c: UInt64, q: Int) -> (significand: UInt64, exponent: Int) {
    let out: UInt64 = c & 1  // even significands include the interval's ends
    let cb = c << 2
    let cbr = cb + 2
    let cbl: UInt64
    let k: Int
    if c != 1 << 52 || q == -1074 {
      cbl = cb - 2
      k = floorLog10Pow2(q)
    } else {
      // The first significand of a binade: the gap below is half the gap above.
      cbl = cb - 1
      k = floorLog10ThreeQuartersPow2(q)
    }
    let h = q + floorLog2Pow10(-k) + 2
    let index = 2 * (k + 324)
    let g1 = powersOfTen[index]
    let g0 = powersOfTen[index + 1]
    let vb = scaled(g1, g0, cb << UInt64(h))
    let vbl = scaled(g1, g0, cbl << UInt64(h))
    let vbr = scaled(g1, g0, cbr << UInt64(h))
    let s = vb >> 2
    if s >= 100 {
      // One digit fewer: the multiples of 10 around s.
      let sp10 = s / 10 * 10
      let tp10 = sp10 + 10
      let upin = vbl + out <= sp10 << 2
      let wpin = (tp10 << 2) + out <= vbr
      if upin != wpin { return (upin ? sp10 : tp10, k) }
    }
    let t = s + 1
    let uin = vbl + out <= s << 2
    let win = (t << 2) + out <= vbr
    if uin != win { return (uin ? s : t, k) }
    // Both in the interval: the closer to v, an even one on a tie.
    let doubleMidpoint = (s + t) << 1
    let pick = vb < doubleMidpoint || (vb == doubleMidpoint && s & 1 == 0) ? s : t
    return (pick, k)
  }

  /// ⌊(g·cp)/2^127⌋ rounded to odd (its lowest bit set when any dropped bit is), with
  /// g = g1·2^63 + g0 (g0 < 2^63) and cp < 2^60: Schubfach's `rop`.
  @inline(__always)
  private static func scaled(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
    let x1 = g0.multipliedFullWidth(by: cp).high
    let (y1, y0) = g1.multipliedFullWidth(by: cp)
    let z = (y0 >> 1) &+ x1
    let vbp = y1 &+ (z >> 63)
    let mask: UInt64 = 1 << 63 - 1
    return vbp | ((z & mask) &+ mask) >> 63
  }

  /// ⌊log10(2^q)⌋ for |q| ≤ 5456721 (§6).
  @inline(__always)
  static func floorLog10Pow2(_ q: Int) -> Int { (q &* 661_971_961_083) >> 41 }

  /// ⌊log10(3/4·2^q)⌋ for |q| ≤ 5456721.
  @inline(__always)
  static func floorLog10ThreeQuartersPow2(_ q: Int) -> Int { (q &* 661_971_961_083 &- 274_743_187_321) >> 41 }

  /// ⌊log2(10^e)⌋ for |e| ≤ 1838394.
  @inline(__always)
  static func floorLog2Pow10(_ e: Int) -> Int { (e &* 913_124_641_741) >> 38 }
}
