package duck

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/types"
)

var everyType = types.NewSchema(
	types.Field{Name: "id", Type: types.BigInt, NotNull: true},
	types.Field{Name: "flag", Type: types.Bool},
	types.Field{Name: "i", Type: types.Int},
	types.Field{Name: "d", Type: types.Double},
	types.Field{Name: "small_dec", Type: types.Decimal(5, 2)},
	types.Field{Name: "dec", Type: types.Decimal(18, 6)},
	types.Field{Name: "s", Type: types.String},
	types.Field{Name: "raw", Type: types.Bytes},
	types.Field{Name: "ts", Type: types.Timestamp},
	types.Field{Name: "day", Type: types.Date},
	types.Field{Name: "tags", Type: types.ArrayOf(types.String)},
	types.Field{Name: "attrs", Type: types.MapOf(types.Double)},
	types.Field{Name: "Point", Type: types.StructOf(types.Field{Name: "z", Type: types.Int}, types.Field{Name: "a b", Type: types.ArrayOf(types.Timestamp)})},
	types.Field{Name: "nested", Type: types.ArrayOf(types.StructOf(types.Field{Name: "k", Type: types.String}, types.Field{Name: "m", Type: types.MapOf(types.ArrayOf(types.BigInt))}))},
	types.Field{Name: "country", Type: types.String},
)

func everyTypeRows() [][]any {
	return [][]any{
		{int64(1), true, int64(math.MaxInt32), 1.5, int64(-99999), int64(999999999999999999), "héllo \"w\"\n", "\x00\xff\x10", int64(1764064800123), int64(20417),
			[]any{"a", nil, ""}, map[string]any{"x": 0.1, "y": nil}, []any{int64(-3), []any{int64(0), nil}},
			[]any{[]any{"k1", map[string]any{"m": []any{int64(1), nil}}}, nil}, "DE"},
		{int64(2), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "FR"},
		{int64(3), false, int64(math.MinInt32), 0.25, int64(1), int64(-1), "", "", int64(-1), int64(-1),
			[]any{}, map[string]any{}, []any{nil, nil}, []any{}, "DE"},
		{int64(4), false, int64(0), 5e-324, int64(12), int64(-123456789012345678), "東京", "b", int64(253402300799999), int64(-719162),
			[]any{nil}, map[string]any{"": 1e300}, []any{nil, []any{}}, []any{[]any{nil, nil}}, "FR"},
	}
}

// TestReadBackEveryType writes every SQL type with the Parquet lake sink and reads it back with
// DuckDB: each value must come back exactly.
func TestReadBackEveryType(t *testing.T) {
	root := t.TempDir()
	rows := everyTypeRows()
	ts := []int64{0, 3_600_000, 7_200_000, 86_400_000}
	writeSink(t, "every", root, everyType, map[string]string{"path": "lake/every", "format": "parquet", "partition_by": "country,dt,hour", "roll_rows": "2"},
		batchOf(everyType, rows, ts, 1))
	db := open(t, filepath.Join(root, "lake"))
	r := query(t, db, "SELECT * EXCLUDE (dt, hour) FROM lake.every ORDER BY id")
	if got := strings.Join(r.Columns, ","); got != strings.Join(everyType.Names(), ",") {
		t.Fatalf("columns %s", got)
	}
	if len(r.Rows) != len(rows) {
		t.Fatalf("%d rows", len(r.Rows))
	}
	for i, want := range rows {
		for c := range want {
			if !reflect.DeepEqual(r.Rows[i][c], want[c]) {
				t.Errorf("row %d column %s: got %#v, want %#v", i, everyType.Fields[c].Name, r.Rows[i][c], want[c])
			}
		}
	}
	types := query(t, db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'every' ORDER BY ordinal_position")
	var got []string
	for _, row := range types.Rows {
		got = append(got, fmt.Sprintf("%s %s", row[0], row[1]))
	}
	want := `id BIGINT|flag BOOLEAN|i INTEGER|d DOUBLE|small_dec DECIMAL(5,2)|dec DECIMAL(18,6)|s VARCHAR|raw BLOB|ts TIMESTAMP WITH TIME ZONE|day DATE|tags VARCHAR[]|attrs MAP(VARCHAR, DOUBLE)|Point STRUCT(z INTEGER, "a b" TIMESTAMP WITH TIME ZONE[])|nested STRUCT(k VARCHAR, m MAP(VARCHAR, BIGINT[]))[]|country VARCHAR|dt VARCHAR|hour VARCHAR`
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("view types:\n got %s\nwant %s", g, want)
	}
}

// TestReadBackJSONLines writes the same rows as JSON lines partitioned by country and reads them
// back through read_json.
func TestReadBackJSONLines(t *testing.T) {
	root := t.TempDir()
	rows := everyTypeRows()
	writeSink(t, "every_json", root, everyType, map[string]string{"path": "lake/j", "format": "json", "partition_by": "country"},
		batchOf(everyType, rows, make([]int64, 4), 1))
	db := open(t, filepath.Join(root, "lake"))
	r := query(t, db, "SELECT id, s, raw, ts, day, small_dec, tags, attrs, country FROM lake.every_json ORDER BY id")
	for i, want := range rows {
		for j, c := range []int{0, 6, 7, 8, 9, 4, 10, 11, 14} {
			if !reflect.DeepEqual(r.Rows[i][j], want[c]) {
				t.Errorf("row %d column %s: got %#v, want %#v", i, everyType.Fields[c].Name, r.Rows[i][j], want[c])
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "lake/j/country=DE")); err != nil {
		t.Error(err)
	}
}
