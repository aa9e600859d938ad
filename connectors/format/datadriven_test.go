package format

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/sluicedata/sluice/types"
)

// TestDataDriven runs testdata/*.test:
//
//	decode format=json|csv schema=<schema>   input lines → rows and rejections
//	encode format=json|csv schema=<schema>   JSON lines decoded, then encoded again
func TestDataDriven(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.test")
	for _, path := range paths {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			var format, schema string
			d.ScanArgs(t, "format", &format)
			for _, a := range d.CmdArgs {
				if a.Key == "schema" && a.Vals[0] != "none" {
					schema = strings.Join(a.Vals, ", ")
				}
			}
			s := parseSchema(schema)
			switch d.Cmd {
			case "decode":
				return decodeText(t, format, s, d.Input)
			case "encode":
				return encodeText(t, format, s, d.Input)
			}
			t.Fatalf("unknown command %s", d.Cmd)
			return ""
		})
	}
}

func decodeText(t *testing.T, format string, s *types.Schema, input string) string {
	c := &collector{}
	decodeInto(t, format, s, input, c, 2)
	return c.rows()
}

func decodeInto(t *testing.T, format string, s *types.Schema, input string, c *collector, rows int) {
	dec, err := NewDecoder(format, s)
	if err != nil {
		t.Fatal(err)
	}
	r := &Reader{Source: "src", Name: "in." + format, Decoder: dec, Builder: NewBuilder(s, rows), Out: c,
		Chunk: 16, Clock: func() int64 { return 42 }}
	if err := r.Read(context.Background(), strings.NewReader(input)); err != nil {
		t.Fatal(err)
	}
}

func encodeText(t *testing.T, format string, s *types.Schema, input string) string {
	c := &collector{}
	decodeInto(t, "json", s, input, c, 1024)
	enc, err := NewEncoder(format, s)
	if err != nil {
		t.Fatal(err)
	}
	out := enc.Header(nil)
	for _, b := range c.batches {
		out = enc.AppendBatch(out, b)
	}
	for _, r := range c.rejects {
		out = append(out, "reject "+r.Message+"\n"...)
	}
	return string(out)
}
