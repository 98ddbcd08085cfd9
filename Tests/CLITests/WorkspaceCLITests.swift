import Foundation
import IntegrityStats
import TestSupport
import Testing

/// The workspace commands end to end: the built executable on scratch folders.
@Suite struct WorkspaceCLITests {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("ws-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  var db: String { folder + "/integrity.sqlite" }

  @discardableResult
  func file(_ name: String, _ text: String) throws -> String {
    let path = folder + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Starts the executable in the scratch folder with extra environment; standard error
  /// goes to a file (returned) so a test can wait for a line in it.
  func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let errPath = folder + "/stderr-\(UUID().uuidString)"
    FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    return (process, errPath)
  }

  func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stderr: String) {
    let (process, errPath) = try start(arguments, environment: environment)
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOfFile: errPath, encoding: .utf8))
  }

  func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

  func snapshot() throws -> (counts: String, export: String, check: String) {
    let ws = try Workspace(path: db, create: false)
    let counts = try ws.counts()
    let export = String(decoding: CSVWriter().bytes(try ws.exportTable(provenance: true)), as: UTF8.self)
    return ("\(counts.submissions)/\(counts.figures)", export, try ws.integrityCheck())
  }

  /// An import SIGKILLed inside its transaction leaves the workspace exactly as before.
  @Test func killedImportLeavesTheWorkspaceAsBefore() throws {
    defer { cleanUp() }
    let a = try file("a.csv", "指標,機關,年度,件數\n8-5,臺北地檢署,113,10\n8-5,士林地檢署,113,7\n")
    #expect(try run(["import", a, "--received", "2025-01-10"]).status == 0)
    let before = try snapshot()
    let rows = (1...5000).map { "8-5,機關\($0),113,\($0)" }.joined(separator: "\n")
    let b = try file("b.csv", "指標,機關,年度,件數\n8-5,臺北地檢署,113,11\n" + rows + "\n")
    let (process, errPath) = try start(
      ["import", b, "--received", "2025-02-10"], environment: ["INTEGRITY_STATS_TEST_SLEEP_BEFORE_COMMIT": "60"])
    // Wait until the import says it is inside its transaction (figures written, not committed).
    var inside = false
    for _ in 0..<600 where !inside {
      inside = (try? String(contentsOfFile: errPath, encoding: .utf8))?.contains("test hook: inside the transaction") == true
      if !inside { usleep(50_000) }
    }
    #expect(inside)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    let after = try snapshot()
    #expect(after.counts == before.counts)
    #expect(after.export == before.export)
    #expect(after.check == "ok")
    // And the workspace still takes the file afterwards.
    #expect(try run(["import", b, "--received", "2025-02-10"]).status == 0)
    #expect(try snapshot().counts == "2/5003")
  }

  /// Two imports at once (one holding the write lock for a second) both land: the union.
  @Test func concurrentImportsGiveTheUnion() throws {
    defer { cleanUp() }
    let a = try file("a.csv", "indicator,agency,year,value\n" + (1...300).map { "x,A\($0),2024,\($0)" }.joined(separator: "\n") + "\n")
    let b = try file("b.csv", "indicator,agency,year,value\n" + (1...200).map { "y,B\($0),2024,\($0)" }.joined(separator: "\n") + "\n")
    // Create the workspace first with neither file, then race the two.
    let c = try file("c.csv", "indicator,agency,year,value\nz,C,2024,1\n")
    #expect(try run(["import", c]).status == 0)
    let (first, firstErr) = try start(["import", a], environment: ["INTEGRITY_STATS_TEST_SLEEP_BEFORE_COMMIT": "1"])
    let (second, secondErr) = try start(["import", b], environment: ["INTEGRITY_STATS_TEST_SLEEP_BEFORE_COMMIT": "1"])
    first.waitUntilExit()
    second.waitUntilExit()
    let firstMessages = try String(contentsOfFile: firstErr, encoding: .utf8)
    let secondMessages = try String(contentsOfFile: secondErr, encoding: .utf8)
    #expect(first.terminationStatus == 0, "\(firstMessages)")
    #expect(second.terminationStatus == 0, "\(secondMessages)")
    let after = try snapshot()
    #expect(after.counts == "3/501")
    #expect(after.check == "ok")
  }

  /// Two imports racing to create the same fresh workspace.
  @Test func concurrentCreation() throws {
    defer { cleanUp() }
    let a = try file("a.csv", "indicator,agency,year,value\nx,A,2024,1\n")
    let b = try file("b.csv", "indicator,agency,year,value\ny,B,2024,2\n")
    let (first, _) = try start(["import", a])
    let (second, _) = try start(["import", b])
    first.waitUntilExit()
    second.waitUntilExit()
    #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
    #expect(try snapshot().counts == "2/2")
  }

  /// The analysis commands read the workspace with the output the source file gives.
  @Test func analysisFromTheWorkspaceMatchesTheFile() throws {
    defer { cleanUp() }
    let yearly = packageRoot.appendingPathComponent("SampleData/synthetic_yearly_indicators_big5.csv").path
    let wide = packageRoot.appendingPathComponent("SampleData/synthetic_indictments_seizures_wide.csv").path
    #expect(try run(["import", yearly, "--received", "2025-03-01"]).status == 0)
    let other = folder + "/wide.sqlite"
    #expect(try run(["import", "--db", other, "--wide", wide, "--received", "2025-03-01"]).status == 0)
    let quarterly = packageRoot.appendingPathComponent("SampleData/synthetic_target_cases_quarterly.csv").path
    let pace = folder + "/quarterly.sqlite"
    #expect(try run(["import", "--db", pace, quarterly, "--received", "2025-01-15"]).status == 0)
    let cases: [([String], [String])] = [
      (["achievement", yearly], ["achievement", "--db", db]),
      (["achievement", "--by", "strategy", yearly], ["achievement", "--by", "strategy", "--db", db]),
      (["quarterly", quarterly], ["quarterly", "--db", pace]),
      (["quarterly", "--total", "--format", "json", quarterly], ["quarterly", "--total", "--format", "json", "--db", pace]),
      (["achievement", quarterly], ["achievement", "--db", pace]),
      (["achievement", "--total", "--format", "json", yearly], ["achievement", "--total", "--format", "json", "--db", db]),
      (["trend", "--wide", wide], ["trend", "--db", other]),
      (["trend", "--model", "sen", "--wide", wide], ["trend", "--model", "sen", "--db", other]),
      (["trend", "--to", "2030", "--format", "json", "--wide", wide], ["trend", "--to", "2030", "--format", "json", "--db", other]),
    ]
    for (fromFile, fromWorkspace) in cases {
      let a = try runCLI(fromFile)
      let b = try runCLI(fromWorkspace)
      #expect(a.status == 0 && b.status == 0, "\(fromWorkspace): \(b.stderr)")
      #expect(a.stdout == b.stdout, "\(fromWorkspace)")
    }
    // --as-of before anything was received: no figures.
    let early = try runCLI(["achievement", "--db", db, "--as-of", "2025-02-28"])
    #expect(early.stdout == "indicator,agency,year,actual,target,direction,ratio,status,partial\n")
    #expect(early.stderr.hasSuffix("read 0 rows: used 0, rejected 0\n"))
  }

  /// Each file's rejected rows keep its own header: `--rejects` with several files is a
  /// usage error (64) before anything is imported, never a file holding only the last one's.
  @Test func rejectsWithSeveralFilesIsRefused() throws {
    let a = try file("a.csv", "indicator,agency,year,value\n8-5,法務部,2023,abc\n")
    let b = try file("b.csv", "指標,機關,年度,實際值\n8-5,法務部,2024,xyz\n")
    let r = try run(["import", a, b, "--db", db, "--rejects", folder + "/rejects.csv"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--rejects takes one input file"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/rejects.csv"))
    #expect(!FileManager.default.fileExists(atPath: db))
    let one = try run(["import", a, "--db", db, "--rejects", folder + "/rejects.csv"])
    #expect(one.status == 0)
    let written = try String(contentsOfFile: folder + "/rejects.csv", encoding: .utf8)
    #expect(written.hasPrefix("indicator,agency,year,value,reason\n8-5,法務部,2023,abc,"))
  }

  /// A file that cannot be read is named with the system's reason (exit 66), not
  /// Foundation's "The operation could not be completed".
  @Test func importOfAMissingFileSaysWhy() throws {
    defer { cleanUp() }
    let r = try run(["import", folder + "/missing.csv", "--db", db])
    #expect(r.status == 66)
    #expect(r.stderr.contains(folder + "/missing.csv: cannot read input: No such file or directory"), "\(r.stderr)")
    #expect(!r.stderr.contains("could not be completed"))
  }

  @Test func importReportsAndDryRun() throws {
    defer { cleanUp() }
    let a = try file("a.csv", "agency,year,value\nA,2023,1\nB,2023,x\n")
    var r = try runCLI(["import", "--db", db, a])
    #expect(r.status == 65)
    #expect(r.stderr.contains("a.csv: nothing imported from this file"))
    #expect(r.stderr.hasSuffix("read 0 rows: used 0, rejected 0\n"))
    r = try runCLI(["import", "--db", db, "--skip-bad-rows", "--dry-run", a])
    #expect(r.status == 0)
    #expect(r.stdout.hasSuffix("a.csv (dry run, nothing written): added 1, revised 0, unchanged 0, rejected 1\n"))
    #expect(r.stderr.hasSuffix("read 2 rows: used 1, rejected 1\n"))
    r = try runCLI(["import", "--db", db, "--skip-bad-rows", a, "--received", "115年3月1日"])
    #expect(r.stdout.hasSuffix("added 1, revised 0, unchanged 0, rejected 1\n"))
    r = try runCLI(["import", "--db", db, "--skip-bad-rows", a])
    #expect(r.stdout.contains("already imported"))
    r = try runCLI(["history", "--db", db])
    #expect(r.stdout.hasPrefix("indicator,agency,period,value,file,line,sha256,received,imported_at,reason\n,A,2023,1,"))
    let sha = SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: a))))
    #expect(r.stdout.contains(",2,\(sha),2026-03-01,"))
    #expect(try Workspace(path: db, create: false).integrityCheck() == "ok")
  }

  /// python3's sqlite3 module (standard library) bumps the schema version from outside.
  @Test(.enabled(if: ExternalTool.python.testsRun, "needs python3"))
  func newerSchemaExits66() throws {
    defer { cleanUp() }
    let a = try file("a.csv", "agency,year,value\nA,2023,1\n")
    #expect(try runCLI(["import", "--db", db, a]).status == 0)
    let bump = Process()
    bump.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    bump.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=7'); c.commit()", db]
    try bump.run()
    bump.waitUntilExit()
    let r = try runCLI(["export", "--db", db])
    #expect(r.status == 66)
    #expect(r.stderr.contains("schema version 7, newer than this integrity-stats understands (1)"))
  }

  @Test func statusOnTheRosterFixture() throws {
    defer { cleanUp() }
    let q1 = try file("q1.csv", "指標,機關,年度,季別,件數\n8-6-1,臺北地檢署,114,1,3\n8-6-1,新竹地檢署,114,1,2\n")
    #expect(try runCLI(["import", "--db", db, q1, "--received", "2025-04-10"]).status == 0)
    let roster = fixturePath("workspace/roster.csv")
    var r = try runCLI(["status", "--db", db, "--roster", roster, "--year", "2025", "--quarter", "1", "--as-of", "2025-05-01"])
    #expect(r.status == 0)
    #expect(r.stdout == """
      target,agency,period,state,due,received,revised,source
      8-6-1,臺灣臺北地方檢察署,2025Q1,on-time,2025-04-20,2025-04-10,false,\(q1)
      8-6-1,臺灣士林地方檢察署,2025Q1,missing,2025-04-20,,false,
      8-6-1,臺灣新竹地方檢察署,2025Q1,unexpected,,2025-04-10,false,\(q1)

      """)
    r = try runCLI(["status", "--db", db, "--roster", roster, "--year", "2025", "--quarter", "1", "--as-of", "2025-05-01", "--summary", "total"])
    #expect(r.stdout == "total,expected,received,on_time,late,missing,not_due,unexpected,reporting_rate,timeliness_rate\ntotal,2,1,1,0,1,0,1,0.5,0.5\n")
  }

  /// The Parquet export read back by pyarrow and DuckDB: same rows as the CSV export,
  /// exact decimals, nulls where values are missing.
  @Test(.enabled(if: ExternalTool.parquetPython.testsRun, "needs pyarrow and duckdb (scripts/setup.sh --test)"))
  func parquetReadsBackInPyarrowAndDuckDB() throws {
    defer { cleanUp() }
    let a = try file(
      "a.csv", "指標,機關,年度,季別,件數,目標值,單位\n8-6-1,臺北地檢署,113,1,3,13,件\n8-6-1,臺北地檢署,113,2,…,13,件\n8-6-1,士林地檢署,113,1,\"2r\",10.25,件\n")
    #expect(try runCLI(["import", "--db", db, a]).status == 0)
    let parquet = folder + "/out.parquet"
    #expect(try runCLI(["export", "--db", db, "--format", "parquet", "-o", parquet]).status == 0)
    #expect(try runCLI(["export", "--db", db, "--format", "parquet", "--provenance", "-o", parquet + ".p"]).status == 0)
    let script = """
      import sys, pyarrow.parquet as pq, duckdb
      t = pq.read_table(sys.argv[1])
      print(t.schema.names)
      print([str(x) for x in t.column('value').to_pylist()], [str(x) for x in t.column('target').to_pylist()])
      print(t.column('revised').to_pylist(), t.column('quarter').to_pylist())
      print(duckdb.sql(f"select count(*), sum(value), max(target), count(value) from read_parquet('{sys.argv[1]}')").fetchall())
      print(duckdb.sql(f"select agency, file is not null, length(sha256) from read_parquet('{sys.argv[2]}') order by agency limit 1").fetchall())
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, parquet, parquet + ".p"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    #expect(text == """
      ['indicator', 'agency', 'year', 'quarter', 'value', 'target', 'unit', 'revised']
      ['2', '3', 'None'] ['10.25', '13.00', '13.00']
      [True, False, False] [1, 1, 2]
      [(3, Decimal('5'), Decimal('13.00'), 2)]
      [('臺灣士林地方檢察署', True, 64)]

      """)
  }
}

extension WorkspaceCLITests {
  /// The demo imports SampleData into a fresh workspace and reports its status.
  @Test func demoReportHasTheStatusSection() throws {
    defer { cleanUp() }
    let out = folder + "/demo"
    let kept = folder + "/demo.sqlite"
    let r = try runCLI(["demo", "--out", out, "--workspace", kept])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("workspace: SampleData/synthetic_target_cases_quarterly.csv: added 176, revised 0, unchanged 0, rejected 0"))
    let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
    #expect(html.contains("<section id=\"status\""))
    let status = try String(contentsOfFile: out + "/status.csv", encoding: .utf8)
    #expect(status.hasPrefix("target,agency,period,state,due,received,revised,source\n"))
    // The quarterly file came on 2025-01-15: Q4 2024 (due 2025-01-20) on time, Q1 (due 2024-04-20) late.
    #expect(status.contains("8-6-1,臺灣臺北地方檢察署,2024Q4,on-time,2025-01-20,2025-01-15,false,SampleData/synthetic_target_cases_quarterly.csv\n"))
    #expect(status.contains("8-6-1,臺灣臺北地方檢察署,2024Q1,late,2024-04-20,2025-01-15,false,"))
    #expect(try Workspace(path: kept, create: false).integrityCheck() == "ok")
    // A second demo into the same workspace is refused: it must be fresh.
    #expect(try runCLI(["demo", "--out", out, "--workspace", kept]).status == 64)
  }
}
