package avro

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

type discard struct{}

func (discard) Emit(*types.Batch) error       { return nil }
func (discard) Reject(connectors.ErrorRecord) {}

func benchSchema() *types.Schema {
	return types.NewSchema(
		types.Field{Name: "event_id", Type: types.String},
		types.Field{Name: "customer_id", Type: types.String},
		types.Field{Name: "amount", Type: types.Double},
		types.Field{Name: "country", Type: types.String},
		types.Field{Name: "ts", Type: types.Timestamp},
	)
}

func benchBatch(n int) *types.Batch {
	b := types.NewBatch(benchSchema(), n)
	countries := []string{"DE", "FR", "US", "JP", "BR"}
	for i := 0; i < n; i++ {
		b.Cols[0].Str = append(b.Cols[0].Str, fmt.Sprintf("evt-%09d", i))
		b.Cols[1].Str = append(b.Cols[1].Str, fmt.Sprintf("cust-%05d", i%5000))
		b.Cols[2].F64 = append(b.Cols[2].F64, float64(i%10000)/100)
		b.Cols[3].Str = append(b.Cols[3].Str, countries[i%5])
		b.Cols[4].I64 = append(b.Cols[4].I64, 1764064800000+int64(i)*10)
	}
	b.Len = n
	return b
}

// BenchmarkReader reads a snappy container of the 5-column rows into batches through
// format.Records (conversion, NOT NULL checks and raw JSON included); rows/s is reported.
func BenchmarkReader(b *testing.B) {
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, benchSchema(), "snappy")
	for i := 0; i < 16; i++ {
		if err := w.Write(benchBatch(4096)); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
	data := buf.Bytes()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rd, err := Open(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		r := &format.Records{Source: "s", Name: "f.avro", Builder: format.NewBuilder(benchSchema(), 0), Out: discard{}}
		if err := r.Read(context.Background(), rd); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*16*4096)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkWriter encodes the 5-column rows into a snappy container; rows/s is reported.
func BenchmarkWriter(b *testing.B) {
	batch := benchBatch(4096)
	var buf bytes.Buffer
	w, _ := NewWriter(&buf, batch.Schema, "snappy")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := w.Write(batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*4096)/b.Elapsed().Seconds(), "rows/s")
}
