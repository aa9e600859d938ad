package parquet

import (
	"bytes"
	"context"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

type discard struct{}

func (discard) Emit(*types.Batch) error       { return nil }
func (discard) Reject(connectors.ErrorRecord) {}

// BenchmarkReader reads a zstd file of the 5-column rows into batches through format.Records
// (conversion, NOT NULL checks and raw JSON included); rows/s is reported.
func BenchmarkReader(b *testing.B) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, benchSchema(), Options{})
	for i := 0; i < 16; i++ {
		if err := w.Write(benchBatch(4096), nil); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
	data := buf.Bytes()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rd, err := Open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		r := &format.Records{Source: "s", Name: "f.parquet", Builder: format.NewBuilder(benchSchema(), 0), Out: discard{}}
		if err := r.Read(context.Background(), rd); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*16*4096)/b.Elapsed().Seconds(), "rows/s")
}
