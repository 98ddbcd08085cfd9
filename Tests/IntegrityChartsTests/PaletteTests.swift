import Foundation
import Testing
@testable import IntegrityCharts

/// Colour science for the checks, computed from `Palette`'s hex values.
enum Colour {
  /// sRGB hex → linear RGB in [0, 1] (IEC 61966-2-1 transfer function).
  static func linear(_ hex: String) -> [Double] {
    let v = Int(hex.dropFirst(), radix: 16)!
    return [v >> 16 & 255, v >> 8 & 255, v & 255].map { c in
      let s = Double(c) / 255
      return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
  }

  /// WCAG 2.1 relative luminance.
  static func luminance(_ rgb: [Double]) -> Double { 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] }

  /// WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05).
  static func contrast(_ a: String, _ b: String) -> Double {
    let la = luminance(linear(a)), lb = luminance(linear(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }

  /// CIE 1976 L*a*b* (D65) of linear sRGB.
  static func lab(_ rgb: [Double]) -> [Double] {
    let x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
    let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    let z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]
    func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
    let fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883)
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
  }

  /// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear sRGB.
  static let protanopia = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
  static let deuteranopia = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]

  static func simulate(_ rgb: [Double], _ m: [[Double]]) -> [Double] {
    (0..<3).map { i in min(1, max(0, (0..<3).reduce(0) { $0 + m[i][$1] * rgb[$1] })) }
  }

  static func deltaE(_ a: [Double], _ b: [Double]) -> Double {
    sqrt(zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
  }
}

@Suite("Palette: contrast, greyscale and colour-blind separation")
struct PaletteTests {
  static let statuses = Palette.statusOrder

  @Test("badge text on every status fill has WCAG contrast ≥ 4.5:1", arguments: statuses + ["other"])
  func textContrast(status: String) {
    let s = Palette.swatch(status)
    #expect(Colour.contrast(s.fill, s.text) >= 4.5, "\(status): \(s.text) on \(s.fill)")
  }

  @Test("page text colours have contrast ≥ 4.5:1 on white and on the table header and stripes")
  func pageText() {
    for ink in [Palette.ink, Palette.muted, Palette.link] {
      for ground in ["#ffffff", Palette.headerBackground, Palette.stripe] {
        #expect(Colour.contrast(ink, ground) >= 4.5, "\(ink) on \(ground)")
      }
    }
  }

  /// Statuses that share a chart differ by ≥ 15 in CIE L* (greyscale print) and by ΔE*ab ≥ 20
  /// in simulated protanopia and deuteranopia (and in normal vision).
  @Test("statuses of one chart stay apart in greyscale and under protanopia and deuteranopia")
  func separation() {
    for family in Palette.families {
      for (i, a) in family.enumerated() {
        for b in family[(i + 1)...] {
          let ra = Colour.linear(Palette.swatch(a).fill), rb = Colour.linear(Palette.swatch(b).fill)
          #expect(Palette.swatch(a).fill != Palette.swatch(b).fill, "\(a) and \(b) share a colour")
          let grey = abs(Colour.lab(ra)[0] - Colour.lab(rb)[0])
          #expect(grey >= 15, "\(a) vs \(b): ΔL* \(grey)")
          for (name, m) in [("protanopia", Colour.protanopia), ("deuteranopia", Colour.deuteranopia)] {
            let d = Colour.deltaE(Colour.lab(Colour.simulate(ra, m)), Colour.lab(Colour.simulate(rb, m)))
            #expect(d >= 20, "\(a) vs \(b) under \(name): ΔE \(d)")
          }
          #expect(Colour.deltaE(Colour.lab(ra), Colour.lab(rb)) >= 20)
        }
      }
    }
  }

  @Test("the check fails for the old red/green pair (達成 #2e7d32 vs 落後 #c62828 under deuteranopia)")
  func checkCanFail() {
    let a = Colour.linear("#2e7d32"), b = Colour.linear("#c62828")
    let grey = abs(Colour.lab(a)[0] - Colour.lab(b)[0])
    let d = Colour.deltaE(Colour.lab(Colour.simulate(a, Colour.deuteranopia)), Colour.lab(Colour.simulate(b, Colour.deuteranopia)))
    #expect(grey < 15)
    #expect(d < 20)
    #expect(Colour.contrast("#b07a00", "#ffffff") < 4.5)  // the old 接近 badge
  }

  @Test("badges, SVG bars and Vega-Lite scales all take their colours from Palette")
  func oneSource() throws {
    let css = HTMLReport.css
    for status in Self.statuses {
      #expect(css.contains(".s-\(status) { background: \(Palette.swatch(status).fill); color: \(Palette.swatch(status).text);"))
    }
    let data = try chartFixture("achievement.csv")
    let svg = SVGChart(data).text
    let spec = VegaLiteSpec(data).text
    for status in Set(data.points.compactMap(\.status)) {
      #expect(svg.contains("fill=\"\(Palette.swatch(status).fill)\""), "\(status) in SVG")
      #expect(spec.contains("\"\(Palette.swatch(status).fill)\""), "\(status) in Vega-Lite")
    }
    for old in ["#2e7d32", "#c62828", "#e6a100", "#b07a00"] {
      #expect(!css.contains(old) && !svg.contains(old) && !spec.contains(old))
    }
  }
}
