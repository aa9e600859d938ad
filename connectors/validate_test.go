package connectors

import (
	"strings"
	"testing"
)

func msgs(errs []OptionError) string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Msg)
	}
	return strings.Join(out, "\n")
}

func TestValidate(t *testing.T) {
	cases := []struct {
		conn   string
		source bool
		opts   map[string]string
		want   string
	}{
		{"file", true, map[string]string{"connector": "file", "path": "a.jsonl", "format": "JSON", "error_sink": "file://errors/"}, ""},
		{"file", true, map[string]string{"pathh": "a.jsonl"},
			"unknown option pathh for connector file (did you mean path?)\nconnector file requires option path"},
		{"file", true, map[string]string{"path": "a", "format": "jsn"}, "option format: expected one of json, csv, avro, parquet, found 'jsn' (did you mean 'json'?)"},
		{"file", true, map[string]string{"path": "a", "roll_size": "128MB"}, "option roll_size applies only when file is a sink, not to a source"},
		{"file", false, map[string]string{"path": "a", "error_sink": "file://e/"}, "option error_sink applies only when file is a source, not to a sink"},
		{"file", false, map[string]string{"path": "a", "roll_size": "12parsecs"}, "option roll_size: expected a size such as 128MB or 64KiB, found '12parsecs'"},
		{"file", false, map[string]string{"path": "a", "roll_interval": "soon"}, "option roll_interval: expected a positive duration such as 60s, 5m or 200ms, found 'soon'"},
		{"file", false, map[string]string{"path": "a", "roll_rows": "-3"}, "option roll_rows: expected a whole number >= 0, found '-3'"},
		{"file", true, map[string]string{"path": "a", "error_sink": "ftp://x"}, "option error_sink: expected a URI file://dir/, s3://bucket/prefix/ or kafka://topic, found 'ftp://x'"},
		{"stdout", true, nil, "connector stdout cannot be a source (it is a sink only)"},
		{"datagen", true, map[string]string{"events": "10", "fields.temp.kind": "sequence", "fields.temp.null_rate": "0.1"}, ""},
		{"datagen", true, map[string]string{"fields.temp.knd": "sequence"}, "unknown option fields.temp.knd for connector datagen (did you mean fields.temp.kind?)"},
		{"datagen", true, map[string]string{"rate": "fast"}, "option rate: expected a whole number >= 0, found 'fast'"},
		{"kafka", true, map[string]string{"topic": "t", "start": "yesterday"}, "option start: expected earliest, latest, or a timestamp (RFC 3339 or epoch ms), found 'yesterday'"},
		{"kafka", true, map[string]string{"topic": "t", "start": "2026-11-25T10:00:00Z", "end": "latest"}, ""},
		{"s3", true, map[string]string{"path": "data/x"}, "option path: expected s3://bucket/prefix/, found 'data/x'"},
		{"s3", false, map[string]string{"path": "s3://b/p/", "partition_by": "dt,hour", "roll_interval": "60s", "roll_size": "128MB", "format": "parquet"}, ""},
	}
	for _, c := range cases {
		s, ok := Lookup(c.conn)
		if !ok {
			t.Fatalf("no spec %s", c.conn)
		}
		got := msgs(s.Validate(c.opts, c.source))
		if c.want == "" && got != "" || c.want != "" && !strings.HasPrefix(got, c.want) {
			t.Errorf("%s %v:\n got %q\nwant %q", c.conn, c.opts, got, c.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"path", "format", "brokers", "topic", "error_sink"}
	for word, want := range map[string]string{"pathh": "path", "fromat": "format", "brokres": "brokers",
		"ERROR_SNK": "error_sink", "xyz": "", "a": "", "tpic": "topic", "completely": ""} {
		if got := Suggest(word, names); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestSpecsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Specs() {
		if seen[s.Name] || s.Doc == "" {
			t.Errorf("spec %q duplicated or undocumented", s.Name)
		}
		seen[s.Name] = true
		for _, o := range s.Options {
			if o.Doc == "" || o.Name != strings.ToLower(o.Name) {
				t.Errorf("%s.%s: missing Doc or not lower-case", s.Name, o.Name)
			}
			if o.Default != "" && checkValue(&o, o.Default) != "" {
				t.Errorf("%s.%s: default %q invalid: %s", s.Name, o.Name, o.Default, checkValue(&o, o.Default))
			}
		}
		if s.Source {
			if _, ok := s.Option("error_sink"); !ok {
				t.Errorf("source %s lacks error_sink", s.Name)
			}
		}
	}
	for _, n := range []string{"file", "stdin", "stdout", "datagen", "kafka", "kinesis", "s3"} {
		if _, ok := Lookup(strings.ToUpper(n)); !ok {
			t.Errorf("Lookup(%s) failed", n)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1000": 1000, "128MB": 128e6, "64KiB": 65536, "1 gib": 1 << 30} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v", in, got, err)
		}
	}
	if _, err := ParseSize("MB"); err == nil {
		t.Error("ParseSize(MB) succeeded")
	}
}

func TestMarkdown(t *testing.T) {
	md := FileSpec.Markdown()
	for _, want := range []string{"### `file`", "| `path` | string | required | source, sink |",
		"| `format` | `json` \\| `csv` \\| `avro` \\| `parquet` | `json` | source, sink |", "| `roll_size` | size |  | sink |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}
