package connectors

// FileSpec is the `file` connector: bounded JSON lines / CSV / Avro / Parquet files.
var FileSpec = &Spec{
	Name: "file",
	Doc: "Reads local files (a file, every regular file of a directory sorted by name, or a glob) and ends at end of input: " +
		"JSON lines and CSV (gzip-compressed when the name ends in .gz), and Parquet and Avro container files, read whole, record by record " +
		"(positions `file:<row>`; without a column list the columns come from the first file's schema); " +
		"writes one file (JSON lines, CSV or Avro), or a folder of rolled/partitioned files.",
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
