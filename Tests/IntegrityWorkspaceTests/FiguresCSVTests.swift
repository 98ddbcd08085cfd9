import Foundation
import IntegrityIndicators
import IntegrityTables
import Testing

@testable import IntegrityWorkspace
import IntegrityActionPlan
import IntegrityAgencyData

/// `Workspace.figuresCSV`: the bytes the analysis commands read with `--db`. Read back by the
/// one reader they give the observations the source file gives (but for line numbers), with
/// missing, none and revised as the source wrote them.
@Suite struct FiguresCSVTests {
  @Test func readsBackToTheSourcesObservations() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let source = try s.file(
      "s.csv",
      #"""
      指標,機關,年度,季別,件數,目標值,單位,方向
      "8-6-1, 目標案件",臺北地檢署,113,1,…,13,件,正向
      "8-6-1, 目標案件",士林地檢署,113,1,－,10.25,件,正向
      "8-6-1, 目標案件",士林地檢署,113,2,"1,234r",10.25,件,正向
      "=x ""quoted""",法務部廉政署,112,4,0.5,,,負向
      x,新竹地檢署,113,3,…,7r,件,

      """#)
    _ = try ws.importFile(path: source, options: importOptions("2025-01-10"))
    let bytes = try ws.figuresCSV()
    #expect(
      String(decoding: bytes, as: UTF8.self) == #"""
        indicator,agency,year,quarter,value,target,unit,direction
        "8-6-1, 目標案件",臺灣士林地方檢察署,2024,1,0,10.25,件,increase
        "8-6-1, 目標案件",臺灣士林地方檢察署,2024,2,1234r,10.25,件,increase
        "8-6-1, 目標案件",臺灣臺北地方檢察署,2024,1,…,13,件,increase
        "=x ""quoted""",法務部廉政署,2023,4,0.5,,,decrease
        x,臺灣新竹地方檢察署,2024,3,…,7r,件,

        """#)
    let fromWorkspace = try ObservationReader.read(bytes: bytes, source: "w").observations
    let fromFile = try ObservationReader.read(path: source, options: ObservationReadOptions().officesCanonical).observations
    func key(_ o: Observation) -> String { "\(o.indicator ?? "")|\(o.agency ?? "")|\(o.period)" }
    func unlined(_ o: Observation) -> Observation {
      var o = o
      o.line = 0
      return o
    }
    #expect(fromWorkspace.map(unlined) == fromFile.sorted { key($0) < key($1) }.map(unlined))
  }

  @Test func anEmptyWorkspaceIsAHeader() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let set = try ObservationReader.read(bytes: try ws.figuresCSV(), source: "w")
    #expect(set.observations.isEmpty && set.rowsRead == 0)
  }
}
