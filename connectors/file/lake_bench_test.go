package file

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// benchRows is the size of the JSON input of BenchmarkJSONToLake.
const benchRows = 200_000

func orderSchema() *types.Schema {
	s := types.NewSchema(
		types.Field{Name: "event_id", Type: types.String, NotNull: true},
		types.Field{Name: "customer_id", Type: types.String},
		types.Field{Name: "amount", Type: types.Double},
		types.Field{Name: "country", Type: types.String},
		types.Field{Name: "ts", Type: types.Timestamp},
	)
	s.EventTime, s.TimeCol = true, 4
	return s
}

// writeOrders writes n JSON lines of 5-column orders, one every 50 ms of event time.
func writeOrders(b *testing.B, path string, n int) int64 {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	countries := []string{"DE", "FR", "US", "JP", "BR", "IN", "GB", "ES"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, `{"event_id":"evt-%09d","customer_id":"cust-%05d","amount":%d.%02d,"country":"%s","ts":"%s"}`+"\n",
			i, (i*7919)%20000, (i*31)%500, i%100, countries[(i*13)%len(countries)], types.FormatTimestamp(1764064800000+int64(i)*50))
	}
	w.Flush()
	f.Close()
	st, _ := os.Stat(path)
	return st.Size()
}

// lakePipe passes the source's batches to the sink.
type lakePipe struct{ sink connectors.Sink }

func (p lakePipe) Emit(b *types.Batch) error         { return p.sink.Write(context.Background(), b) }
func (p lakePipe) Reject(rec connectors.ErrorRecord) {}

// BenchmarkJSONToLake reads JSON lines with the file source and writes them with the lake sink
// (partitioned by dt and hour, 128 MB rolls): events/s and bytes on disk per JSON byte.
func BenchmarkJSONToLake(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "orders.jsonl")
	inSize := writeOrders(b, in, benchRows)
	for _, c := range []struct{ name, format, compression string }{
		{"parquet-zstd", "parquet", "zstd"}, {"parquet-snappy", "parquet", "snappy"}, {"json-lines", "json", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			var disk int64
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(dir, fmt.Sprintf("%s-%d", c.name, i))
				runJSONToLake(b, in, out, c.format, c.compression)
				disk = duSize(out)
				os.RemoveAll(out)
			}
			b.ReportMetric(float64(b.N*benchRows)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(b.N*benchRows)/(cpuTime()-cpu0).Seconds(), "events/cpu-s")
			b.ReportMetric(float64(disk)/float64(inSize), "disk/json")
		})
	}
}

func runJSONToLake(b *testing.B, in, out, format, compression string) {
	ctx := context.Background()
	sch := orderSchema()
	src, err := NewSource(connectors.SourceConfig{Stream: "orders", Schema: sch, Options: map[string]string{"path": in, "format": "json"}})
	if err != nil {
		b.Fatal(err)
	}
	opts := map[string]string{"path": out, "format": format, "partition_by": "dt,hour", "roll_size": "128MB"}
	if compression != "" {
		opts["compression"] = compression
	}
	sink, err := NewLakeSink(connectors.SinkConfig{Sink: "orders", Schema: sch, Options: opts})
	if err != nil {
		b.Fatal(err)
	}
	if err := src.Run(ctx, lakePipe{sink}); err != nil {
		b.Fatal(err)
	}
	if err := sink.Close(ctx); err != nil {
		b.Fatal(err)
	}
}

// cpuTime is the process's user and system CPU time: on a shared machine, events per CPU second
// is the per-core figure that wall time hides.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// duSize sums the sizes of the data files under dir (the manifest excluded).
func duSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(filepath.Dir(p)) != "_sluice" {
			if st, err := d.Info(); err == nil {
				n += st.Size()
			}
		}
		return nil
	})
	return n
}
