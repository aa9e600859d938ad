package connectors

// StdinSpec is the `stdin` source: JSON lines or CSV on standard input, bounded at end of input.
var StdinSpec = &Spec{
	Name:    "stdin",
	Doc:     "Reads JSON lines or CSV (with a header row) from standard input; ends at end of input.",
	Source:  true,
	Bounded: true,
	Options: []Option{formatOption(SourceOnly, "json", "csv"), errorSinkOption},
}

// StdoutSpec is the `stdout` sink: JSON lines or CSV, flushed after every batch.
var StdoutSpec = &Spec{
	Name:    "stdout",
	Doc:     "Writes rows to standard output as JSON lines or CSV, flushed after every batch.",
	Sink:    true,
	Options: []Option{formatOption(SinkOnly, "json", "csv")},
}
