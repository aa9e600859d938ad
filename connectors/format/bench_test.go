package format

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

const benchSchema = "sensor STRING NOT NULL, site STRING, temp DOUBLE, humidity INT, ts TIMESTAMP, time=ts"

// benchLines returns n readings-like JSON lines (about 90 bytes each).
func benchLines(n int) []byte {
	var buf bytes.Buffer
	sites := []string{"north", "south", "east"}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			fmt.Fprintf(&buf, `{"sensor":"s%02d","site":"%s","temp":%d.%d,"humidity":%d,"ts":%d}`+"\n",
				i%10, sites[i%3], i%45, i%10, i%100, 1767225600000+int64(i)*37)
		} else {
			fmt.Fprintf(&buf, `{"sensor":"s%02d","site":"%s","temp":%d.%d,"humidity":%d,"ts":"2026-01-01T00:%02d:%02d.%03dZ"}`+"\n",
				i%10, sites[i%3], i%45, i%10, i%100, i/60%60, i%60, i%1000)
		}
	}
	return buf.Bytes()
}

type discard struct{ rows, rejects int }

func (d *discard) Emit(b *types.Batch) error         { d.rows += b.Len; return nil }
func (d *discard) Reject(rec connectors.ErrorRecord) { d.rejects++ }

// BenchmarkJSONDecode reports events/s for 5-column records read, split and decoded.
func BenchmarkJSONDecode(b *testing.B) {
	const n = 100000
	data, s := benchLines(n), parseSchema(benchSchema)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out := &discard{}
		r := &Reader{Source: "r", Name: "bench", Decoder: NewJSONDecoder(s), Builder: NewBuilder(s, 0), Out: out}
		if err := r.Read(context.Background(), bytes.NewReader(data)); err != nil || out.rows != n {
			b.Fatal(err, out.rows, out.rejects)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkJSONEncode reports events/s for 5-column rows encoded as JSON lines.
func BenchmarkJSONEncode(b *testing.B) {
	const n = 100000
	data, s := benchLines(n), parseSchema(benchSchema)
	c := &collector{}
	r := &Reader{Source: "r", Name: "bench", Decoder: NewJSONDecoder(s), Builder: NewBuilder(s, 0), Out: c}
	if err := r.Read(context.Background(), bytes.NewReader(data)); err != nil {
		b.Fatal(err)
	}
	enc := NewJSONEncoder(s)
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		for _, bt := range c.batches {
			buf = enc.AppendBatch(buf[:0], bt)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
}
