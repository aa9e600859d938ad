package lake

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sluicedata/sluice/types"
)

// textFormat writes each row as its values joined by commas: enough to see where rows went.
var textFormat = Format{Name: "text", Ext: ".txt", New: func(w io.Writer, s *types.Schema, skip []bool) (FileEncoder, error) {
	return &textEnc{w: w, skip: skip}, nil
}}

type textEnc struct {
	w    io.Writer
	skip []bool
	n    int64
}

func (e *textEnc) Write(b *types.Batch, sel []int) error {
	for _, i := range sel {
		var parts []string
		for c, v := range b.Cols {
			if !e.skip[c] {
				parts = append(parts, fmt.Sprint(v.Value(i)))
			}
		}
		n, err := fmt.Fprintln(e.w, strings.Join(parts, ","))
		e.n += int64(n)
		if err != nil {
			return err
		}
	}
	return nil
}
func (e *textEnc) Size() int64  { return e.n }
func (e *textEnc) Close() error { return nil }

var testSchema = types.NewSchema(types.Field{Name: "k", Type: types.String}, types.Field{Name: "n", Type: types.BigInt})

// testBatch makes rows (k_i, n_i) with event times ts and origin positions from pos0.
func testBatch(ks []any, ts []int64, pos0 int64) *types.Batch {
	b := types.NewBatch(testSchema, len(ks))
	o := &types.Origin{Source: "in", Prefix: "in.jsonl:"}
	for i, k := range ks {
		b.Cols[0].AppendValue(k)
		b.Cols[1].AppendValue(pos0 + int64(i))
		o.Pos = append(o.Pos, pos0+int64(i))
	}
	b.Len, b.Time, b.Origin = len(ks), ts, o
	return b
}

func newTestSink(t *testing.T, dir string, o SinkOptions) *Sink {
	t.Helper()
	st, _ := NewLocalStore(dir)
	o.Name, o.Store, o.Schema, o.Format, o.NoTicker = "s", st, testSchema, textFormat, true
	s, err := NewSink(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tree lists the files under dir with their line counts, skipping the manifest.
func tree(t *testing.T, dir string) []string {
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || strings.Contains(p, "_sluice") || IsTemp(filepath.ToSlash(p)) {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out = append(out, fmt.Sprintf("%s %d", rel, strings.Count(string(b), "\n")))
		return nil
	})
	sort.Strings(out)
	return out
}

const hour = int64(3_600_000)

func TestSinkPartitionsRollsAndSuccess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := newTestSink(t, dir, SinkOptions{PartitionBy: "k,hour", RollRows: 2})
	b := testBatch([]any{"a", "a", "../x", "a", nil, "a"}, []int64{0, 1, 2, 3, hour, hour + 1}, 1)
	if err := s.Write(ctx, b); err != nil {
		t.Fatal(err)
	}
	// a/hour=00 got 3 rows: one full file of 2 committed, one open with 1.
	if got := tree(t, dir); len(got) != 1 || !strings.HasPrefix(got[0], "k=a/hour=00/part-") || !strings.HasSuffix(got[0], ".txt 2") {
		t.Fatalf("before watermark: %v", got)
	}
	if err := s.Watermark(ctx, hour); err != nil {
		t.Fatal(err)
	}
	got := tree(t, dir)
	want := []string{"k=..%2Fx/hour=00/_SUCCESS 0", "k=a/hour=00/_SUCCESS 0"}
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("after watermark lacks %s: %v", w, got)
		}
	}
	if contains(got, "k=a/hour=01/_SUCCESS 0") {
		t.Errorf("hour 01 marked before its end: %v", got)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	got = tree(t, dir)
	if n := len(got); n != 7 { // a/00: 2 files + _SUCCESS, ../x/00: file + _SUCCESS, default/01, a/01
		t.Fatalf("after close %d files: %v", n, got)
	}
	if !containsPrefix(got, "k=__HIVE_DEFAULT_PARTITION__/hour=01/part-") {
		t.Errorf("NULL partition missing: %v", got)
	}
}

func TestSinkReplayReplacesFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	run := func(batches ...*types.Batch) []string {
		s := newTestSink(t, dir, SinkOptions{PartitionBy: "dt", RollRows: 3})
		for _, b := range batches {
			if err := s.Write(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
		s.Close(ctx)
		return tree(t, dir)
	}
	ks := []any{"a", "b", "c", "d", "e", "f", "g"}
	ts := make([]int64, 7)
	first := run(testBatch(ks, ts, 1))
	// The same input cut into other batches gives the same files.
	second := run(testBatch(ks[:2], ts[:2], 1), testBatch(ks[2:5], ts[2:5], 3), testBatch(ks[5:], ts[5:], 6))
	if fmt.Sprint(first) != fmt.Sprint(second) || len(first) != 3 {
		t.Fatalf("replay changed files:\n%v\n%v", first, second)
	}
}

func TestSinkRollSizeIntervalInactivity(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1000, 0)
	clock := func() time.Time { return now }
	dir := t.TempDir()
	s := newTestSink(t, dir, SinkOptions{RollSize: 100, RollInterval: time.Minute, Inactivity: 10 * time.Second, Now: clock})
	s.Write(ctx, testBatch([]any{strings.Repeat("a", 100)}, []int64{0}, 1)) // 103 bytes ≥ 100: rolled at once
	if got := tree(t, dir); len(got) != 1 {
		t.Fatalf("size roll: %v", got)
	}
	s.Write(ctx, testBatch([]any{"b"}, []int64{0}, 2))
	now = now.Add(5 * time.Second)
	s.tick(now)
	if got := tree(t, dir); len(got) != 1 {
		t.Fatalf("committed before inactivity: %v", got)
	}
	now = now.Add(6 * time.Second)
	s.tick(now)
	if got := tree(t, dir); len(got) != 2 {
		t.Fatalf("inactivity did not commit: %v", got)
	}
	for i := 0; i < 7; i++ { // a row every 9 s keeps it active; the 60 s interval rolls it
		s.Write(ctx, testBatch([]any{"c"}, []int64{0}, int64(10+i)))
		now = now.Add(9 * time.Second)
		s.tick(now)
	}
	if got := tree(t, dir); len(got) != 3 {
		t.Fatalf("interval roll: %v", got)
	}
	s.Close(ctx)
}

func TestSinkManifestAndTempSweep(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dt=x"), 0o755)
	stale := filepath.Join(dir, "dt=x", ".part-1.txt.abc.tmp")
	os.WriteFile(stale, []byte("partial"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	s := newTestSink(t, dir, SinkOptions{PartitionBy: "dt", Options: map[string]string{"compression": "zstd"}})
	s.Close(ctx)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary kept: %v", err)
	}
	st, _ := NewLocalStore(dir)
	m, err := ReadManifest(ctx, st, "")
	if err != nil {
		t.Fatal(err)
	}
	sch, err := m.Schema()
	if err != nil || m.Sink != "s" || m.Format != "text" || len(m.PartitionBy) != 1 || m.PartitionBy[0].Derived != "dt" || sch.Fields[1].Type.Kind != types.KindBigInt {
		t.Fatalf("manifest %+v schema %v err %v", m, sch, err)
	}
}

func TestManifestTypesRoundTrip(t *testing.T) {
	ty := types.StructOf(types.Field{Name: "a", Type: types.ArrayOf(types.Decimal(10, 3))}, types.Field{Name: "M", Type: types.MapOf(types.Date), NotNull: true})
	c := columnOf(types.Field{Name: "x", Type: ty})
	back, err := c.Type.SQLType()
	if err != nil || !back.Equal(ty) || !back.Fields[1].NotNull {
		t.Fatalf("round trip %s -> %s (%v)", ty, back, err)
	}
	if c.SQLType != `STRUCT<a ARRAY<DECIMAL(10,3)>, "M" MAP<STRING,DATE>>` {
		t.Errorf("SQL type %s", c.SQLType)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsPrefix(xs []string, p string) bool {
	for _, y := range xs {
		if strings.HasPrefix(y, p) {
			return true
		}
	}
	return false
}

func TestSinkBatchWithoutTime(t *testing.T) {
	dir := t.TempDir()
	s := newTestSink(t, dir, SinkOptions{PartitionBy: "dt", Now: func() time.Time { return time.UnixMilli(86_400_000) }})
	b := testBatch([]any{"a", "b"}, nil, 1)
	if err := s.Write(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	s.Close(context.Background())
	if got := tree(t, dir); len(got) != 1 || !strings.HasPrefix(got[0], "dt=1970-01-02/") {
		t.Fatalf("%v", got)
	}
}
