import IntegrityStats

// Reads an agency file (decode, scan, parse: the read path every command shares) and
// prints the row account, like pandas.read_csv returning a frame: one column per field,
// keys interned, office names by the plan's rule as the commands read them.
// As `integrity-stats` does at start-up: one OpenBLAS thread, its idle helpers stopped
// (they would spin beside the two reading cores).
setLinearAlgebraThreads(1)
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : nil
let options = ObservationReadOptions(agencyName: ProsecutorsOffice.canonicalName)
let (columns, keys, set) = try ObservationReader.readColumns(path: path, options: options)
print(set.summary, "columns:", columns.count, "indicators:", keys.indicators.count - 1, "agencies:", keys.agencies.count - 1)
