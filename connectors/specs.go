package connectors

import (
	"sort"
	"strings"
)

// specList is the explicit list of every connector's spec, in documentation order. Each spec
// lives in its own spec_<name>.go file so that the planner imports specs without compiling any
// client library.
var specList = []*Spec{FileSpec, StdinSpec, StdoutSpec, DatagenSpec, KafkaSpec, KinesisSpec, S3Spec}

// Specs returns the specs of every connector, in documentation order.
func Specs() []*Spec { return append([]*Spec(nil), specList...) }

// Names returns the names of every connector, sorted.
func Names() []string {
	out := make([]string, len(specList))
	for i, s := range specList {
		out[i] = s.Name
	}
	sort.Strings(out)
	return out
}

// Lookup returns the spec of the connector called name (case-insensitive).
func Lookup(name string) (*Spec, bool) {
	for _, s := range specList {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return nil, false
}

// errorSinkOption is accepted by every source.
var errorSinkOption = Option{
	Name: "error_sink", Type: OptURI, Use: SourceOnly,
	Doc: "where rejected records go: `file://dir/` (relative to the working directory), " +
		"`s3://bucket/prefix/` or `kafka://topic`; without it they are counted, logged and dropped",
}

// formatOption returns the `format` option accepting the given formats, the first being the default.
func formatOption(use Use, formats ...string) Option {
	return Option{
		Name: "format", Type: OptEnum, Enum: formats, Default: formats[0], Use: use,
		Doc: "record encoding: " + strings.Join(formats, ", "),
	}
}

// lakeSinkOptions are the options of sinks that write files into a folder (file, s3).
var lakeSinkOptions = []Option{
	{Name: "partition_by", Type: OptString, Use: SinkOnly,
		Doc: "comma-separated columns for Hive-style `col=value/` folders; `dt` and `hour` are derived from event time when not columns"},
	{Name: "roll_interval", Type: OptDuration, Use: SinkOnly,
		Doc: "start a new file after this much time (e.g. `60s`); setting it makes `path` a folder"},
	{Name: "roll_size", Type: OptSize, Use: SinkOnly,
		Doc: "start a new file after this many bytes (e.g. `128MB`); setting it makes `path` a folder"},
	{Name: "roll_rows", Type: OptInt, Use: SinkOnly,
		Doc: "start a new file after this many rows; setting it makes `path` a folder"},
	{Name: "compression", Type: OptEnum, Enum: []string{"zstd", "snappy", "none"}, Default: "zstd", Use: SinkOnly,
		Doc: "Parquet page compression, and the block codec of an Avro `file` sink (ignored by json and csv)"},
	{Name: "row_group_size", Type: OptInt, Default: "65536", Use: SinkOnly,
		Doc: "rows per Parquet row group"},
}

// join concatenates option lists into a new slice.
func join(lists ...[]Option) []Option {
	var out []Option
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
