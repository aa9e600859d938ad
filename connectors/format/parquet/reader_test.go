package parquet

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// collector is an Emitter that keeps what it receives.
type collector struct {
	batches []*types.Batch
	rejects []connectors.ErrorRecord
}

func (c *collector) Emit(b *types.Batch) error       { c.batches = append(c.batches, b); return nil }
func (c *collector) Reject(r connectors.ErrorRecord) { c.rejects = append(c.rejects, r) }

// values returns every emitted row as Values.
func (c *collector) values() [][]any {
	var out [][]any
	for _, b := range c.batches {
		for i := 0; i < b.Len; i++ {
			row := make([]any, len(b.Cols))
			for j, v := range b.Cols {
				row[j] = v.Value(i)
			}
			out = append(out, row)
		}
	}
	return out
}

// readAll reads a Parquet file's bytes into batches of declared.
func readAll(t *testing.T, data []byte, declared *types.Schema) *collector {
	t.Helper()
	rd, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if declared == nil {
		declared = format.ResolvedSchema(rd.Schema())
	}
	c := &collector{}
	r := &format.Records{Source: "src", Name: "f.parquet", Unit: "row", Builder: format.NewBuilder(declared, 2), Out: c,
		Clock: func() int64 { return 7 }}
	if err := r.Read(context.Background(), rd); err != nil {
		t.Fatal(err)
	}
	return c
}

func writeBatch(t *testing.T, b *types.Batch, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, b.Schema, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(b, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadOwnWriter reads back every SQL type written by Writer, nested ones included, across
// row groups of one row.
func TestReadOwnWriter(t *testing.T) {
	s := allTypesSchema()
	want := allTypesBatch(s)
	data := writeBatch(t, want, Options{RowGroupSize: 1})
	rd, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range rd.Schema().Fields {
		if !f.Type.Equal(s.Fields[i].Type) || f.Name != s.Fields[i].Name || f.NotNull {
			t.Errorf("column %d: %s %s notnull=%v, want %s %s", i, f.Name, f.Type, f.NotNull, s.Fields[i].Name, s.Fields[i].Type)
		}
	}
	c := readAll(t, data, s)
	got := c.values()
	for i := range want.Len {
		for j, v := range want.Cols {
			if !reflect.DeepEqual(got[i][j], v.Value(i)) {
				t.Errorf("row %d %s = %#v, want %#v", i, s.Fields[j].Name, got[i][j], v.Value(i))
			}
		}
	}
	if len(c.rejects) != 0 || len(got) != want.Len {
		t.Fatalf("rows %d, rejects %v", len(got), c.rejects)
	}
	b := c.batches[0]
	if b.Origin.Prefix != "f.parquet:" || b.Origin.Pos[1] != 2 || b.Time[0] != 7 {
		t.Errorf("origin %s%d, time %d", b.Origin.Prefix, b.Origin.Pos[1], b.Time[0])
	}
	wantRaw := `{"b":true,"i":-7,"big":1099511627776,"d":1.5,"small_dec":-123.45,"dec":12345678901234.5678,"s":"héllo",` +
		`"raw":"AP8=","ts":"2025-11-25T10:00:00.123Z","day":"2025-11-25","tags":["a",null,"c"],"attrs":{"k1":1,"k2":null},` +
		`"zpoint":{"y":2.5,"x":[1,2]}}`
	if string(b.Origin.Raw[0]) != wantRaw {
		t.Errorf("raw:\n%s\nwant\n%s", b.Origin.Raw[0], wantRaw)
	}
}

// TestReadOracleFile reads the acceptance file written by the oracle's own Parquet writer
// (cmd/sluice/testdata/oracle/binfmt.py: PLAIN pages, legacy converted types).
func TestReadOracleFile(t *testing.T) {
	data, err := os.ReadFile("../../../cmd/sluice/testdata/acceptance/_data/fmt01_input.parquet")
	if err != nil {
		t.Fatal(err)
	}
	rd, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, f := range rd.Schema().Fields {
		cols = append(cols, fmt.Sprintf("%s %s %v", f.Name, f.Type, f.NotNull))
	}
	if got := strings.Join(cols, ", "); got != "id BIGINT true, n INT true, name STRING false, temp DOUBLE true, ok BOOLEAN false, ts TIMESTAMP true" {
		t.Errorf("schema: %s", got)
	}
	got := fmt.Sprint(readAll(t, data, nil).values())
	want := "[[1 10 a 1.5 true 1780099200000] [2 -3 <nil> -0.25 <nil> 1780099201500] " +
		"[9007199254740993 0 zé 1e+21 false 1780099212000] [4 7 d 0 true 1780099215000]]"
	if got != want {
		t.Errorf("rows\n%s\nwant\n%s", got, want)
	}
}

// legacy holds Parquet shapes that Sluice's writer does not produce.
type legacy struct {
	Req    int64     `parquet:"req"`
	Micros int64     `parquet:"micros,timestamp(microsecond)"`
	Nanos  int64     `parquet:"nanos,timestamp(nanosecond)"`
	When   time.Time `parquet:"when,timestamp(millisecond)"`
	U32    uint32    `parquet:"u32"`
	U64    uint64    `parquet:"u64"`
	Rep    []int32   `parquet:"rep"`
	Wide   [16]byte  `parquet:"wide,decimal(2:38)"`
	ID     [16]byte  `parquet:"id,uuid"`
	F32    float32   `parquet:"f32"`
	Pairs  []pair    `parquet:"pairs"`
	Opt    *string   `parquet:"opt,optional"`
}

type pair struct {
	K string `parquet:"k"`
	V *int64 `parquet:"v,optional"`
}

func legacyFile(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	one := int64(1)
	var wide [16]byte
	wide[15] = 0x7b // 123 → 1.23
	rows := []legacy{
		{Req: 5, Micros: -1_500, Nanos: 2_000_999_999, When: time.UnixMilli(1_000).UTC(), U32: 4_000_000_000, U64: 1<<64 - 1,
			Rep: []int32{3, 4}, Wide: wide, ID: [16]byte{0x12, 0x34, 15: 0xff}, F32: 0.5, Pairs: []pair{{"a", &one}, {"b", nil}}},
		{Req: 6},
	}
	if err := pq.Write(&buf, rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadLegacyShapes covers required columns, timestamp units, unsigned integers, wide
// decimals, UUIDs, floats and repeated fields outside LIST groups.
func TestReadLegacyShapes(t *testing.T) {
	data := legacyFile(t)
	rd, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for _, f := range rd.Schema().Fields {
		cols = append(cols, fmt.Sprintf("%s %s", f.Name, f.Type))
	}
	wantCols := "req BIGINT, micros TIMESTAMP, nanos TIMESTAMP, when TIMESTAMP, u32 BIGINT, u64 DECIMAL(20,0), " +
		"rep ARRAY<INT>, wide DECIMAL(38,2), id STRING, f32 DOUBLE, pairs ARRAY<STRUCT<k STRING, v BIGINT>>, opt STRING"
	if got := strings.Join(cols, ", "); got != wantCols {
		t.Errorf("schema:\n%s\nwant\n%s", got, wantCols)
	}
	c := readAll(t, data, nil)
	got := fmt.Sprint(c.values())
	want := "[[5 -2 2000 1000 4000000000 18446744073709551615 [3 4] 1.23 12340000-0000-0000-0000-0000000000ff 0.5 [[a 1] [b <nil>]] <nil>] " +
		"[6 0 0 -62135596800000 0 0 [] 0.00 00000000-0000-0000-0000-000000000000 0 [] <nil>]]"
	if got != want {
		t.Errorf("rows\n%s\nwant\n%s", got, want)
	}
}

// TestReadDeclaredColumns matches declared columns by name (case-insensitive), converts
// values, and rejects rows whose values do not fit (schema) or are NULL for NOT NULL columns.
func TestReadDeclaredColumns(t *testing.T) {
	data := legacyFile(t)
	declared := types.NewSchema(
		types.Field{Name: "REQ", Type: types.Int},
		types.Field{Name: "wide", Type: types.Decimal(10, 1)},
		types.Field{Name: "u64", Type: types.Double},
		types.Field{Name: "missing", Type: types.String},
		types.Field{Name: "u32", Type: types.String},
	)
	got := fmt.Sprint(readAll(t, data, declared).values())
	if want := "[[5 12 1.8446744073709552e+19 <nil> 4000000000] [6 0 0 <nil> 0]]"; got != want {
		t.Errorf("rows %s, want %s", got, want)
	}
	declared.Fields[4] = types.Field{Name: "u32", Type: types.Int}
	declared.Fields[3].NotNull = true
	c := readAll(t, data, declared)
	var rej []string
	for _, r := range c.rejects {
		rej = append(rej, fmt.Sprintf("%s %s %s", r.Reason, r.Position, r.Message))
	}
	wantRej := "schema f.parquet:1 row 1: column u32: 4000000000 is out of range for INT\n" +
		"not_null f.parquet:2 row 2: column missing is NOT NULL but the value is null or missing"
	if strings.Join(rej, "\n") != wantRej {
		t.Errorf("rejects:\n%s\nwant\n%s", strings.Join(rej, "\n"), wantRej)
	}
	if len(c.rejects) > 0 && !strings.HasPrefix(string(c.rejects[0].Raw), `{"req":5,"micros":"1969-12-31T23:59:59.998Z",`) {
		t.Errorf("raw %s", c.rejects[0].Raw)
	}
}

// TestReadCorrupt: a file that is not Parquet is an error of Open; a damaged page is one
// decode error for the rest of its row group, and later row groups are still read.
func TestReadCorrupt(t *testing.T) {
	if _, err := Open(bytes.NewReader([]byte("PAR1 not really")), 15); err == nil || !strings.Contains(err.Error(), "not a readable Parquet file") {
		t.Errorf("open error %v", err)
	}
	s := types.NewSchema(types.Field{Name: "s", Type: types.String})
	b := types.NewBatch(s, 3)
	for _, v := range []string{"first-value-aaaa", "second-value-bbb", "third-value-cccc"} {
		b.Cols[0].AppendValue(v)
	}
	b.Len = 3
	data := writeBatch(t, b, Options{RowGroupSize: 1, Compression: "none"})
	i := bytes.Index(data, []byte("second-value-bbb"))
	data[i-4] = 0xff // the value's length prefix
	c := readAll(t, data, nil)
	if got := fmt.Sprint(c.values()); got != "[[first-value-aaaa] [third-value-cccc]]" {
		t.Errorf("rows %s", got)
	}
	if len(c.rejects) != 1 || c.rejects[0].Reason != "decode" || c.rejects[0].Position != "f.parquet:2" {
		t.Fatalf("rejects %+v", c.rejects)
	}
}
