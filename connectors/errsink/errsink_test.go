package errsink

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
)

func TestAppendRecord(t *testing.T) {
	rec := connectors.ErrorRecord{Source: "orders", Reason: "schema", Message: "line 5: column amount: expected DOUBLE, found string \"x\"",
		Position: "orders.jsonl:5", Raw: []byte(`{"amount":"x"}`), At: 1764064800123}
	want := `{"source":"orders","reason":"schema","message":"line 5: column amount: expected DOUBLE, found string \"x\"","position":"orders.jsonl:5","raw":"{\"amount\":\"x\"}","at":"2025-11-25T10:00:00.123Z"}`
	if got := string(AppendRecord(nil, rec)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	rec.Raw = []byte{'a', 0xff, 'b', 0xc3}
	want = `"raw":"a` + "\ufffd" + `b` + "\ufffd" + `","raw_base64":"Yf9iww==","at"`
	if got := string(AppendRecord(nil, rec)); !strings.Contains(got, want) {
		t.Errorf("non-UTF-8 raw: got %s, want it to contain %s", got, want)
	}
}

func TestFileSink(t *testing.T) {
	base := t.TempDir()
	s, err := Open("file://errors/readings/", base)
	if err != nil {
		t.Fatal(err)
	}
	recs := []connectors.ErrorRecord{
		{Source: "readings", Reason: "decode", Message: "line 5: unexpected end of JSON input", Position: "r.jsonl:5", Raw: []byte(`{"a":`), At: 1},
		{Source: "readings", Reason: "late", Message: "late", Position: "r.jsonl:9", Raw: []byte{0xfe}, At: 2},
	}
	for _, r := range recs {
		if err := s.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(base, "errors", "readings", "readings-*.jsonl"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("lines %q", lines)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &got); err != nil || got["raw_base64"] != "/g==" || got["reason"] != "late" || got["at"] != "1970-01-01T00:00:00.002Z" {
		t.Errorf("record %s: %v", lines[1], err)
	}
}

func TestOpenErrors(t *testing.T) {
	for uri, want := range map[string]string{
		"s3://b/p/": "s3 error sinks are not supported yet",
		"kafka://t": "kafka error sinks are not supported yet",
		"ftp://x":   "expected file://dir/",
		"file://":   "the folder is missing",
	} {
		if _, err := Open(uri, "/tmp"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(%s) = %v, want %q", uri, err, want)
		}
	}
}

func TestNoRecordNoFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "e")
	s := NewFile(dir)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("folder created without records: %v", err)
	}
}
