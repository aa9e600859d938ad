package file

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

const acceptance = "/work/shared/acceptance/data"

type collector struct {
	batches []*types.Batch
	rejects []connectors.ErrorRecord
}

func (c *collector) Emit(b *types.Batch) error       { c.batches = append(c.batches, b); return nil }
func (c *collector) Reject(r connectors.ErrorRecord) { c.rejects = append(c.rejects, r) }
func (c *collector) rows() (n int) {
	for _, b := range c.batches {
		n += b.Len
	}
	return n
}

func readings(eventTime bool) *types.Schema {
	s := types.NewSchema(
		types.Field{Name: "sensor", Type: types.String, NotNull: true},
		types.Field{Name: "site", Type: types.String},
		types.Field{Name: "temp", Type: types.Double},
		types.Field{Name: "humidity", Type: types.Int},
		types.Field{Name: "ts", Type: types.Timestamp},
	)
	if eventTime {
		s.EventTime, s.TimeCol, s.Delay = true, 4, 2000
	}
	return s
}

func run(t *testing.T, s *types.Schema, base string, opts map[string]string) *collector {
	t.Helper()
	src, err := NewSource(connectors.SourceConfig{Stream: "readings", Schema: s, Options: opts, BaseDir: base})
	if err != nil {
		t.Fatal(err)
	}
	src.Clock = func() int64 { return 7 }
	c := &collector{}
	if err := src.Run(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAcceptanceBadFile(t *testing.T) {
	c := run(t, readings(false), acceptance, map[string]string{"path": "readings_bad.jsonl"})
	if c.rows() != 27 {
		t.Errorf("rows = %d, want 27", c.rows())
	}
	var got []string
	for _, r := range c.rejects {
		got = append(got, fmt.Sprintf("%s %s %s %s", r.Source, r.Reason, r.Position, r.Message))
		if !strings.HasPrefix(string(r.Raw), `{"sensor":`) || r.At != 7 {
			t.Errorf("raw %q at %d", r.Raw, r.At)
		}
	}
	want := []string{
		"readings decode readings_bad.jsonl:5 line 5: unexpected end of JSON input",
		`readings schema readings_bad.jsonl:12 line 12: column temp: expected DOUBLE, found string "warm"`,
		"readings not_null readings_bad.jsonl:21 line 21: column sensor is NOT NULL but the value is null or missing",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rejects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	b := c.batches[0]
	if b.Origin.Source != "readings" || b.Origin.Prefix != "readings_bad.jsonl:" || b.Origin.Pos[4] != 6 ||
		string(b.Origin.Raw[4]) != `{"sensor":"s01","site":"north","temp":25.9,"humidity":26,"ts":"2026-01-01T00:00:07.663Z"}` {
		t.Errorf("origin %+v", b.Origin)
	}
	if b.Time[0] != 7 {
		t.Errorf("processing time = %d, want the clock's 7", b.Time[0])
	}
}

func TestEventTimeAndBatches(t *testing.T) {
	c := run(t, readings(true), acceptance, map[string]string{"path": "readings.jsonl"})
	if c.rows() != 400 || len(c.rejects) != 0 {
		t.Fatalf("rows %d rejects %v", c.rows(), c.rejects)
	}
	b := c.batches[0]
	if b.Time[0] != 1767225600637 || b.Time[1] != 1767225602444 || b.WM != nil {
		t.Errorf("time %v wm %v", b.Time[:2], b.WM)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFolderAndGlobOrder(t *testing.T) {
	base := t.TempDir()
	s := types.NewSchema(types.Field{Name: "n", Type: types.BigInt})
	write(t, base, "in/b.jsonl", `{"n":2}`+"\n"+`{"n":3}`)
	write(t, base, "in/a.jsonl", `{"n":1}`+"\n")
	write(t, base, "in/c.csv", "n\n4\n")
	write(t, base, "in/.hidden", `{"n":99}`)
	write(t, base, "in/sub/d.jsonl", `{"n":98}`)
	for path, want := range map[string]string{
		"in":                "a.jsonl:1=1 b.jsonl:1=2 b.jsonl:2=3 c.csv:1=bad c.csv:2=bad",
		"in/*.jsonl":        "a.jsonl:1=1 b.jsonl:1=2 b.jsonl:2=3",
		base + "/in/[bc].*": "b.jsonl:1=2 b.jsonl:2=3 c.csv:1=bad c.csv:2=bad",
	} {
		c := run(t, s, base, map[string]string{"path": path})
		var got []string
		for _, b := range c.batches {
			for i := 0; i < b.Len; i++ {
				got = append(got, fmt.Sprintf("%s%d=%d", b.Origin.Prefix, b.Origin.Pos[i], b.Cols[0].I64[i]))
			}
		}
		for _, r := range c.rejects {
			got = append(got, r.Position+"=bad")
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s: got %s, want %s", path, g, want)
		}
	}
	_, err := NewSource(connectors.SourceConfig{Stream: "x", Schema: s, Options: map[string]string{"path": "nope/*.jsonl"}, BaseDir: base})
	if err == nil || err.Error() != "file source x: path nope/*.jsonl: no file matches" {
		t.Errorf("missing glob: %v", err)
	}
	_, err = NewSource(connectors.SourceConfig{Stream: "x", Schema: s, Options: map[string]string{"path": "nope.jsonl"}, BaseDir: base})
	if err == nil || err.Error() != "file source x: path nope.jsonl: no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}

func TestSinkRoundTrip(t *testing.T) {
	base := t.TempDir()
	for _, format := range []string{"json", "csv"} {
		c := run(t, readings(false), acceptance, map[string]string{"path": "readings.jsonl"})
		out := "out/deep/r." + format
		sink, err := NewSink(connectors.SinkConfig{Sink: "r", Schema: readings(false), Options: map[string]string{"path": out, "format": format}, BaseDir: base})
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range c.batches {
			if err := sink.Write(context.Background(), b); err != nil {
				t.Fatal(err)
			}
		}
		if err := sink.Close(context.Background()); err != nil {
			t.Fatal(err)
		}
		back := run(t, readings(false), base, map[string]string{"path": out, "format": format})
		if back.rows() != 400 || len(back.rejects) != 0 {
			t.Fatalf("%s: read back %d rows, rejects %v", format, back.rows(), back.rejects)
		}
		for i, b := range back.batches {
			for r := 0; r < b.Len; r++ {
				if fmt.Sprint(b.Row(r)) != fmt.Sprint(c.batches[i].Row(r)) {
					t.Fatalf("%s: row %d: %v != %v", format, r, b.Row(r), c.batches[i].Row(r))
				}
			}
		}
	}
	data, _ := os.ReadFile(filepath.Join(base, "out/deep/r.json"))
	first, _, _ := strings.Cut(string(data), "\n")
	if first != `{"sensor":"s04","site":null,"temp":12.9,"humidity":93,"ts":"2026-01-01T00:00:00.637Z"}` {
		t.Errorf("first line %s", first)
	}
}

func TestSinkNotYet(t *testing.T) {
	_, err := NewSink(connectors.SinkConfig{Sink: "lake", Schema: readings(false), Options: map[string]string{"path": "x", "roll_rows": "10", "format": "avro"}, BaseDir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "not available yet") {
		t.Errorf("err %v", err)
	}
}
