import Testing
@testable import IntegrityCharts

@Suite("Date of compilation")
struct CompilationDateTests {
  @Test("ISO dates parse; impossible ones do not")
  func parse() {
    #expect(CompilationDate(iso: "2026-12-05")?.roc == "115年12月5日")
    #expect(CompilationDate(iso: "2024-02-29")?.iso == "2024-02-29")
    for bad in ["2023-02-29", "2026-13-01", "2026-1-5", "26-12-05", "2026/12/05", "1911-12-31", "２０２６-12-05", ""] {
      #expect(CompilationDate(iso: bad) == nil, "\(bad)")
    }
  }

  @Test("SOURCE_DATE_EPOCH gives the UTC date; a bad value is an error")
  func epoch() throws {
    #expect(CompilationDate(epochSeconds: 0)?.iso == "1970-01-01")
    #expect(CompilationDate(epochSeconds: 1_796_515_199)?.iso == "2026-12-05")  // 2026-12-05T23:59:59Z
    #expect(CompilationDate(epochSeconds: 1_796_515_200)?.iso == "2026-12-06")
    #expect(CompilationDate(epochSeconds: 951_782_400)?.iso == "2000-02-29")
    #expect(try CompilationDate.current(environment: ["SOURCE_DATE_EPOCH": "1796515199"]).get().roc == "115年12月5日")
    #expect(throws: CompilationDateError.self) { try CompilationDate.current(environment: ["SOURCE_DATE_EPOCH": "soon"]).get() }
  }
}
