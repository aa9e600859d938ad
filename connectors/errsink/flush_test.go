package errsink

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
)

// The file error sink buffers records (for up to a second); Flush puts them in the file, where
// another handle reads them before Close. Flushing before any record creates no file.
func TestFileSinkFlush(t *testing.T) {
	dir := t.TempDir()
	s := NewFile(dir)
	var f connectors.Flusher = s
	ctx := context.Background()
	if err := f.Flush(ctx); err != nil || s.Path() != "" {
		t.Fatalf("flush without records: %v, file %q", err, s.Path())
	}
	rec := connectors.ErrorRecord{Source: "orders", Reason: "decode", Message: "bad", Position: "o.jsonl:1", Raw: []byte("{"), At: 1}
	if err := s.Write(rec); err != nil {
		t.Fatal(err)
	}
	if got := readBack(t, s.Path()); got != "" {
		t.Fatalf("before Flush the file holds %q: the test cannot tell Flush works", got)
	}
	if err := f.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	one := string(AppendRecord(nil, rec)) + "\n"
	if got := readBack(t, s.Path()); got != one {
		t.Fatalf("after Flush: %q, want %q", got, one)
	}
	rec.Position = "o.jsonl:2"
	if err := s.Write(rec); err != nil {
		t.Fatal(err)
	}
	if err := f.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := readBack(t, s.Path()); strings.Count(got, "\n") != 2 || !strings.HasPrefix(got, one) {
		t.Fatalf("after the second Flush: %q", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "orders-*.jsonl"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
}

func readBack(t *testing.T, path string) string {
	t.Helper()
	if path == "" {
		t.Fatal("no file was created")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
