package connectors

// FileSpec is the `file` connector: bounded JSON lines / CSV / Avro / Parquet files.
var FileSpec = &Spec{
	Name:    "file",
	Doc:     "Reads local files (a file, every regular file of a directory sorted by name, or a glob) and ends at end of input; writes one file, or a folder of rolled/partitioned files.",
	Source:  true,
	Sink:    true,
	Bounded: true,
	Options: join([]Option{
		{Name: "path", Type: OptString, Required: true,
			Doc: "source: a file, a directory or a glob; sink: a file, or a folder when `partition_by` or a `roll_*` option is set; relative to the working directory"},
		formatOption(Both, "json", "csv", "avro", "parquet"),
		errorSinkOption,
	}, lakeSinkOptions),
}
