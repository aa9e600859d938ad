package state

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Encoder appends a compact binary encoding of integers, strings and Values (types/value.go)
// for operator snapshots. The zero value is ready to use.
type Encoder struct{ buf []byte }

// Bytes returns what was encoded so far.
func (e *Encoder) Bytes() []byte { return e.buf }

// Int appends a signed integer.
func (e *Encoder) Int(v int64) { e.buf = binary.AppendVarint(e.buf, v) }

// Uint appends an unsigned integer.
func (e *Encoder) Uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

// Bool appends a boolean.
func (e *Encoder) Bool(b bool) { e.buf = append(e.buf, boolByte(b)) }

// Byte appends one byte.
func (e *Encoder) Byte(b byte) { e.buf = append(e.buf, b) }

// Raw appends bytes with no length: the reader must know how many to read (Decoder.Raw).
func (e *Encoder) Raw(b []byte) { e.buf = append(e.buf, b...) }

// U64 appends a fixed-width (8 bytes, little-endian) unsigned integer, for hashes and bit
// patterns that varints would lengthen.
func (e *Encoder) U64(v uint64) { e.buf = binary.LittleEndian.AppendUint64(e.buf, v) }

// Float appends a float64 (its bits, as U64).
func (e *Encoder) Float(f float64) { e.U64(math.Float64bits(f)) }

// Blob appends a length-prefixed byte string.
func (e *Encoder) Blob(b []byte) {
	e.Uint(uint64(len(b)))
	e.buf = append(e.buf, b...)
}

// String appends a length-prefixed string.
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// Value tags.
const (
	tagNull byte = iota
	tagFalse
	tagTrue
	tagInt
	tagFloat
	tagString
	tagList
	tagMap
)

// Value appends a Value: nil, bool, int64, float64, string, []any or map[string]any (map keys are
// written sorted, so equal maps encode equally).
func (e *Encoder) Value(v any) {
	switch x := v.(type) {
	case nil:
		e.buf = append(e.buf, tagNull)
	case bool:
		e.buf = append(e.buf, tagFalse+boolByte(x))
	case int64:
		e.buf = append(e.buf, tagInt)
		e.Int(x)
	case float64:
		e.buf = append(e.buf, tagFloat)
		e.Float(x)
	case string:
		e.buf = append(e.buf, tagString)
		e.String(x)
	case []any:
		e.list(x)
	case map[string]any:
		e.mapValue(x)
	default:
		e.buf = append(e.buf, tagString)
		e.String(fmt.Sprint(x))
	}
}

func (e *Encoder) list(x []any) {
	e.buf = append(e.buf, tagList)
	e.Uint(uint64(len(x)))
	for _, y := range x {
		e.Value(y)
	}
}

func (e *Encoder) mapValue(x map[string]any) {
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	e.buf = append(e.buf, tagMap)
	e.Uint(uint64(len(keys)))
	for _, k := range keys {
		e.String(k)
		e.Value(x[k])
	}
}

// ErrCorrupt is returned when a snapshot cannot be decoded.
var ErrCorrupt = errors.New("corrupt operator snapshot")

// Decoder reads what an Encoder wrote. The first failure sticks: check Err once at the end.
type Decoder struct {
	buf []byte
	err error
}

// NewDecoder reads b.
func NewDecoder(b []byte) *Decoder { return &Decoder{buf: b} }

// Err returns the first decoding error.
func (d *Decoder) Err() error { return d.err }

// Done reports an error when bytes are left over or something failed.
func (d *Decoder) Done() error {
	if d.err == nil && len(d.buf) > 0 {
		d.err = fmt.Errorf("%w: %d trailing bytes", ErrCorrupt, len(d.buf))
	}
	return d.err
}

// Fail marks the input corrupt, for checks that callers make on what they decoded.
func (d *Decoder) Fail() { d.fail() }

func (d *Decoder) fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
	d.buf = nil
}

// Int reads a signed integer.
func (d *Decoder) Int() int64 {
	v, n := binary.Varint(d.buf)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// Uint reads an unsigned integer.
func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// Len reads a count and checks it against the bytes left (each item takes at least one byte).
func (d *Decoder) Len() int {
	n := d.Uint()
	if n > uint64(len(d.buf)) {
		d.fail()
		return 0
	}
	return int(n)
}

// Bool reads a boolean.
func (d *Decoder) Bool() bool { return d.Byte() == 1 }

// Byte reads one byte.
func (d *Decoder) Byte() byte {
	if len(d.buf) == 0 {
		d.fail()
		return 0
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b
}

// Blob reads a length-prefixed byte string (a copy).
func (d *Decoder) Blob() []byte {
	n := d.Uint()
	if n > uint64(len(d.buf)) {
		d.fail()
		return nil
	}
	out := append([]byte(nil), d.buf[:n]...)
	d.buf = d.buf[n:]
	return out
}

// String reads a length-prefixed string.
func (d *Decoder) String() string { return string(d.Blob()) }

// Raw reads n bytes written by Encoder.Raw (a copy).
func (d *Decoder) Raw(n int) []byte {
	if n < 0 || n > len(d.buf) {
		d.fail()
		return nil
	}
	out := append([]byte(nil), d.buf[:n]...)
	d.buf = d.buf[n:]
	return out
}

// U64 reads what Encoder.U64 wrote.
func (d *Decoder) U64() uint64 {
	if len(d.buf) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.buf)
	d.buf = d.buf[8:]
	return v
}

// Float reads what Encoder.Float wrote.
func (d *Decoder) Float() float64 { return math.Float64frombits(d.U64()) }

// Value reads a Value.
func (d *Decoder) Value() any {
	switch d.Byte() {
	case tagNull:
		return nil
	case tagFalse:
		return false
	case tagTrue:
		return true
	case tagInt:
		return d.Int()
	case tagFloat:
		return d.Float()
	case tagString:
		return d.String()
	case tagList:
		return d.list()
	case tagMap:
		return d.mapValue()
	}
	d.fail()
	return nil
}

func (d *Decoder) list() []any {
	out := make([]any, d.Len())
	for i := range out {
		out[i] = d.Value()
	}
	return out
}

func (d *Decoder) mapValue() map[string]any {
	n := d.Len()
	out := make(map[string]any, n)
	for range n {
		k := d.String()
		out[k] = d.Value()
	}
	return out
}
