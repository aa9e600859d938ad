package avro

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hamba/avro/v2/ocf"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

const allSchema = `{"type":"record","name":"All","fields":[
 {"name":"b","type":"boolean"},
 {"name":"i","type":"int"},
 {"name":"l","type":"long"},
 {"name":"f","type":"float"},
 {"name":"d","type":"double"},
 {"name":"s","type":["null","string"]},
 {"name":"raw","type":"bytes"},
 {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}},
 {"name":"tsu","type":{"type":"long","logicalType":"timestamp-micros"}},
 {"name":"day","type":{"type":"int","logicalType":"date"}},
 {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
 {"name":"wide","type":{"type":"fixed","name":"W","size":16,"logicalType":"decimal","precision":30,"scale":3}},
 {"name":"color","type":{"type":"enum","name":"Color","symbols":["RED","GREEN"]}},
 {"name":"tags","type":{"type":"array","items":"string"}},
 {"name":"attrs","type":{"type":"map","values":["null","long"]}},
 {"name":"pt","type":["null",{"type":"record","name":"Pt","fields":[{"name":"x","type":"double"},{"name":"y","type":"int"}]}]},
 {"name":"either","type":["null","string","long"]}
]}`

type pt struct {
	X float64 `avro:"x"`
	Y int32   `avro:"y"`
}

type all struct {
	B      bool              `avro:"b"`
	I      int32             `avro:"i"`
	L      int64             `avro:"l"`
	F      float32           `avro:"f"`
	D      float64           `avro:"d"`
	S      *string           `avro:"s"`
	Raw    []byte            `avro:"raw"`
	TS     time.Time         `avro:"ts"`
	TSU    time.Time         `avro:"tsu"`
	Day    time.Time         `avro:"day"`
	Dec    *big.Rat          `avro:"dec"`
	Wide   *big.Rat          `avro:"wide"`
	Color  string            `avro:"color"`
	Tags   []string          `avro:"tags"`
	Attrs  map[string]*int64 `avro:"attrs"`
	Pt     *pt               `avro:"pt"`
	Either any               `avro:"either"`
}

func allRecords() []all {
	s, one := "héllo", int64(1)
	return []all{
		{B: true, I: -7, L: 1 << 40, F: 0.5, D: 1.25, S: &s, Raw: []byte{0, 0xff}, TS: time.UnixMilli(1780099200123).UTC(),
			TSU: time.UnixMicro(-1500).UTC(), Day: time.Unix(86400*20603, 0).UTC(), Dec: big.NewRat(-12345, 100),
			Wide: new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(10), big.NewInt(25), nil), big.NewInt(1000)), Color: "GREEN",
			Tags: []string{"a", "b"}, Attrs: map[string]*int64{"k": &one, "z": nil}, Pt: &pt{X: 2.5, Y: 3}, Either: "str"},
		{TS: time.UnixMilli(0).UTC(), TSU: time.UnixMilli(0).UTC(), Day: time.Unix(0, 0).UTC(), Dec: big.NewRat(0, 1),
			Wide: big.NewRat(0, 1), Color: "RED", Tags: []string{}, Attrs: map[string]*int64{}, Either: int64(5)},
	}
}

func encode(t *testing.T, schema string, recs any, opts ...ocf.EncoderFunc) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc, err := ocf.NewEncoder(schema, &buf, opts...)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range toSlice(recs) {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func toSlice(recs any) []any {
	switch x := recs.(type) {
	case []all:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out
	}
	return recs.([]any)
}

type collector struct {
	batches []*types.Batch
	rejects []connectors.ErrorRecord
}

func (c *collector) Emit(b *types.Batch) error       { c.batches = append(c.batches, b); return nil }
func (c *collector) Reject(r connectors.ErrorRecord) { c.rejects = append(c.rejects, r) }

func (c *collector) rows() string {
	var sb strings.Builder
	for _, b := range c.batches {
		for i := 0; i < b.Len; i++ {
			fmt.Fprintf(&sb, "%s%d %s\n", b.Origin.Prefix, b.Origin.Pos[i], format.AppendJSONRow(nil, b, i, nil))
		}
	}
	for _, r := range c.rejects {
		fmt.Fprintf(&sb, "reject %s %s %s\n", r.Reason, r.Position, r.Message)
	}
	return sb.String()
}

func readAll(t *testing.T, data []byte, declared *types.Schema) *collector {
	t.Helper()
	rd, err := Open(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if declared == nil {
		declared = format.ResolvedSchema(rd.Schema())
	}
	c := &collector{}
	r := &format.Records{Source: "src", Name: "f.avro", Unit: "record", Builder: format.NewBuilder(declared, 0), Out: c}
	if err := r.Read(context.Background(), rd); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestReadEveryType reads every Avro type written by hamba/avro, with each codec.
func TestReadEveryType(t *testing.T) {
	wantSchema := "b BOOLEAN NOT NULL, i INT NOT NULL, l BIGINT NOT NULL, f DOUBLE NOT NULL, d DOUBLE NOT NULL, s STRING, " +
		"raw BYTES NOT NULL, ts TIMESTAMP NOT NULL, tsu TIMESTAMP NOT NULL, day DATE NOT NULL, dec DECIMAL(9,2) NOT NULL, " +
		"wide DECIMAL(30,3) NOT NULL, color STRING NOT NULL, tags ARRAY<STRING> NOT NULL, attrs MAP<STRING,BIGINT> NOT NULL, " +
		"pt STRUCT<x DOUBLE, y INT>, either STRUCT<string STRING, long BIGINT>"
	want := `f.avro:1 {"b":true,"i":-7,"l":1099511627776,"f":0.5,"d":1.25,"s":"héllo","raw":"AP8=","ts":"2026-05-30T00:00:00.123Z",` +
		`"tsu":"1969-12-31T23:59:59.998Z","day":"2026-05-30","dec":-123.45,"wide":"10000000000000000000000.000","color":"GREEN",` +
		`"tags":["a","b"],"attrs":{"k":1,"z":null},"pt":{"x":2.5,"y":3},"either":{"string":"str","long":null}}` + "\n" +
		`f.avro:2 {"b":false,"i":0,"l":0,"f":0.0,"d":0.0,"s":null,"raw":"","ts":"1970-01-01T00:00:00.000Z",` +
		`"tsu":"1970-01-01T00:00:00.000Z","day":"1970-01-01","dec":0.00,"wide":"0.000","color":"RED",` +
		`"tags":[],"attrs":{},"pt":null,"either":{"string":null,"long":5}}` + "\n"
	for _, codec := range []ocf.CodecName{ocf.Null, ocf.Deflate, ocf.Snappy, ocf.ZStandard} {
		data := encode(t, allSchema, allRecords(), ocf.WithCodec(codec))
		rd, err := Open(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for _, f := range rd.Schema().Fields {
			col := f.Name + " " + f.Type.String()
			if f.NotNull {
				col += " NOT NULL"
			}
			cols = append(cols, col)
		}
		if got := strings.Join(cols, ", "); got != wantSchema {
			t.Errorf("schema:\n%s\nwant\n%s", got, wantSchema)
		}
		if got := readAll(t, data, nil).rows(); got != want {
			t.Errorf("%s rows:\n%s\nwant\n%s", codec, got, want)
		}
	}
}

// TestReadOracleFile reads the acceptance file written by the oracle's own Avro writer
// (cmd/sluice/testdata/oracle/binfmt.py).
func TestReadOracleFile(t *testing.T) {
	data, err := os.ReadFile("../../../cmd/sluice/testdata/acceptance/_data/fmt02_input.avro")
	if err != nil {
		t.Fatal(err)
	}
	want := `f.avro:1 {"id":1,"n":10,"name":"a","temp":1.5,"ok":true,"ts":"2026-05-30T00:00:00.000Z","tags":["x","y"]}
f.avro:2 {"id":2,"n":-3,"name":null,"temp":-0.25,"ok":null,"ts":"2026-05-30T00:00:01.500Z","tags":[]}
f.avro:3 {"id":9007199254740993,"n":0,"name":"zé","temp":1e+21,"ok":false,"ts":"2026-05-30T00:00:12.000Z","tags":["q"]}
f.avro:4 {"id":4,"n":7,"name":"d","temp":0.0,"ok":true,"ts":"2026-05-30T00:00:15.000Z","tags":["r","s"]}
`
	if got := readAll(t, data, nil).rows(); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
}

// TestReadDeclared matches declared columns by name and rejects values that do not fit.
func TestReadDeclared(t *testing.T) {
	data := encode(t, allSchema, allRecords())
	declared := types.NewSchema(
		types.Field{Name: "L", Type: types.Int},
		types.Field{Name: "wide", Type: types.Decimal(18, 0)},
		types.Field{Name: "s", Type: types.String, NotNull: true},
		types.Field{Name: "TAGS", Type: types.ArrayOf(types.String)},
	)
	want := `reject schema f.avro:1 record 1: column L: 1099511627776 is out of range for INT
reject not_null f.avro:2 record 2: column s is NOT NULL but the value is null or missing
`
	if got := readAll(t, data, declared).rows(); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
	declared.Fields[0].Type, declared.Fields[1].Type, declared.Fields[2].NotNull = types.Double, types.Double, false
	want = `f.avro:1 {"L":1099511627776.0,"wide":1e+22,"s":"héllo","TAGS":["a","b"]}
f.avro:2 {"L":0.0,"wide":0.0,"s":null,"TAGS":[]}
`
	if got := readAll(t, data, declared).rows(); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
}

// TestReadCorrupt: a record that cannot be decoded rejects the rest of its block; the next
// block is read. A file that is not Avro fails Open.
func TestReadCorrupt(t *testing.T) {
	if _, err := Open(strings.NewReader("PAR1")); err == nil || !strings.Contains(err.Error(), "not a readable Avro container file") {
		t.Errorf("open error %v", err)
	}
	const schema = `{"type":"record","name":"R","fields":[{"name":"s","type":"string"}]}`
	recs := []any{map[string]any{"s": "aaaa"}, map[string]any{"s": "bbbb"}, map[string]any{"s": "cccc"}, map[string]any{"s": "dddd"}}
	data := encode(t, schema, recs, ocf.WithBlockLength(2))
	i := bytes.Index(data, []byte("aaaa"))
	data[i-1] = 0x7f // a negative length
	want := `f.avro:3 {"s":"cccc"}
f.avro:4 {"s":"dddd"}
reject decode f.avro:1 record 1: the record cannot be decoded: length -64 at byte 1 runs past the end of the block (the next 1 records of its block are skipped)
`
	if got := readAll(t, data, nil).rows(); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
	data = encode(t, schema, recs, ocf.WithBlockLength(2))
	data = data[:len(data)-3] // the last sync marker is cut
	want = `f.avro:1 {"s":"aaaa"}
f.avro:2 {"s":"bbbb"}
reject decode f.avro:3 record 3: block does not end with the file's sync marker
`
	if got := readAll(t, data, nil).rows(); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
}
