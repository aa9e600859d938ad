package format

import (
	"bytes"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// CSVDecoder decodes CSV records (RFC 4180: fields separated by commas, optionally quoted with
// "" for a quote; a quoted field may hold newlines). With a header, the first record of each
// input names the fields and columns are matched by name, case-insensitively (fields without a
// column are ignored, columns without a field are NULL); without one, fields are the columns in
// schema order. An unquoted empty field is NULL; a quoted empty field ("") is the empty string.
// Values are read as by ParseText.
type CSVDecoder struct {
	schema     *types.Schema
	header     bool
	needHeader bool
	colOf      []int // field index -> column, or -1
	fields     [][]byte
	quoted     []bool
	scratch    []byte
	json       *JSONDecoder // nested values are JSON text
}

// NewCSVDecoder returns a CSV decoder for s; header says the inputs start with a header row.
func NewCSVDecoder(s *types.Schema, header bool) *CSVDecoder {
	d := &CSVDecoder{schema: s, header: header, json: NewJSONDecoder(s)}
	d.Reset()
	return d
}

// Reset prepares for a new input: with a header, the next record is the header.
func (d *CSVDecoder) Reset() {
	d.needHeader = d.header
	if !d.header {
		d.colOf = d.colOf[:0]
		for i := range d.schema.Fields {
			d.colOf = append(d.colOf, i)
		}
	}
}

// QuotedNewlines says that a newline inside a quoted field does not end a record.
func (d *CSVDecoder) QuotedNewlines() bool { return true }

// Decode implements Decoder. The header record is consumed without appending a row.
func (d *CSVDecoder) Decode(rec []byte, pos int64, b *Builder) *RecordError {
	if err := d.split(trimEOL(rec)); err != nil {
		return err
	}
	if d.needHeader {
		d.readHeader()
		return nil
	}
	if len(d.fields) != len(d.colOf) {
		return decodeErr("record has %d fields, expected %d", len(d.fields), len(d.colOf))
	}
	b.Begin()
	if err := d.row(b); err != nil {
		b.Rollback()
		return err
	}
	b.Commit(pos, rec)
	return nil
}

func trimEOL(rec []byte) []byte {
	return bytes.TrimRight(rec, "\r\n")
}

func (d *CSVDecoder) readHeader() {
	d.needHeader = false
	d.colOf = d.colOf[:0]
	taken := make([]bool, len(d.schema.Fields))
	for _, f := range d.fields {
		c := d.schema.Index(strings.TrimSpace(string(f)))
		if c >= 0 && taken[c] {
			c = -1
		}
		if c >= 0 {
			taken[c] = true
		}
		d.colOf = append(d.colOf, c)
	}
}

func (d *CSVDecoder) row(b *Builder) *RecordError {
	for i, f := range d.fields {
		c := d.colOf[i]
		if c < 0 {
			continue
		}
		v := b.Col(c)
		if len(f) == 0 && !d.quoted[i] {
			v.AppendNull()
			continue
		}
		if err := d.appendText(b, v, f); err != nil {
			return err.inColumn(d.schema.Fields[c].Name)
		}
	}
	b.fillNulls()
	return b.CheckNotNull()
}

// appendText parses text as a value of v's type and appends it.
func (d *CSVDecoder) appendText(b *Builder, v *types.Vector, text []byte) *RecordError {
	if types.Storage(v.Type.Kind) == types.StoreAny {
		d.json.reset(text)
		d.json.bld = b
		x, err := d.json.nested(&v.Type, 0)
		if d.json.ws(); err == nil && !d.json.atEnd() {
			err = schemaErr("expected %s as JSON, found %s", v.Type, quoteShort(text))
		}
		if err != nil && err.Reason != reasonSchema {
			err = schemaErr("expected %s as JSON text: %s", v.Type, err.Msg)
		}
		if err != nil {
			return err
		}
		v.Any = append(v.Any, x)
		return nil
	}
	return ParseText(b, v, text)
}

// split cuts rec into fields.
func (d *CSVDecoder) split(rec []byte) *RecordError {
	d.fields, d.quoted, d.scratch = d.fields[:0], d.quoted[:0], d.scratch[:0]
	for i := 0; ; {
		end, err := d.field(rec, i)
		if err != nil {
			return err
		}
		if end >= len(rec) {
			return nil
		}
		i = end + 1 // after the comma
	}
}

// field reads the field starting at i and returns the index of the comma (or end) after it.
func (d *CSVDecoder) field(rec []byte, i int) (int, *RecordError) {
	if i >= len(rec) || rec[i] != '"' {
		rest := rec[i:]
		n := bytes.IndexByte(rest, ',')
		if n < 0 {
			n = len(rest)
		}
		d.fields, d.quoted = append(d.fields, rest[:n]), append(d.quoted, false)
		return i + n, nil
	}
	return d.quotedField(rec, i)
}

func (d *CSVDecoder) quotedField(rec []byte, i int) (int, *RecordError) {
	start := len(d.scratch)
	for j := i + 1; j < len(rec); j++ {
		if rec[j] != '"' {
			d.scratch = append(d.scratch, rec[j])
			continue
		}
		if j+1 < len(rec) && rec[j+1] == '"' {
			d.scratch = append(d.scratch, '"')
			j++
			continue
		}
		if j+1 < len(rec) && rec[j+1] != ',' {
			return 0, decodeErr("unexpected %s after a quoted field at byte %d", quoteChar(rec[j+1]), j+2)
		}
		d.fields, d.quoted = append(d.fields, d.scratch[start:len(d.scratch):len(d.scratch)]), append(d.quoted, true)
		return j + 1, nil
	}
	return 0, decodeErr("unterminated quoted field starting at byte %d", i+1)
}
