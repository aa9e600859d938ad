package file

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// A line sink buffers its rows; Flush (an acknowledgement barrier reaching the sink) puts them in
// the file, where another handle reads them before Close.
func TestLineSinkFlush(t *testing.T) {
	base := t.TempDir()
	s := types.NewSchema(types.Field{Name: "id", Type: types.BigInt}, types.Field{Name: "name", Type: types.String})
	sink, err := NewSink(connectors.SinkConfig{Sink: "o", Schema: s, Options: map[string]string{"path": "out.jsonl"}, BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	f, ok := sink.(connectors.Flusher)
	if !ok {
		t.Fatalf("%T is not a connectors.Flusher", sink)
	}
	path := filepath.Join(base, "out.jsonl")
	ctx := context.Background()
	write := func(id int64, name string) {
		b := types.NewBatch(s, 1)
		b.Cols[0].AppendValue(id)
		b.Cols[1].AppendValue(name)
		b.Time, b.Len = []int64{0}, 1
		if err := sink.Write(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	write(1, "a")
	if got := readFile(t, path); got != "" {
		t.Fatalf("before Flush the file holds %q: the test cannot tell Flush works", got)
	}
	if err := f.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	want := `{"id":1,"name":"a"}` + "\n"
	if got := readFile(t, path); got != want {
		t.Fatalf("after Flush: %q, want %q", got, want)
	}
	write(2, "b")
	if err := f.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	want += `{"id":2,"name":"b"}` + "\n"
	if got := readFile(t, path); got != want {
		t.Fatalf("after the second Flush: %q, want %q", got, want)
	}
	if err := sink.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
