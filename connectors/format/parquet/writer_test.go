package parquet

import (
	"bytes"
	"strings"
	"testing"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/types"
)

func allTypesSchema() *types.Schema {
	return types.NewSchema(
		types.Field{Name: "b", Type: types.Bool},
		types.Field{Name: "i", Type: types.Int},
		types.Field{Name: "big", Type: types.BigInt},
		types.Field{Name: "d", Type: types.Double},
		types.Field{Name: "small_dec", Type: types.Decimal(5, 2)},
		types.Field{Name: "dec", Type: types.Decimal(18, 4)},
		types.Field{Name: "s", Type: types.String},
		types.Field{Name: "raw", Type: types.Bytes},
		types.Field{Name: "ts", Type: types.Timestamp},
		types.Field{Name: "day", Type: types.Date},
		types.Field{Name: "tags", Type: types.ArrayOf(types.String)},
		types.Field{Name: "attrs", Type: types.MapOf(types.BigInt)},
		types.Field{Name: "zpoint", Type: types.StructOf(types.Field{Name: "y", Type: types.Double}, types.Field{Name: "x", Type: types.ArrayOf(types.Int)})},
	)
}

func allTypesBatch(s *types.Schema) *types.Batch {
	b := types.NewBatch(s, 3)
	rows := [][]any{
		{true, int64(-7), int64(1) << 40, 1.5, int64(-12345), int64(123456789012345678), "héllo", "\x00\xff", int64(1764064800123), int64(20417),
			[]any{"a", nil, "c"}, map[string]any{"k1": int64(1), "k2": nil}, []any{2.5, []any{int64(1), int64(2)}}},
		{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil},
		{false, int64(0), int64(0), 0.0, int64(0), int64(0), "", "", int64(0), int64(0),
			[]any{}, map[string]any{}, []any{nil, nil}},
	}
	for _, r := range rows {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
	}
	b.Len = len(rows)
	return b
}

func TestSchemaLogicalTypes(t *testing.T) {
	ps, err := Schema("t", allTypesSchema(), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := ps.String()
	for _, want := range []string{
		"optional boolean b;",
		"optional int32 i (INT(32,true));",
		"optional int64 big (INT(64,true));",
		"optional double d;",
		"optional int32 small_dec (DECIMAL(5,2));",
		"optional int64 dec (DECIMAL(18,4));",
		"optional binary s (STRING);",
		"optional binary raw;",
		"optional int64 ts (TIMESTAMP(isAdjustedToUTC=true,unit=MILLIS));",
		"optional int32 day (DATE);",
		"optional group tags (LIST)",
		"optional group attrs (MAP)",
		"optional group zpoint {\n\t\toptional double y;",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("schema lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, " b;") > strings.Index(got, " zpoint") {
		t.Errorf("columns are not in schema order:\n%s", got)
	}
}

func TestWriteReadBack(t *testing.T) {
	s := allTypesSchema()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, s, Options{RowGroupSize: 2, Metadata: map[string]string{"sluice.sink": "t"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(allTypesBatch(s), nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := pq.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != 3 || len(f.RowGroups()) != 2 {
		t.Fatalf("rows %d, row groups %d; want 3 in 2", f.NumRows(), len(f.RowGroups()))
	}
	if v, ok := f.Lookup("sluice.sink"); !ok || v != "t" {
		t.Errorf("metadata sluice.sink = %q", v)
	}
	rows := make([]pq.Row, 3)
	n, _ := pq.NewReader(f).ReadRows(rows)
	if n != 3 {
		t.Fatalf("read %d rows", n)
	}
	// Row 0, leaf columns in order: tags has 3 element values, the second one NULL.
	var tags []pq.Value
	for _, v := range rows[0] {
		if v.Column() == 10 {
			tags = append(tags, v)
		}
	}
	if len(tags) != 3 || tags[0].String() != "a" || !tags[1].IsNull() || tags[2].RepetitionLevel() != 1 {
		t.Errorf("tags leaf values = %v", tags)
	}
}

func TestWriteSkipsPartitionColumns(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "country", Type: types.String}, types.Field{Name: "n", Type: types.BigInt})
	var buf bytes.Buffer
	w, err := NewWriter(&buf, s, Options{Skip: []bool{true, false}, Compression: "snappy"})
	if err != nil {
		t.Fatal(err)
	}
	b := types.NewBatch(s, 2)
	b.Cols[0].AppendValue("x")
	b.Cols[0].AppendValue("y")
	b.Cols[1].AppendValue(int64(1))
	b.Cols[1].AppendValue(int64(2))
	b.Len = 2
	if err := w.Write(b, []int{1}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	f, err := pq.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if cols := f.Schema().Columns(); len(cols) != 1 || cols[0][0] != "n" || f.NumRows() != 1 {
		t.Fatalf("columns %v rows %d", cols, f.NumRows())
	}
}

func TestWriteRejectsMistypedValues(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "a", Type: types.ArrayOf(types.BigInt)})
	w, _ := NewWriter(&bytes.Buffer{}, s, Options{})
	b := types.NewBatch(s, 1)
	b.Cols[0].AppendValue([]any{"not a number"})
	b.Len = 1
	if err := w.Write(b, nil); err == nil || !strings.Contains(err.Error(), "column a") {
		t.Fatalf("got %v", err)
	}
}

func TestCodec(t *testing.T) {
	for _, name := range []string{"", "zstd", "snappy", "none", "ZSTD"} {
		if _, err := Codec(name); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
	if _, err := Codec("lzo"); err == nil {
		t.Error("lzo accepted")
	}
}
