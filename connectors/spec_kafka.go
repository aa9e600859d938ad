package connectors

import (
	"fmt"
	"strconv"
	"strings"
)

// KafkaSpec is the `kafka` connector.
var KafkaSpec = &Spec{
	Name:   "kafka",
	Doc:    "Reads and writes a Kafka topic; a source is bounded when `end` is set.",
	Source: true,
	Sink:   true,
	Options: []Option{
		{Name: "topic", Type: OptString, Required: true,
			Doc: "topic name; a source also accepts a comma-separated list of topics, or a regular expression between slashes (`/orders\\..*/`)"},
		{Name: "brokers", Type: OptString, Default: "localhost:9092",
			Doc: "comma-separated bootstrap brokers `host:port`; when not set, $SLUICE_KAFKA_BROKERS if set, else localhost:9092"},
		{Name: "group_id", Type: OptString, Use: SourceOnly,
			Doc: "consumer group: partitions are shared between processes with the same group and offsets are committed"},
		{Name: "start", Type: OptString, Default: "earliest", Use: SourceOnly,
			Doc: "where to start without committed offsets: `earliest`, `latest`, a timestamp (RFC 3339 or epoch ms), or offsets `partition:offset,…` (other partitions start at the earliest)"},
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
		{Name: "idle_timeout", Type: OptDuration, Default: "5s", Use: SourceOnly,
			Doc: "a partition without a new record for this long stops holding the watermark back"},
		{Name: "commit_interval", Type: OptDuration, Default: "5s", Use: SourceOnly,
			Doc: "how often the consumer group's offsets are committed: those of rows every sink has acknowledged, or else those emitted one interval earlier"},
		{Name: "session_timeout", Type: OptDuration, Default: "45s", Use: SourceOnly,
			Doc: "how long the group waits for a silent member (a crashed process) before giving its partitions to the others"},
		{Name: "headers", Type: OptString, Use: SinkOnly,
			Doc: "the MAP<STRING,STRING> column whose entries become record headers (default: the column `_headers` when there is one)"},
		{Name: "linger", Type: OptDuration, Default: "5ms", Use: SinkOnly,
			Doc: "how long a partition's batch waits for more records before it is sent"},
		{Name: "idempotent", Type: OptBool, Default: "true", Use: SinkOnly,
			Doc: "idempotent producer: retries never duplicate or reorder records within a partition"},
	},
}

// checkKafka checks the kafka options whose values go beyond their type: `start` offsets.
func checkKafka(s *Spec, opts map[string]string, isSource bool) []OptionError {
	if v, ok := lookupFold(opts, "start"); ok && isSource {
		if msg := CheckKafkaStart(v); msg != "" {
			return []OptionError{{Option: "start", Msg: "option start: " + msg}}
		}
	}
	return nil
}

// CheckKafkaStart returns "" when v is a valid kafka `start`: earliest, latest, a timestamp, or
// offsets `partition:offset,…`; else what was expected and found.
func CheckKafkaStart(v string) string {
	if !strings.Contains(v, ":") || checkPosition(v) == "" {
		return checkPosition(v)
	}
	if _, err := ParseKafkaOffsets(v); err != nil {
		return err.Error()
	}
	return ""
}

// ParseKafkaOffsets parses `partition:offset,…` (spaces allowed) into offsets by partition.
func ParseKafkaOffsets(v string) (map[int32]int64, error) {
	out := map[int32]int64{}
	for part := range strings.SplitSeq(v, ",") {
		p, o, ok := strings.Cut(strings.TrimSpace(part), ":")
		pn, perr := strconv.ParseInt(strings.TrimSpace(p), 10, 32)
		on, oerr := strconv.ParseInt(strings.TrimSpace(o), 10, 64)
		if !ok || perr != nil || oerr != nil || pn < 0 || on < 0 {
			return nil, fmt.Errorf("expected earliest, latest, a timestamp or offsets such as 0:100,1:250, found '%s'", v)
		}
		out[int32(pn)] = on
	}
	return out, nil
}
