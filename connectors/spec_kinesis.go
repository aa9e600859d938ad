package connectors

// KinesisSpec is the `kinesis` connector.
var KinesisSpec = &Spec{
	Name:   "kinesis",
	Doc:    "Reads and writes a Kinesis data stream; a source is bounded when `end` is set.",
	Source: true,
	Sink:   true,
	Options: []Option{
		{Name: "stream", Type: OptString, Required: true, Doc: "stream name"},
		{Name: "region", Type: OptString, Default: "us-east-1", Doc: "AWS region"},
		{Name: "endpoint", Type: OptString, Doc: "endpoint URL (e.g. a local Kinesis); default: the AWS endpoint of `region`"},
		{Name: "start", Type: OptPosition, Default: "earliest", Use: SourceOnly,
			Doc: "`earliest` (TRIM_HORIZON), `latest`, or a timestamp (RFC 3339 or epoch ms)"},
		{Name: "end", Type: OptPosition, Use: SourceOnly,
			Doc: "`latest`: stop at the records that are latest when the query starts, or a timestamp; default: never stop"},
		formatOption(Both, "json", "csv", "avro"),
		{Name: "key", Type: OptString, Use: SinkOnly,
			Doc: "comma-separated columns that form the partition key; default: a random key"},
		errorSinkOption,
	},
}
