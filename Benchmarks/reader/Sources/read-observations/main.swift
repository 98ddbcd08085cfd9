import IntegrityStats

// Reads an agency file (decode, scan, parse: the read path every command shares) and
// prints the row account, like pandas.read_csv returning a frame: through the columnar
// fast lane when it takes the file (one column per field, keys interned), else into
// `[Observation]` by the general reader.
// As `integrity-stats` does at start-up: one OpenBLAS thread, its idle helpers stopped
// (they would spin beside the two reading cores).
setLinearAlgebraThreads(1)
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : nil
if let (columns, keys, set) = try ObservationReader.readColumns(path: path) {
  print(set.summary, "columns:", columns.count, "indicators:", keys.indicators.count - 1, "agencies:", keys.agencies.count - 1)
} else {
  let set = try ObservationReader.read(path: path)
  print(set.summary, "observations:", set.observations.count)
}
