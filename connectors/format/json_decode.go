package format

import (
	"strings"

	"github.com/sluicedata/sluice/types"
)

// JSONDecoder decodes one JSON object per record. Keys match column names case-insensitively,
// unknown keys are skipped (but must be valid JSON), a missing key or null is NULL, and when a
// key repeats the last value wins. See value rules in json_values.go.
type JSONDecoder struct {
	scanner
	schema *types.Schema
	cols   []colInfo
	cache  []keySlot // key position in the previous record -> column
	seen   []uint32  // generation in which each column got a value
	gen    uint32
	bld    *Builder
	bad    *RecordError // first schema error of the record
}

type colInfo struct {
	name string
	typ  types.Type
}

type keySlot struct {
	key string
	col int
}

// NewJSONDecoder returns a JSON decoder for s.
func NewJSONDecoder(s *types.Schema) *JSONDecoder {
	d := &JSONDecoder{schema: s, seen: make([]uint32, len(s.Fields))}
	for _, f := range s.Fields {
		d.cols = append(d.cols, colInfo{name: f.Name, typ: f.Type})
	}
	return d
}

// Reset does nothing: JSON records stand alone.
func (d *JSONDecoder) Reset() {}

// Decode implements Decoder.
func (d *JSONDecoder) Decode(rec []byte, pos int64, b *Builder) *RecordError {
	d.reset(rec)
	d.bld, d.bad = b, nil
	d.gen++
	if err := d.row(); err != nil {
		b.Rollback()
		return err
	}
	b.Commit(pos, rec)
	return nil
}

func (d *JSONDecoder) row() *RecordError {
	b := d.bld
	b.Begin()
	if err := d.object(); err != nil {
		return err
	}
	if d.bad != nil {
		return d.bad
	}
	b.fillNulls()
	return b.CheckNotNull()
}

// object consumes the record's top-level object and nothing but white space after it.
func (d *JSONDecoder) object() *RecordError {
	if c := d.ws(); c != '{' {
		return d.unexpected("'{' (a record is one JSON object)")
	}
	err := d.members('}', d.member())
	if err != nil {
		return err
	}
	if d.ws(); !d.atEnd() {
		return d.unexpected("the end of the record")
	}
	return nil
}

// member returns the function that consumes one "key": value of the top-level object.
func (d *JSONDecoder) member() func() *RecordError {
	k := 0
	return func() *RecordError {
		if d.ws() != '"' {
			return d.unexpected("a string key")
		}
		key, err := d.str()
		if err != nil {
			return err
		}
		col := d.lookup(k, key)
		k++
		if d.ws() != ':' {
			return d.unexpected("':'")
		}
		d.pos++
		if col < 0 {
			return d.skipValue()
		}
		return d.field(col)
	}
}

// lookup finds the column of the k-th key, trying the column of the previous record's k-th key
// first so that records with a stable key order allocate nothing.
func (d *JSONDecoder) lookup(k int, key []byte) int {
	if k < len(d.cache) && d.cache[k].key == bstr(key) {
		return d.cache[k].col
	}
	col := -1
	for i, c := range d.cols {
		if strings.EqualFold(c.name, bstr(key)) {
			col = i
			break
		}
	}
	for len(d.cache) <= k {
		d.cache = append(d.cache, keySlot{col: -1})
	}
	d.cache[k] = keySlot{key: string(key), col: col}
	return col
}

// field consumes the value of column c. A value of the wrong type is skipped and remembered as
// the record's schema error, so that malformed JSON later in the record still wins as "decode".
func (d *JSONDecoder) field(c int) *RecordError {
	if d.seen[c] == d.gen {
		d.bld.truncCol(c)
	}
	d.seen[c] = d.gen
	d.ws()
	start := d.pos
	err := d.value(c)
	if err == nil || err.Reason != reasonSchema {
		return err
	}
	if d.bad == nil {
		d.bad = err.inColumn(d.cols[c].name)
	}
	d.bld.truncCol(c)
	d.pos = start
	return d.skipValue()
}
