package stdio

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

type collector struct {
	batches chan *types.Batch
	rejects []connectors.ErrorRecord
}

func (c *collector) Emit(b *types.Batch) error       { c.batches <- b; return nil }
func (c *collector) Reject(r connectors.ErrorRecord) { c.rejects = append(c.rejects, r) }

var schema = types.NewSchema(types.Field{Name: "id", Type: types.Int}, types.Field{Name: "name", Type: types.String})

// TestInteractive checks that a line typed on stdin becomes a batch before the input ends.
func TestInteractive(t *testing.T) {
	pr, pw := io.Pipe()
	src, err := NewSource(connectors.SourceConfig{Stream: "in", Schema: schema}, pr)
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{batches: make(chan *types.Batch, 10)}
	done := make(chan error, 1)
	go func() { done <- src.Run(context.Background(), c) }()
	pw.Write([]byte(`{"id":1,"name":"a"}` + "\n"))
	select {
	case b := <-c.batches:
		if b.Len != 1 || b.Origin.Prefix != "stdin:" || b.Origin.Pos[0] != 1 {
			t.Errorf("batch %+v", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no batch after one line")
	}
	pw.Write([]byte("{bad\n" + `{"id":2}`))
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if b := <-c.batches; b.Len != 1 || b.Cols[0].I64[0] != 2 {
		t.Errorf("last batch %+v", b)
	}
	if len(c.rejects) != 1 || c.rejects[0].Position != "stdin:2" {
		t.Errorf("rejects %+v", c.rejects)
	}
}

func TestCSVIn(t *testing.T) {
	src, err := NewSource(connectors.SourceConfig{Stream: "in", Schema: schema, Options: map[string]string{"format": "csv"}},
		strings.NewReader("name,id\nx,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{batches: make(chan *types.Batch, 10)}
	if err := src.Run(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	if b := <-c.batches; b.Cols[0].I64[0] != 5 || b.Cols[1].Str[0] != "x" {
		t.Errorf("row %v", b.Row(0))
	}
}

func TestSink(t *testing.T) {
	for format, want := range map[string]string{
		"json": `{"id":1,"name":"a"}` + "\n" + `{"id":null,"name":"b,c"}` + "\n" + `{"id":1,"name":"a"}` + "\n",
		"csv":  "id,name\n1,a\n,\"b,c\"\n1,a\n",
	} {
		var sb strings.Builder
		s, err := NewSink(connectors.SinkConfig{Sink: "out", Schema: schema, Options: map[string]string{"format": format}}, &sb)
		if err != nil {
			t.Fatal(err)
		}
		b := types.NewBatch(schema, 2)
		b.Cols[0].AppendValue(int64(1))
		b.Cols[1].AppendValue("a")
		b.Cols[0].AppendNull()
		b.Cols[1].AppendValue("b,c")
		b.Len, b.Time = 2, []int64{0, 0}
		s.Write(context.Background(), b)
		s.Write(context.Background(), b.Select([]int{0}))
		if err := s.Close(context.Background()); err != nil || sb.String() != want {
			t.Errorf("%s: got %q, want %q (%v)", format, sb.String(), want, err)
		}
	}
}
