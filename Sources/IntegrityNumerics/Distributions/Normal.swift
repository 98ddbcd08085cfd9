import RealModule

/// The normal distribution N(μ, σ²); `Normal()` is the standard normal.
///
///     pdf(x) = exp(−z²/2) / (σ√(2π)),   Φ(z) = ½·erfc(−z/√2),   z = (x − μ)/σ.
///
/// The cdf and survival function both come from `erfc` (swift-numerics), each computed on
/// its own side, so tail probabilities keep full relative precision down to about 1e-308.
/// The quantile is Wichura's algorithm AS 241 (PPND16), "The percentage points of the
/// normal distribution", Applied Statistics 37(3):477–484 (1988), accurate to about 1e-16.
public struct Normal: Sendable, Equatable {
  /// μ.
  public var mean: Double
  /// σ > 0.
  public var standardDeviation: Double

  /// N(μ, σ²); defaults to the standard normal N(0, 1).
  public init(mean: Double = 0, standardDeviation: Double = 1) {
    precondition(standardDeviation > 0, "Normal: standard deviation must be positive")
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// The standard normal N(0, 1).
  public static let standard = Normal()

  /// The density exp(−z²/2)/(σ√(2π)).
  public func pdf(_ x: Double) -> Double {
    let z = (x - mean) / standardDeviation
    return Double.exp(-0.5 * z * z) / (2.506_628_274_631_000_502_4 * standardDeviation)
  }

  /// P(X ≤ x) = Φ(z).
  public func cdf(_ x: Double) -> Double {
    Self.upperTail((mean - x) / standardDeviation)
  }

  /// P(X > x) = Φ(−z), computed directly (not 1 − Φ(z)).
  public func sf(_ x: Double) -> Double {
    Self.upperTail((x - mean) / standardDeviation)
  }

  /// P(|X − μ| ≥ |x − μ|) = erfc(|z|/√2) = 2·sf(μ + |x − μ|): a two-sided p-value for a z statistic.
  public func twoSidedPValue(_ x: Double) -> Double {
    2 * Self.upperTail(abs(x - mean) / standardDeviation)
  }

  /// The quantile (inverse cdf): x with P(X ≤ x) = p. p = 0 → −∞, p = 1 → +∞, outside [0, 1] → NaN.
  public func quantile(_ p: Double) -> Double {
    mean + standardDeviation * Self.standardQuantile(p)
  }

  /// The inverse survival function: x with P(X > x) = q, accurate for tiny q.
  public func survivalQuantile(_ q: Double) -> Double {
    mean - standardDeviation * Self.standardQuantile(q)
  }

  /// The half-width multiplier z of a two-sided interval, P(|X − μ| ≤ zσ) = level:
  /// z = Φ⁻¹((1 + level)/2) (independent of μ and σ).
  public func criticalValue(level: Double) -> Double {
    Self.standardQuantile((1 + level) / 2)
  }

  /// Q(z) = P(Z > z) = ½·erfc(z/√2).
  ///
  /// z/√2 is formed in double-double (z·c_hi + z·c_lo plus the exact rounding error of the
  /// product, via FMA), and the low part enters through the first-order correction
  /// erfc(s + ds) ≈ erfc(s) − (2/√π)·exp(−s²)·ds. Without this, the rounding of z/√2 alone
  /// costs a relative error of 2s²·ε (≈ 2e-13 at z = 37).
  static func upperTail(_ z: Double) -> Double {
    if z.isNaN { return .nan }
    if z.isInfinite { return z > 0 ? 0 : 1 }
    let cHigh = 0.707_106_781_186_547_57  // 1/√2 rounded to double
    let cLow = -4.833_646_656_726_456_7e-17  // 1/√2 − cHigh
    let s = z * cHigh
    let ds = productError(z, cHigh) + z * cLow
    let twoOverRootPi = 1.128_379_167_095_512_573_9
    return 0.5 * (Double.erfc(s) - twoOverRootPi * Double.exp(-s * s) * ds)
  }

  /// The exact rounding error of a·b: a·b − fl(a·b), by FMA.
  static func productError(_ a: Double, _ b: Double) -> Double {
    let p = a * b
    return (-p).addingProduct(a, b)
  }

  /// Φ⁻¹(p) by AS 241 (PPND16): rational approximations in q = p − ½ for |q| ≤ 0.425 and in
  /// r = √(−ln min(p, 1−p)) for the tails (1.6 ≤ … ≤ 5 and beyond), relative accuracy ≈ 1e-16.
  static func standardQuantile(_ p: Double) -> Double {
    if p.isNaN || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      let num = (((((((2.509_080_928_730_122_672_7e3 * r + 3.343_057_558_358_812_810_5e4) * r
        + 6.726_577_092_700_870_085_3e4) * r + 4.592_195_393_154_987_145_7e4) * r
        + 1.373_169_376_550_946_112_5e4) * r + 1.971_590_950_306_551_442_7e3) * r
        + 1.331_416_678_917_843_774_5e2) * r + 3.387_132_872_796_366_608_0)
      let den = (((((((5.226_495_278_852_854_561_0e3 * r + 2.872_908_573_572_194_267_4e4) * r
        + 3.930_789_580_009_271_061_0e4) * r + 2.121_379_430_158_659_586_7e4) * r
        + 5.394_196_021_424_751_107_7e3) * r + 6.871_870_074_920_579_083_0e2) * r
        + 4.231_333_070_160_091_125_2e1) * r + 1)
      return q * num / den
    }
    var r = q < 0 ? p : 1 - p
    r = Double.sqrt(-Double.log(r))
    var x: Double
    if r <= 5 {
      r -= 1.6
      let num = (((((((7.745_450_142_783_414_076_40e-4 * r + 2.272_384_498_926_918_458_33e-2) * r
        + 2.417_807_251_774_506_117_70e-1) * r + 1.270_458_252_452_368_382_58) * r
        + 3.647_848_324_763_204_605_04) * r + 5.769_497_221_460_691_405_50) * r
        + 4.630_337_846_156_545_295_90) * r + 1.423_437_110_749_683_577_34)
      let den = (((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946_00e-4) * r
        + 1.519_866_656_361_645_719_66e-2) * r + 1.481_039_764_274_800_745_90e-1) * r
        + 6.897_673_349_851_000_045_50e-1) * r + 1.676_384_830_183_803_849_40) * r
        + 2.053_191_626_637_758_821_87) * r + 1)
      x = num / den
    } else {
      r -= 5
      let num = (((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5) * r
        + 1.242_660_947_388_078_438_60e-3) * r + 2.653_218_952_657_612_309_30e-2) * r
        + 2.965_605_718_285_048_912_30e-1) * r + 1.784_826_539_917_291_335_80) * r
        + 5.463_784_911_164_114_369_90) * r + 6.657_904_643_501_103_777_20)
      let den = (((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_70e-7) * r
        + 1.846_318_317_510_054_681_80e-5) * r + 7.868_691_311_456_132_591_00e-4) * r
        + 1.487_536_129_085_061_485_25e-2) * r + 1.369_298_809_227_358_053_10e-1) * r
        + 5.998_322_065_558_879_376_90e-1) * r + 1)
      x = num / den
    }
    return q < 0 ? -x : x
  }
}
