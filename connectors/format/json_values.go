package format

import (
	"encoding/base64"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

const reasonSchema = connectors.ReasonSchema

// Value rules of the JSON decoder (a value that breaks them is a "schema" error):
//
//	BOOLEAN            true, false
//	INT, BIGINT        a whole number (12, or 12.0 / 1.2e1 whose value is whole) within range
//	DOUBLE             any number
//	DECIMAL(p,s)       a number or a string holding one; rounded half away from zero to s digits
//	STRING             a string; numbers, booleans, objects and arrays keep their JSON text
//	BYTES              a base64 string
//	TIMESTAMP          an RFC 3339 string or epoch milliseconds (a whole number)
//	DATE               "YYYY-MM-DD" or days since the epoch (a whole number)
//	ARRAY, MAP, STRUCT a JSON array, object, object (members matched case-insensitively)

// value consumes the value at pos and appends it to column c.
func (d *JSONDecoder) value(c int) *RecordError {
	v := d.bld.Col(c)
	if d.atEnd() {
		return errEOF
	}
	if d.data[d.pos] == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		v.AppendNull()
		return nil
	}
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		x, err := d.int64Value(&v.Type)
		v.I64 = append(v.I64, x)
		return err
	case types.StoreF64:
		x, err := d.float64Value()
		v.F64 = append(v.F64, x)
		return err
	case types.StoreBool:
		x, err := d.boolValue()
		v.Bool = append(v.Bool, x)
		return err
	case types.StoreStr:
		x, err := d.stringValue(v.Type.Kind)
		v.Str = append(v.Str, d.bld.String(x))
		return err
	}
	x, err := d.nested(&v.Type, 0)
	v.Any = append(v.Any, x)
	return err
}

// mismatch builds the schema error for the value at pos, which is not of type t.
func (d *JSONDecoder) mismatch(t *types.Type, hint string) *RecordError {
	found := d.describe()
	if found == "" {
		return d.unexpected("a value")
	}
	return schemaErr("expected %s%s, found %s", t.String(), hint, found)
}

// describe names the value at pos without consuming it ("" when there is no value).
func (d *JSONDecoder) describe() string {
	save := d.pos
	defer func() { d.pos = save }()
	switch c := d.data[d.pos]; {
	case c == '"':
		s, err := d.str()
		if err != nil {
			return ""
		}
		return "string " + quoteShort(s)
	case c == '-' || c >= '0' && c <= '9':
		tok, _, err := d.number()
		if err != nil {
			return ""
		}
		return "number " + string(tok)
	case c == 't':
		return "true"
	case c == 'f':
		return "false"
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	}
	return ""
}

func quoteShort(s []byte) string {
	const max = 40
	if len(s) > max {
		return string(AppendString(nil, string(s[:max]))) + "…"
	}
	return string(AppendString(nil, string(s)))
}

// int64Value parses INT, BIGINT, DECIMAL, TIMESTAMP and DATE values.
func (d *JSONDecoder) int64Value(t *types.Type) (int64, *RecordError) {
	switch c := d.data[d.pos]; {
	case c == '-' || c >= '0' && c <= '9':
		return d.numberAsInt64(t)
	case c == '"':
		return d.stringAsInt64(t)
	}
	return 0, d.mismatch(t, hintOf(t))
}

func hintOf(t *types.Type) string {
	switch t.Kind {
	case types.KindTimestamp:
		return " (an RFC 3339 string or epoch milliseconds)"
	case types.KindDate:
		return " (a string YYYY-MM-DD)"
	}
	return ""
}

func (d *JSONDecoder) numberAsInt64(t *types.Type) (int64, *RecordError) {
	start := d.pos
	tok, integral, err := d.number()
	if err != nil {
		return 0, err
	}
	if t.Kind == types.KindDecimal {
		x, msg := parseDecimal(tok, t.Precision, t.Scale)
		if msg != "" {
			return 0, schemaErr("%s %s", tok, msg)
		}
		return x, nil
	}
	x, ok := parseIntegral(tok, integral)
	if !ok || t.Kind == types.KindInt && (x < -1<<31 || x >= 1<<31) {
		d.pos = start
		if ok || integral {
			return 0, schemaErr("%s is out of range for %s", tok, t)
		}
		return 0, d.mismatch(t, hintOf(t))
	}
	return x, nil
}

func (d *JSONDecoder) stringAsInt64(t *types.Type) (int64, *RecordError) {
	start := d.pos
	s, err := d.str()
	if err != nil {
		return 0, err
	}
	x, ok := int64FromText(t, s)
	if !ok {
		d.pos = start
		return 0, d.mismatch(t, hintOf(t))
	}
	return x, nil
}

// int64FromText parses the text forms of a string: TIMESTAMP, DATE and DECIMAL only.
func int64FromText(t *types.Type, s []byte) (int64, bool) {
	switch t.Kind {
	case types.KindTimestamp:
		return parseTimestamp(s)
	case types.KindDate:
		return parseDate(s)
	case types.KindDecimal:
		x, msg := parseDecimal(s, t.Precision, t.Scale)
		return x, msg == ""
	}
	return 0, false
}

func (d *JSONDecoder) float64Value() (float64, *RecordError) {
	c := d.data[d.pos]
	if c != '-' && (c < '0' || c > '9') {
		return 0, d.mismatch(&types.Double, "")
	}
	tok, _, err := d.number()
	if err != nil {
		return 0, err
	}
	f, ok := parseFloat(tok)
	if !ok {
		return 0, schemaErr("%s is out of range for DOUBLE", tok)
	}
	return f, nil
}

func (d *JSONDecoder) boolValue() (bool, *RecordError) {
	switch d.data[d.pos] {
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	}
	return false, d.mismatch(&types.Bool, "")
}

// stringValue returns the bytes of a STRING (any scalar's text, nested values' JSON text) or
// BYTES (base64) value.
func (d *JSONDecoder) stringValue(k types.Kind) ([]byte, *RecordError) {
	if d.data[d.pos] == '"' {
		s, err := d.str()
		if err != nil || k == types.KindString {
			return s, err
		}
		return d.base64(s)
	}
	if k == types.KindBytes {
		return nil, d.mismatch(&types.Bytes, " (a base64 string)")
	}
	start := d.pos
	if err := d.skipValue(); err != nil {
		return nil, err
	}
	return d.data[start:d.pos], nil
}

func (d *JSONDecoder) base64(s []byte) ([]byte, *RecordError) {
	out := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(out, s)
	if err != nil {
		return nil, schemaErr("expected BYTES (a base64 string), found string %s", quoteShort(s))
	}
	return out[:n], nil
}
