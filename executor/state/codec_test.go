package state

import (
	"errors"
	"math"
	"testing"
)

// The fixed-width pieces (Byte, U64, Float, Raw) round-trip, and a truncated input fails at any
// cut without panicking.
func TestCodecFixedWidth(t *testing.T) {
	var e Encoder
	e.Byte(7)
	e.U64(math.MaxUint64 - 1)
	e.Float(-0.5)
	e.Raw([]byte{1, 2, 3})
	e.Int(-3)
	full := e.Bytes()
	if len(full) != 1+8+8+3+1 {
		t.Fatalf("encoded %d bytes: %v", len(full), full)
	}
	d := NewDecoder(full)
	b, u, f, r, i := d.Byte(), d.U64(), d.Float(), d.Raw(3), d.Int()
	if err := d.Done(); err != nil || b != 7 || u != math.MaxUint64-1 || f != -0.5 || string(r) != "\x01\x02\x03" || i != -3 {
		t.Fatalf("decoded %v %v %v %v %v %v", b, u, f, r, i, err)
	}
	for n := range full {
		d := NewDecoder(full[:n])
		d.Byte()
		d.U64()
		d.Float()
		d.Raw(3)
		d.Int()
		if !errors.Is(d.Done(), ErrCorrupt) {
			t.Fatalf("truncated at %d decoded without error", n)
		}
	}
}

// Raw returns a copy, so that a decoded value does not keep (or see changes to) the snapshot.
func TestDecoderRawCopies(t *testing.T) {
	in := []byte{9, 9}
	r := NewDecoder(in).Raw(2)
	in[0] = 0
	if r[0] != 9 {
		t.Fatal("Raw aliases its input")
	}
}

// Fail makes a well-formed input an error: callers use it for checks on decoded values.
func TestDecoderFail(t *testing.T) {
	var e Encoder
	e.Int(5)
	d := NewDecoder(e.Bytes())
	if d.Int() != 5 {
		t.Fatal("decoded wrong value")
	}
	d.Fail()
	if !errors.Is(d.Done(), ErrCorrupt) {
		t.Fatalf("Done after Fail: %v", d.Done())
	}
}
