package parquet

import (
	"fmt"
	"io"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/types"
)

// benchSchema is the 5-column row of the design's performance target.
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
	s := benchSchema()
	b := types.NewBatch(s, n)
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

// BenchmarkColumnWriter measures the column-oriented path the sink uses (rows/s is reported).
func BenchmarkColumnWriter(b *testing.B) {
	for _, codec := range []string{"zstd", "snappy", "none"} {
		b.Run(codec, func(b *testing.B) {
			batch := benchBatch(4096)
			b.ResetTimer()
			w, _ := NewWriter(io.Discard, batch.Schema, Options{Compression: codec})
			for i := 0; i < b.N; i++ {
				if err := w.Write(batch, nil); err != nil {
					b.Fatal(err)
				}
			}
			w.Close()
			b.ReportMetric(float64(b.N*batch.Len)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkRowWriter is the alternative measured against BenchmarkColumnWriter: one pq.Row per
// row through Writer.WriteRows.
func BenchmarkRowWriter(b *testing.B) {
	batch := benchBatch(4096)
	ps, _ := Schema("b", batch.Schema, nil)
	rows := make([]pq.Row, batch.Len)
	for i := range rows {
		rows[i] = make(pq.Row, 5)
	}
	b.ResetTimer()
	w := pq.NewWriter(io.Discard, ps, pq.Compression(&pq.Zstd))
	for n := 0; n < b.N; n++ {
		for i := range rows {
			r := rows[i][:0]
			r = append(r, stringValue(batch.Cols[0].Str[i]).Level(0, 1, 0), stringValue(batch.Cols[1].Str[i]).Level(0, 1, 1),
				pq.DoubleValue(batch.Cols[2].F64[i]).Level(0, 1, 2), stringValue(batch.Cols[3].Str[i]).Level(0, 1, 3),
				pq.Int64Value(batch.Cols[4].I64[i]).Level(0, 1, 4))
			rows[i] = r
		}
		if _, err := w.WriteRows(rows); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
	b.ReportMetric(float64(b.N*batch.Len)/b.Elapsed().Seconds(), "rows/s")
}
