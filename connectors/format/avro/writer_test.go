package avro

import (
	"bytes"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hamba/avro/v2/ocf"

	"github.com/sluicedata/sluice/types"
)

func writerSchema() *types.Schema {
	return types.NewSchema(
		types.Field{Name: "b", Type: types.Bool},
		types.Field{Name: "i", Type: types.Int},
		types.Field{Name: "big", Type: types.BigInt},
		types.Field{Name: "d", Type: types.Double},
		types.Field{Name: "dec", Type: types.Decimal(18, 4)},
		types.Field{Name: "s", Type: types.String},
		types.Field{Name: "raw", Type: types.Bytes},
		types.Field{Name: "ts", Type: types.Timestamp},
		types.Field{Name: "day", Type: types.Date},
		types.Field{Name: "tags", Type: types.ArrayOf(types.String)},
		types.Field{Name: "attrs", Type: types.MapOf(types.BigInt)},
		types.Field{Name: "Point Of-Sale", Type: types.StructOf(types.Field{Name: "y", Type: types.Double},
			types.Field{Name: "xs", Type: types.ArrayOf(types.Decimal(5, 2))})},
		types.Field{Name: "1st", Type: types.String},
	)
}

func writerBatch(s *types.Schema) *types.Batch {
	b := types.NewBatch(s, 3)
	rows := [][]any{
		{true, int64(-7), int64(1) << 40, 1.5, int64(-1234567890123), "héllo", "\x00\xff", int64(1764064800123), int64(20417),
			[]any{"a", nil, "c"}, map[string]any{"k2": nil, "k1": int64(-1)}, []any{2.5, []any{int64(-128), nil, int64(32768)}}, "x"},
		{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil},
		{false, int64(0), int64(0), 0.0, int64(0), "", "", int64(-1), int64(-1), []any{}, map[string]any{}, []any{nil, nil}, ""},
	}
	for _, r := range rows {
		for c, v := range r {
			b.Cols[c].AppendValue(v)
		}
	}
	b.Len = len(rows)
	return b
}

func writeFile(t *testing.T, b *types.Batch, compression string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, b.Schema, compression)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteReadBack writes every SQL type and reads it back with the Reader, for each codec.
func TestWriteReadBack(t *testing.T) {
	s := writerSchema()
	want := writerBatch(s)
	for _, codec := range []string{"zstd", "snappy", "deflate", "none"} {
		data := writeFile(t, want, codec)
		rd, err := Open(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		names := strings.Join(rd.Schema().Names(), ",")
		if names != "b,i,big,d,dec,s,raw,ts,day,tags,attrs,Point_Of_Sale,_1st" {
			t.Errorf("names %s", names)
		}
		declared := *s
		declared.Fields = append([]types.Field(nil), s.Fields...)
		declared.Fields[11].Name, declared.Fields[12].Name = "point_of_sale", "_1st"
		got := readAll(t, data, &declared).batches[0]
		for i := range want.Len {
			for j, v := range want.Cols {
				if !reflect.DeepEqual(got.Cols[j].Value(i), v.Value(i)) {
					t.Errorf("%s: row %d %s = %#v, want %#v", codec, i, s.Fields[j].Name, got.Cols[j].Value(i), v.Value(i))
				}
			}
		}
	}
}

// TestWriteInterop decodes the file with hamba/avro's own container reader.
func TestWriteInterop(t *testing.T) {
	data := writeFile(t, writerBatch(writerSchema()), "zstd")
	dec, err := ocf.NewDecoder(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	for dec.HasNext() {
		var r map[string]any
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if err := dec.Error(); err != nil || len(rows) != 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	r := rows[0]
	dec0, _ := r["dec"].(*big.Rat) // hamba gives a nullable union's value as it is
	ts, _ := r["ts"].(time.Time)
	if dec0 == nil || dec0.FloatString(4) != "-123456789.0123" || ts.UnixMilli() != 1764064800123 {
		t.Errorf("row 0: %v", r)
	}
	if rows[1]["s"] != nil || rows[2]["day"].(time.Time).Format("2006-01-02") != "1969-12-31" {
		t.Errorf("rows 1-2: %v / %v", rows[1], rows[2])
	}
}
