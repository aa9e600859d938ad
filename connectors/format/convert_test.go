package format

import (
	"fmt"
	"testing"

	"github.com/sluicedata/sluice/types"
)

// TestConvert checks the conversion rules of typed formats, value by value.
func TestConvert(t *testing.T) {
	wide := types.Decimal(38, 2)
	point := types.StructOf(types.Field{Name: "X", Type: types.BigInt}, types.Field{Name: "y", Type: types.Double})
	cases := []struct {
		v        any
		src, dst types.Type
		want     string // fmt of the result, or "error: <message>"
	}{
		{int64(7), types.Int, types.BigInt, "7"},
		{int64(3_000_000_000), types.BigInt, types.Int, "error: 3000000000 is out of range for INT"},
		{2.0, types.Double, types.Int, "2"},
		{2.5, types.Double, types.Int, "error: expected INT, found DOUBLE 2.5"},
		{int64(1250), types.Decimal(6, 2), types.Int, "error: expected INT, found DECIMAL(6,2) 12.50"},
		{int64(1200), types.Decimal(6, 2), types.BigInt, "12"},
		{int64(3), types.Int, types.Double, "3"},
		{int64(1234), types.Decimal(6, 2), types.Double, "12.34"},
		{int64(1235), types.Decimal(6, 2), types.Decimal(5, 1), "124"},
		{int64(-1235), types.Decimal(6, 2), types.Decimal(5, 1), "-124"},
		{int64(12), types.Int, types.Decimal(4, 2), "1200"},
		{int64(123), types.Int, types.Decimal(4, 2), "error: 123 does not fit DECIMAL(4,2)"},
		{"123456789012345678901234.56", wide, types.Decimal(18, 2), "error: 123456789012345678901234.56 does not fit DECIMAL(18,2)"},
		{"-1.25", wide, types.Decimal(18, 1), "-13"},
		{"-1.25", wide, types.Double, "-1.25"},
		{"-1.25", wide, types.String, "-1.25"},
		{1.005, types.Double, types.Decimal(10, 2), "101"},
		{"2.50", types.String, types.Decimal(10, 2), "250"},
		{"abc", types.String, types.Decimal(10, 2), `error: "abc" not a number`},
		{true, types.Bool, types.String, "true"},
		{int64(1000), types.Timestamp, types.String, "1970-01-01T00:00:01.000Z"},
		{int64(1), types.Date, types.Timestamp, "86400000"},
		{"2026-05-30T00:00:00Z", types.String, types.Timestamp, "1780099200000"},
		{"2026-05-30", types.String, types.Date, "20603"},
		{int64(5), types.Timestamp, types.Date, "error: expected DATE, found TIMESTAMP \"1970-01-01T00:00:00.005Z\""},
		{"x", types.String, types.Bool, `error: expected BOOLEAN, found STRING "x"`},
		{"\xff", types.Bytes, types.String, "error: expected STRING, found BYTES that are not UTF-8"},
		{"ok", types.Bytes, types.String, "ok"},
		{"ok", types.String, types.Bytes, "ok"},
		{int64(1), types.Int, types.Bytes, "error: expected BYTES, found INT 1"},
		{[]any{int64(1), nil}, types.ArrayOf(types.Int), types.ArrayOf(types.Double), "[1 <nil>]"},
		{[]any{int64(1), int64(1 << 40)}, types.ArrayOf(types.BigInt), types.ArrayOf(types.Int),
			"error: element 2 of the array: 1099511627776 is out of range for INT"},
		{[]any{int64(1)}, types.ArrayOf(types.Int), types.String, "[1]"},
		{map[string]any{"a": int64(1)}, types.MapOf(types.Int), types.MapOf(types.String), "map[a:1]"},
		{[]any{int64(1), 2.5}, point, types.StructOf(types.Field{Name: "y", Type: types.Double}, types.Field{Name: "x", Type: types.Int},
			types.Field{Name: "z", Type: types.Int}), "[2.5 1 <nil>]"},
		{[]any{int64(1), 2.5}, point, types.MapOf(types.Double), `error: expected MAP<STRING,DOUBLE>, found STRUCT<"X" BIGINT, y DOUBLE> {"X":1,"y":2.5}`},
		{nil, types.Int, types.Bool, "<nil>"},
	}
	for _, c := range cases {
		got, err := Convert(c.v, c.src, c.dst)
		s := fmt.Sprint(got)
		if err != nil {
			s = "error: " + err.Msg
		}
		if s != c.want {
			t.Errorf("Convert(%v, %s, %s) = %s, want %s", c.v, c.src, c.dst, s, c.want)
		}
	}
}

// TestAppendCell appends cells to a batch without boxing, and leaves nothing behind on error.
func TestAppendCell(t *testing.T) {
	s := types.NewSchema(types.Field{Name: "s", Type: types.String}, types.Field{Name: "n", Type: types.Int})
	b := NewBuilder(s, 4)
	text := []byte("héllo")
	if err := b.AppendCell(0, &Cell{S: text}, &types.String); err != nil {
		t.Fatal(err)
	}
	if err := b.AppendCell(1, &Cell{Null: true}, &types.BigInt); err != nil {
		t.Fatal(err)
	}
	b.Commit(1, nil)
	copy(text, "xxxxx") // the batch holds its own copy
	if err := b.AppendCell(0, &Cell{I: 3}, &types.BigInt); err != nil {
		t.Fatal(err)
	}
	if err := b.AppendCell(1, &Cell{I: 1 << 33}, &types.BigInt); err == nil || err.Reason != "schema" {
		t.Fatalf("err %v", err)
	}
	b.Rollback()
	bt := b.Take()
	if bt.Len != 1 || bt.Cols[0].Str[0] != "héllo" || !bt.Cols[1].IsNull(0) || len(bt.Cols[0].Str) != 1 {
		t.Errorf("batch %d rows: %q %v", bt.Len, bt.Cols[0].Str, bt.Cols[1].Nulls)
	}
}
