// swift-tools-version: 6.1
//
// libFuzzer target for the agency-file reader (issue 4 item 10): the CSV scanner,
// text decoding, number, period and observation parsing. A separate package so the
// root never builds with sanitizers. Build and run with ./run.sh (bounded time).
import PackageDescription

let package = Package(
  name: "IntegrityStatsFuzz",
  dependencies: [.package(name: "IntegrityStats", path: "..")],
  targets: [
    .executableTarget(
      name: "ReaderFuzzer",
      dependencies: [.product(name: "IntegrityStats", package: "IntegrityStats")])
  ]
)
