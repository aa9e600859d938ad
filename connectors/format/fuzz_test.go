package format

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/sluicedata/sluice/connectors"
)

// FuzzJSONDecode checks the decoder against encoding/json: it never panics, a record is
// "decode"-rejected exactly when it is not one valid JSON object, and a rejected record leaves
// the batch as it was.
func FuzzJSONDecode(f *testing.F) {
	for _, seed := range []string{
		`{"sensor":"s04","site":null,"temp":12.9,"humidity":93,"ts":1767225600637}`,
		`{"sensor":"s01","temp":`, `{"a":[1,{"b":"\u00e9\ud83d\ude00"}],"temp":"warm"}`, `[]`, `{"ts":"2026-01-01T00:00:00.5+01:00"}`,
		`{"humidity":1e3,"temp":-0.0e-2,"tags":[1,2,3],"m":{"k":1.5},"st":{"x":"y"}}`, `{"sensor":"\x"}`, `{"site":"a"}}`,
	} {
		f.Add([]byte(seed))
	}
	s := parseSchema("sensor STRING NOT NULL, site STRING, temp DOUBLE, humidity INT, ts TIMESTAMP, tags ARRAY<BIGINT>, m MAP<DOUBLE>, st STRUCT<x STRING>")
	f.Fuzz(func(t *testing.T, rec []byte) {
		if bytes.ContainsAny(rec, "\n\r") || bytes.Count(rec, []byte("[")) > 500 {
			return
		}
		b := NewBuilder(s, 4)
		d := NewJSONDecoder(s)
		if err := d.Decode([]byte(`{"sensor":"ok"}`), 1, b); err != nil {
			t.Fatal(err)
		}
		err := d.Decode(rec, 2, b)
		isObject := json.Valid(rec) && bytes.HasPrefix(bytes.TrimLeft(rec, " \t"), []byte("{"))
		if (err != nil && err.Reason == connectors.ReasonDecode) == isObject {
			t.Fatalf("%q: err %v, valid object %v", rec, err, isObject)
		}
		want := 2
		if err != nil {
			want = 1
		}
		bt := b.Take()
		for _, v := range bt.Cols {
			if v.Len() != want || bt.Len != want {
				t.Fatalf("%q: column has %d rows, batch %d, want %d", rec, v.Len(), bt.Len, want)
			}
		}
	})
}

// FuzzCSVDecode checks that the CSV decoder never panics and that a rejected record leaves the
// batch as it was.
func FuzzCSVDecode(f *testing.F) {
	for _, seed := range []string{`1,"a,b",2.5,2026-01-01T00:00:00Z,"[1,2]"`, `,,,,`, `x,"unterminated`, `1,"q""q"x,,,`} {
		f.Add([]byte(seed))
	}
	s := parseSchema("id INT NOT NULL, name STRING, temp DOUBLE, ts TIMESTAMP, tags ARRAY<INT>")
	f.Fuzz(func(t *testing.T, rec []byte) {
		b := NewBuilder(s, 4)
		d := NewCSVDecoder(s, false)
		err := d.Decode(rec, 1, b)
		want := 1
		if err != nil {
			want = 0
		}
		b.Begin()
		for _, v := range b.batch.Cols {
			if v.Len() != want || b.Len() != want {
				t.Fatalf("%q: column has %d rows, batch %d, want %d (%v)", rec, v.Len(), b.Len(), want, err)
			}
		}
	})
}
