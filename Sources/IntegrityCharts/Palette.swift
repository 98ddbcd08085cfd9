/// The one palette of every output: report badges and CSS, SVG marks and Vega-Lite scales.
///
/// Status colours are chosen so that the statuses differ in *lightness*, not only in hue, so
/// that they stay apart in greyscale print and for readers with red-green colour vision
/// deficiency, and so that the badge text on each fill has a WCAG contrast of at least 4.5:1:
///
/// | status                 | fill      | text      | CIE L* | contrast |
/// |------------------------|-----------|-----------|--------|----------|
/// | behind                 | `#8a2707` | `#ffffff` | 31.5   | 8.9:1    |
/// | achieved, on-track     | `#2f80c8` | `#000000` | 52.1   | 5.0:1    |
/// | no-target              | `#a8a8a8` | `#000000` | 68.9   | 8.8:1    |
/// | near                   | `#f7cf4a` | `#000000` | 84.4   | 14.0:1   |
/// | no-data, incomplete, … | `#ffffff` | `#000000` | 100    | 21:1     |
///
/// White fills are drawn with a dark outline (`stroke`). In charts colour is never the only cue:
/// each bar is labelled with its status word (and year), and the legend names each colour.
///
/// The checks (`PaletteTests`) compute, from this type's values:
/// - contrast = (L₁ + 0.05) / (L₂ + 0.05) of the relative luminances
///   L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels
///   (WCAG 2.1, "relative luminance" and "contrast ratio" definitions, success criterion 1.4.3);
/// - greyscale separation: the difference of CIE L* (CIE 1976 L*a*b*, D65) between statuses;
/// - colour-blind separation: ΔE*ab between statuses after simulating protanopia and
///   deuteranopia with the severity-1.0 matrices of G. M. Machado, M. M. Oliveira and
///   L. A. F. Fernandes, "A Physiologically-based Model for Simulation of Color Vision
///   Deficiency", IEEE TVCG 15(6):1291–1298 (2009), applied to linear sRGB (as colorspacious does).
public enum Palette {
  /// The colours of one status.
  public struct Swatch: Sendable, Equatable {
    /// Fill of badges, bars and markers.
    public var fill: String
    /// Text drawn on the fill.
    public var text: String
    /// Outline of marks and badges (the fill itself when it stands out from white).
    public var stroke: String
  }

  /// The statuses written by `achievement` and `quarterly`, in legend order.
  public static let statusOrder = ["achieved", "on-track", "near", "behind", "incomplete", "no-target", "no-data"]

  /// The swatch of a status (`nil` or an unknown status: the no-data swatch).
  public static func swatch(_ status: String?) -> Swatch {
    switch status {
    case "achieved", "on-track": Swatch(fill: "#2f80c8", text: "#000000", stroke: "#1b4f7d")
    case "near": Swatch(fill: "#f7cf4a", text: "#000000", stroke: "#8a6d00")
    case "behind": Swatch(fill: "#8a2707", text: "#ffffff", stroke: "#5c1a05")
    case "no-target": Swatch(fill: "#a8a8a8", text: "#000000", stroke: "#555555")
    default: Swatch(fill: "#ffffff", text: "#000000", stroke: "#555555")
    }
  }

  /// The statuses that can share one chart or table: achievement, and quarterly pace.
  public static let families: [[String]] = [
    ["achieved", "near", "behind", "no-target", "no-data"],
    ["on-track", "behind", "incomplete"],
  ]

  /// Categorical colours for series (Okabe & Ito 2008, "Color Universal Design", then Tableau 10).
  public static let series = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f7f7f", "#8c564b",
    "#bcbd22", "#17becf", "#1f77b4", "#9467bd",
  ]

  /// Page colours: body text, muted text (≥ 4.5:1 on white and on the table stripes), links,
  /// rules, reference lines and the table header background.
  public static let ink = "#222222"
  public static let muted = "#555555"
  public static let link = "#0058a3"
  public static let accent = "#0072b2"
  public static let reference = "#333333"
  public static let headerBackground = "#eef3f8"
  public static let stripe = "#f7f9fb"

  /// CSS custom properties and the badge classes, generated from the values above.
  static var css: String {
    var out = ":root { color-scheme: light; --ink: \(ink); --muted: \(muted); --link: \(link); --accent: \(accent); --th: \(headerBackground); --stripe: \(stripe); }\n"
    for status in statusOrder + ["other"] {
      let s = swatch(status)
      out += ".s-\(status) { background: \(s.fill); color: \(s.text); border-color: \(s.stroke); }\n"
    }
    return out
  }
}
