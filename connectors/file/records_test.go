package file

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hamba/avro/v2/ocf"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/connectors/format/parquet"
	"github.com/sluicedata/sluice/types"
)

// writeParquet writes the batches to dir/name with the lake's Parquet writer.
func writeParquet(t *testing.T, path string, s *types.Schema, c *collector) {
	t.Helper()
	var buf bytes.Buffer
	w, err := parquet.NewWriter(&buf, s, parquet.Options{RowGroupSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range c.batches {
		if err := w.Write(b, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	writeBytes(t, path, buf.Bytes())
}

func writeBytes(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipped(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParquetSource reads a folder of Parquet files (one gzip-compressed, one that is not
// Parquet) with event time, as the JSON lines they were written from.
func TestParquetSource(t *testing.T) {
	base := t.TempDir()
	src := run(t, readings(false), acceptance, map[string]string{"path": "readings.jsonl"})
	writeParquet(t, filepath.Join(base, "in/a.parquet"), readings(false), src)
	data, _ := os.ReadFile(filepath.Join(base, "in/a.parquet"))
	writeBytes(t, filepath.Join(base, "in/b.parquet.gz"), gzipped(t, data))
	writeBytes(t, filepath.Join(base, "in/c.parquet"), []byte(`{"sensor":"not parquet"}`))
	c := run(t, readings(true), base, map[string]string{"path": "in", "format": "parquet"})
	if c.rows() != 800 {
		t.Fatalf("rows %d, want 800", c.rows())
	}
	if len(c.rejects) != 1 || c.rejects[0].Reason != "decode" || c.rejects[0].Position != "c.parquet" ||
		!strings.Contains(c.rejects[0].Message, "not a readable Parquet file") {
		t.Fatalf("rejects %+v", c.rejects)
	}
	b := c.batches[0]
	if b.Origin.Prefix != "a.parquet:" || b.Origin.Pos[4] != 5 || b.Time[1] != 1767225602444 ||
		string(b.Origin.Raw[4]) != string(format.AppendJSONRow(nil, src.batches[0], 4, nil)) {
		t.Errorf("origin %s%d raw %s time %d", b.Origin.Prefix, b.Origin.Pos[4], b.Origin.Raw[4], b.Time[1])
	}
	last := c.batches[len(c.batches)-1]
	if last.Origin.Prefix != "b.parquet.gz:" || last.Origin.Pos[last.Len-1] != 400 {
		t.Errorf("last row %s%d", last.Origin.Prefix, last.Origin.Pos[last.Len-1])
	}
	s, err := Schema(map[string]string{"path": "in", "format": "parquet"}, base)
	if err != nil || fmt.Sprint(s.Names()) != "[sensor site temp humidity ts]" || !s.Fields[3].Type.Equal(types.Int) {
		t.Errorf("schema %v, %v", s, err)
	}
}

// TestAvroSource reads an Avro container file (and its gzip-compressed copy); a NULL in a NOT
// NULL column and a value of the wrong type are error records with the record's JSON.
func TestAvroSource(t *testing.T) {
	base := t.TempDir()
	const schema = `{"type":"record","name":"R","fields":[{"name":"sensor","type":["null","string"]},
		{"name":"temp","type":"double"},{"name":"humidity","type":"long"},{"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}}]}`
	var buf bytes.Buffer
	enc, err := ocf.NewEncoder(schema, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []map[string]any{
		{"sensor": "s1", "temp": 21.5, "humidity": int64(26), "ts": int64(1000)},
		{"sensor": nil, "temp": 20.0, "humidity": int64(1), "ts": int64(2000)},
		{"sensor": "s3", "temp": 1.0, "humidity": int64(3e9), "ts": int64(3000)},
	} {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	enc.Close()
	writeBytes(t, filepath.Join(base, "r.avro"), buf.Bytes())
	writeBytes(t, filepath.Join(base, "r2.avro.gz"), gzipped(t, buf.Bytes()))
	c := run(t, readings(true), base, map[string]string{"path": "r*.avro*", "format": "avro"})
	var got []string
	for _, b := range c.batches {
		for i := 0; i < b.Len; i++ {
			got = append(got, fmt.Sprintf("%s%d %v", b.Origin.Prefix, b.Origin.Pos[i], b.Row(i)))
		}
	}
	for _, r := range c.rejects {
		got = append(got, fmt.Sprintf("%s %s %s %s", r.Reason, r.Position, r.Message, r.Raw))
	}
	want := `r.avro:1 [s1 <nil> 21.5 26 1000]
r2.avro.gz:1 [s1 <nil> 21.5 26 1000]
not_null r.avro:2 record 2: column sensor is NOT NULL but the value is null or missing {"sensor":null,"temp":20.0,"humidity":1,"ts":"1970-01-01T00:00:02.000Z"}
schema r.avro:3 record 3: column humidity: 3000000000 is out of range for INT {"sensor":"s3","temp":1.0,"humidity":3000000000,"ts":"1970-01-01T00:00:03.000Z"}
not_null r2.avro.gz:2 record 2: column sensor is NOT NULL but the value is null or missing {"sensor":null,"temp":20.0,"humidity":1,"ts":"1970-01-01T00:00:02.000Z"}
schema r2.avro.gz:3 record 3: column humidity: 3000000000 is out of range for INT {"sensor":"s3","temp":1.0,"humidity":3000000000,"ts":"1970-01-01T00:00:03.000Z"}`
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("got\n%s\nwant\n%s", g, want)
	}
	s, err := Schema(map[string]string{"path": "r.avro", "format": "avro"}, base)
	if err != nil || fmt.Sprint(s.Fields) != "[{sensor STRING false} {temp DOUBLE true} {humidity BIGINT true} {ts TIMESTAMP true}]" {
		t.Errorf("schema %v, %v", s.Fields, err)
	}
	if _, err := Schema(map[string]string{"path": "r.avro", "format": "json"}, base); err == nil {
		t.Error("json has a schema?")
	}
}

// TestAvroSinkRoundTrip writes the readings to an Avro file sink and reads them back.
func TestAvroSinkRoundTrip(t *testing.T) {
	base := t.TempDir()
	c := run(t, readings(false), acceptance, map[string]string{"path": "readings.jsonl"})
	opts := map[string]string{"path": "out/r.avro", "format": "avro", "compression": "snappy"}
	sink, err := NewSink(connectors.SinkConfig{Sink: "r", Schema: readings(false), Options: opts, BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range c.batches {
		if err := sink.Write(context.Background(), b); err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			continue
		}
		if err := sink.(connectors.Flusher).Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		if n := run(t, readings(false), base, opts).rows(); n != b.Len { // the flushed rows are in the file
			t.Fatalf("after Flush: %d rows, want %d", n, b.Len)
		}
	}
	if err := sink.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	back := run(t, readings(false), base, opts)
	if back.rows() != 400 || len(back.rejects) != 0 {
		t.Fatalf("read back %d rows, rejects %v", back.rows(), back.rejects)
	}
	for i, b := range back.batches {
		for r := 0; r < b.Len; r++ {
			if fmt.Sprint(b.Row(r)) != fmt.Sprint(c.batches[i].Row(r)) {
				t.Fatalf("row %d: %v != %v", r, b.Row(r), c.batches[i].Row(r))
			}
		}
	}
	s, err := Schema(opts, base)
	if err != nil || fmt.Sprint(s.Fields) != "[{sensor STRING false} {site STRING false} {temp DOUBLE false} {humidity INT false} {ts TIMESTAMP false}]" {
		t.Errorf("schema %v, %v", s, err)
	}
}
