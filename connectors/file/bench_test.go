package file

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// pipe writes every emitted batch to a sink.
type pipe struct {
	sink connectors.Sink
	rows int
}

func (p *pipe) Emit(b *types.Batch) error {
	p.rows += b.Len
	return p.sink.Write(context.Background(), b)
}
func (p *pipe) Reject(connectors.ErrorRecord) {}

// BenchmarkFileToFile reports events/s of file → JSON decode → JSON encode → file, 5 columns.
func BenchmarkFileToFile(b *testing.B) {
	const n = 200000
	base := b.TempDir()
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		fmt.Fprintf(&buf, `{"sensor":"s%02d","site":"north","temp":%d.%d,"humidity":%d,"ts":%d}`+"\n", i%10, i%45, i%10, i%100, 1767225600000+int64(i)*37)
	}
	if err := os.WriteFile(filepath.Join(base, "in.jsonl"), buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	s := readings(true)
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		src, err := NewSource(connectors.SourceConfig{Stream: "r", Schema: s, Options: map[string]string{"path": "in.jsonl"}, BaseDir: base})
		if err != nil {
			b.Fatal(err)
		}
		sink, err := NewSink(connectors.SinkConfig{Sink: "o", Schema: s, Options: map[string]string{"path": "out.jsonl"}, BaseDir: base})
		if err != nil {
			b.Fatal(err)
		}
		p := &pipe{sink: sink}
		if err := src.Run(context.Background(), p); err != nil || p.rows != n {
			b.Fatal(err, p.rows)
		}
		if err := sink.Close(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
}
