import Foundation
import IntegrityIndicators
import IntegrityTables
import Testing

@testable import IntegrityWorkspace

@Suite struct ImportTests {
  /// Three submissions of overlapping figures: added, then revised and unchanged, then a
  /// resubmission received earlier (a late-arriving file) that does not override the newer.
  @Test func supersedeAndHistory() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let f1 = try s.file("q1.csv", "機關,年度,季別,件數\n臺北地檢署,114,1,3\n士林地檢署,114,1,2\n")
    let f2 = try s.file("q1-fix.csv", "機關,年度,季別,件數,修正原因\n臺北地檢署,114,1,5,漏報二件\n士林地檢署,114,1,2,\n臺北地檢署,114,2,4,\n")
    var r = try ws.importFile(path: f1, options: importOptions("2025-04-10"))
    #expect((r.added, r.revised, r.unchanged) == (2, 0, 0))
    r = try ws.importFile(path: f2, options: importOptions("2025-07-15", reason: "更正"))
    #expect((r.added, r.revised, r.unchanged) == (1, 1, 1))
    #expect(r.summary.hasSuffix("added 1, revised 1, unchanged 1, rejected 0"))

    let history = try ws.history()
    // Keys in order: 士林 Q1 (one value), 臺北 Q1 (two values), 臺北 Q2 (one value).
    #expect(history.map(\.key.agency) == ["臺灣士林地方檢察署", "臺灣臺北地方檢察署", "臺灣臺北地方檢察署", "臺灣臺北地方檢察署"])
    #expect(history.map { $0.value?.description } == ["2", "3", "5", "4"])
    #expect(history[2].rowReason == "漏報二件")
    #expect(history[2].submission.reason == "更正")
    #expect(history[2].submission.sha256 == SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: f2)))))
    #expect(history[2].line == 2)

    // As of a date between the two submissions, Taipei Q1 is 3 and Q2 does not exist yet.
    let before = try ws.currentFigures(asOf: date("2025-05-01"))
    #expect(before.map { $0.value?.description } == ["2", "3"])
    let now = try ws.currentFigures()
    #expect(now.map { $0.value?.description } == ["2", "5", "4"])

    // A file received earlier than the correction (found in a drawer): stored, not current.
    let f3 = try s.file("q1-old.csv", "機關,年度,季別,件數\n臺北地檢署,114,1,9\n")
    r = try ws.importFile(path: f3, options: importOptions("2025-05-01"))
    #expect((r.added, r.revised, r.unchanged) == (0, 1, 0))
    #expect(try ws.currentFigures().map { $0.value?.description } == ["2", "5", "4"])
    #expect(try ws.currentFigures(asOf: date("2025-06-01")).map { $0.value?.description } == ["2", "9"])
    #expect(try ws.integrityCheck() == "ok")
  }

  @Test func sameBytesTwiceChangeNothing() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let f = try s.file("a.csv", "agency,year,value\n法務部廉政署,2024,10\n")
    _ = try ws.importFile(path: f, options: importOptions("2025-01-10"))
    let counts = try ws.counts()
    let again = try ws.importFile(path: f, options: importOptions("2025-03-01"))
    #expect(again.alreadyImported != nil)
    #expect(again.summary.contains("already imported"))
    #expect(try ws.counts() == counts)
    // The same figures in other bytes: a new submission, every figure unchanged, none written.
    let g = try s.file("b.csv", "agency,year,value\r\n法務部廉政署,2024,10\r\n")
    let other = try ws.importFile(path: g, options: importOptions("2025-03-01"))
    #expect((other.added, other.revised, other.unchanged) == (0, 0, 1))
    #expect(try ws.counts() == (2, 1))
    #expect(try ws.integrityCheck() == "ok")
  }

  /// Missing (`…`), none (`－`, read as zero) and revised (`r`) stay distinct in the store.
  @Test func missingNoneAndRevisedStayDistinct() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let f = try s.file("s.csv", "agency,year,value\nA,2023,…\nB,2023,－\nC,2023,\"1,234r\"\nD,2023,0\n")
    _ = try ws.importFile(path: f, options: importOptions("2024-01-10"))
    let figures = try ws.currentFigures()
    #expect(figures.map(\.key.agency) == ["A", "B", "C", "D"])
    #expect(figures.map { $0.value?.description } == [nil, "0", "1234", "0"])
    #expect(figures.map(\.revisedFlag) == [false, false, true, false])
    // Exported and re-read: empty stays missing, 0 stays 0, revised stays true.
    let csv = String(decoding: CSVWriter().bytes(try ws.exportTable()), as: UTF8.self)
    #expect(csv == "agency,year,value,revised\nA,2023,,false\nB,2023,0,false\nC,2023,1234,true\nD,2023,0,false\n")
  }

  @Test func badRowImportsNothingUnlessSkipped() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let f = try s.file("bad.csv", "agency,year,value\nA,2023,1\nB,2023,abc\nC,2023,3\n")
    #expect(throws: DataError.self) { try ws.importFile(path: f, options: importOptions("2024-01-10")) }
    #expect(try ws.counts() == (0, 0))
    let r = try ws.importFile(path: f, options: importOptions("2024-01-10", skipBadRows: true))
    #expect(r.added == 2)
    #expect(r.read.summary == "read 3 rows: used 2, rejected 1")
    #expect(try ws.integrityCheck() == "ok")
  }

  @Test func dryRunWritesNothing() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let f = try s.file("a.csv", "agency,year,value\nA,2023,1\n")
    var options = importOptions("2024-01-10")
    options.dryRun = true
    let r = try ws.importFile(path: f, options: options)
    #expect(r.added == 1)
    #expect(r.summary.contains("dry run"))
    #expect(try ws.counts() == (0, 0))
  }

  /// export → import into a fresh workspace → export gives the same bytes.
  @Test func exportReimportsIdentically() throws {
    let s = try Scratch()
    defer { s.remove() }
    let ws = try Workspace(path: s.db, create: true)
    let f1 = try s.file("a.csv", "指標,機關,年度,季別,件數,目標值,單位\n8-6-1,臺北地檢署,113,1,3,13,件\n8-6-1,臺北地檢署,113,2,…,13,件\n8-6-1,士林地檢署,113,1,\"2r\",10,件\n")
    let f2 = try s.file("b.csv", "指標,機關,年度,百分比,樣本數\n3-3 清廉,法務部廉政署,2023,35.4%,1082\n")
    _ = try ws.importFile(path: f1, options: importOptions("2024-04-01"))
    _ = try ws.importFile(path: f2, options: importOptions("2024-04-02"))
    let first = CSVWriter().bytes(try ws.exportTable())
    let exported = s.folder + "/export.csv"
    try Data(first).write(to: URL(fileURLWithPath: exported))
    let other = try Workspace(path: s.folder + "/copy.sqlite", create: true)
    var options = importOptions("2024-05-01")
    options.read.columnMap = [:]
    _ = try other.importFile(path: exported, options: options)
    let second = CSVWriter().bytes(try other.exportTable())
    #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
    #expect(try other.integrityCheck() == "ok")
  }

  @Test func newerSchemaIsRefused() throws {
    let s = try Scratch()
    defer { s.remove() }
    _ = try Workspace(path: s.db, create: true)
    // Pretend a newer integrity-stats wrote the file.
    try runSQLite(s.db, "PRAGMA user_version = 99")
    let error = #expect(throws: InputError.self) { try Workspace(path: s.db, create: false) }
    #expect(error?.reason.contains("schema version 99") == true)
  }

  @Test func foreignDatabaseIsRefused() throws {
    let s = try Scratch()
    defer { s.remove() }
    try runSQLite(s.db, "CREATE TABLE t (x)")
    #expect(throws: InputError.self) { try Workspace(path: s.db, create: true) }
  }

  @Test func missingWorkspaceIsAnInputError() throws {
    #expect(throws: InputError.self) { try Workspace(path: "/nonexistent/integrity.sqlite", create: false) }
  }
}

/// Runs SQL on a database file through the sqlite3 C library (GRDB), outside the workspace.
func runSQLite(_ path: String, _ sql: String) throws {
  try Workspace.rawExecute(path: path, sql: sql)
}
