package connectors

// KafkaSpec is the `kafka` connector.
var KafkaSpec = &Spec{
	Name:   "kafka",
	Doc:    "Reads and writes a Kafka topic; a source is bounded when `end` is set.",
	Source: true,
	Sink:   true,
	Options: []Option{
		{Name: "topic", Type: OptString, Required: true, Doc: "topic name"},
		{Name: "brokers", Type: OptString, Default: "localhost:9092", Doc: "comma-separated bootstrap brokers `host:port`"},
		{Name: "group_id", Type: OptString, Use: SourceOnly,
			Doc: "consumer group: partitions are shared between processes with the same group and offsets are committed"},
		{Name: "start", Type: OptPosition, Default: "earliest", Use: SourceOnly,
			Doc: "where to start without committed offsets: `earliest`, `latest`, or a timestamp (RFC 3339 or epoch ms)"},
		{Name: "end", Type: OptPosition, Use: SourceOnly,
			Doc: "`latest`: stop at the offsets that are latest when the query starts (a bounded replay), or a timestamp; default: never stop"},
		formatOption(Both, "json", "csv", "avro"),
		{Name: "schema_registry", Type: OptString,
			Doc: "schema registry URL; with `format = 'avro'` records use the Confluent wire format"},
		{Name: "key", Type: OptString,
			Doc: "sink: comma-separated columns that form the record key (partitioning); source: the column that receives the record key"},
		{Name: "compression", Type: OptEnum, Enum: []string{"none", "gzip", "snappy", "lz4", "zstd"}, Default: "none", Use: SinkOnly,
			Doc: "record batch compression"},
		{Name: "partitions", Type: OptInt, Use: SinkOnly,
			Doc: "number of partitions when the sink creates the topic"},
		errorSinkOption,
	},
}
