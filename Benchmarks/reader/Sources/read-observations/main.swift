import IntegrityStats

// Reads an agency file into observations (decode, scan, parse: the read path every
// command shares) and prints the row account, like pandas.read_csv returning a frame.
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : nil
let set = try ObservationReader.read(path: path)
print(set.summary, "observations:", set.observations.count)
