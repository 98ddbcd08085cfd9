/// A small deterministic random source (SplitMix64, Steele, Lea & Flood 2014), so every
/// benchmark run fits the same data. Normal deviates by the Box–Muller transform.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A standard normal deviate: √(−2 ln u₁)·cos(2πu₂), u₁ ∈ (0, 1].
  mutating func normal() -> Double {
    let u1 = 1 - Double.random(in: 0..<1, using: &self)
    let u2 = Double.random(in: 0..<1, using: &self)
    return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
  }
}

#if canImport(Glibc)
import Glibc
private func _log(_ x: Double) -> Double { Glibc.log(x) }
private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Foundation
private func _log(_ x: Double) -> Double { Foundation.log(x) }
private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
