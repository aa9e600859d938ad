package eval

import (
	"encoding/binary"
	"errors"
	"math"
)

// Accumulator state is saved in a small binary form: varints, float bits and length-prefixed
// strings, with boxed Values tagged by kind. Loading checks lengths and never panics.

var errState = errors.New("eval: corrupt aggregate state")

type enc struct{ b []byte }

func (e *enc) uvarint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *enc) varint(x int64)   { e.b = binary.AppendVarint(e.b, x) }
func (e *enc) f64(x float64)    { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(x)) }
func (e *enc) u64(x uint64)     { e.b = binary.LittleEndian.AppendUint64(e.b, x) }
func (e *enc) boolean(x bool)   { e.b = append(e.b, byte(b2i(x))) }

func (e *enc) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// value encodes a boxed Value.
func (e *enc) value(v any) {
	switch x := v.(type) {
	case nil:
		e.b = append(e.b, 0)
	case bool:
		e.b = append(e.b, 1, byte(b2i(x)))
	case int64:
		e.b = append(e.b, 2)
		e.varint(x)
	case float64:
		e.b = append(e.b, 3)
		e.f64(x)
	case string:
		e.b = append(e.b, 4)
		e.str(x)
	case []any:
		e.b = append(e.b, 5)
		e.uvarint(uint64(len(x)))
		for _, y := range x {
			e.value(y)
		}
	case map[string]any:
		e.b = append(e.b, 6)
		e.uvarint(uint64(len(x)))
		keys := sortedKeys(x)
		for _, k := range keys {
			e.str(k)
			e.value(x[k])
		}
	default:
		e.b = append(e.b, 0xff)
	}
}

// dec reads what enc wrote; the first problem sticks in err and later reads return zeros.
type dec struct {
	b   []byte
	err error
}

func (d *dec) fail() { d.err, d.b = errState, nil }

func (d *dec) uvarint() uint64 {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *dec) varint() int64 {
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *dec) u64() uint64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	x := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return x
}

func (d *dec) f64() float64 { return math.Float64frombits(d.u64()) }

func (d *dec) byte1() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	x := d.b[0]
	d.b = d.b[1:]
	return x
}

func (d *dec) boolean() bool { return d.byte1() != 0 }

func (d *dec) bytes(n uint64) []byte {
	if uint64(len(d.b)) < n {
		d.fail()
		return nil
	}
	x := d.b[:n]
	d.b = d.b[n:]
	return x
}

func (d *dec) str() string { return string(d.bytes(d.uvarint())) }

// count reads a length that cannot exceed the bytes left (each item takes at least one).
func (d *dec) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *dec) value() any {
	switch d.byte1() {
	case 0:
		return nil
	case 1:
		return d.boolean()
	case 2:
		return d.varint()
	case 3:
		return d.f64()
	case 4:
		return d.str()
	case 5:
		xs := make([]any, d.count())
		for i := range xs {
			xs[i] = d.value()
		}
		return xs
	case 6:
		n := d.count()
		m := make(map[string]any, n)
		for range n {
			k := d.str()
			m[k] = d.value()
		}
		return m
	}
	d.fail()
	return nil
}

// done reports an error, or leftover bytes.
func (d *dec) done() error {
	if d.err == nil && len(d.b) != 0 {
		return errState
	}
	return d.err
}

// growTo extends s to n elements (new ones zero).
func growTo[T any](s []T, n int) []T {
	if n <= len(s) {
		return s
	}
	return append(s, make([]T, n-len(s))...)
}
