package connectors

// S3Spec is the `s3` connector: objects under a prefix.
var S3Spec = &Spec{
	Name:   "s3",
	Doc:    "Reads the objects under an `s3://bucket/prefix/` (once, or continuously with `discovery`) and writes rolled, partitioned files there.",
	Source: true,
	Sink:   true,
	Options: join([]Option{
		{Name: "path", Type: OptString, Required: true, Doc: "`s3://bucket/prefix/`"},
		{Name: "endpoint", Type: OptString, Doc: "endpoint URL of an S3-compatible store; default: AWS"},
		{Name: "region", Type: OptString, Default: "us-east-1", Doc: "AWS region"},
		{Name: "discovery", Type: OptString, Use: SourceOnly,
			Doc: "`poll` (list the prefix every `poll_interval`) or an SQS queue URL receiving S3 event notifications; without it the objects present at start are read once and the source ends"},
		{Name: "poll_interval", Type: OptDuration, Default: "10s", Use: SourceOnly,
			Doc: "listing period with `discovery = 'poll'`"},
		formatOption(Both, "json", "csv", "avro", "parquet"),
		errorSinkOption,
	}, lakeSinkOptions),
}
