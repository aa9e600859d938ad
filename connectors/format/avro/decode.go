package avro

import (
	"encoding/binary"
	"fmt"
	"math"
	"unsafe"

	"github.com/sluicedata/sluice/connectors/format"
)

// maxItems bounds the entries of one array or map (a corrupt count must not allocate forever).
const maxItems = 1 << 24

// decoder reads Avro binary values from one block's bytes. The first error sticks: later reads
// return zero values, and the record is rejected when it is complete.
type decoder struct {
	buf  []byte
	pos  int
	err  error
	text []byte // texts of wide decimals for the current record
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

// long reads a zig-zag varint.
func (d *decoder) long() int64 {
	u, n := binary.Uvarint(d.buf[min(d.pos, len(d.buf)):])
	if n <= 0 {
		d.fail("truncated or overlong varint at byte %d", d.pos)
		d.pos = len(d.buf)
		return 0
	}
	d.pos += n
	return int64(u>>1) ^ -int64(u&1)
}

// take returns the next n bytes (aliasing the block).
func (d *decoder) take(n int64) []byte {
	if n < 0 || n > int64(len(d.buf)-d.pos) {
		d.fail("length %d at byte %d runs past the end of the block", n, d.pos)
		d.pos = len(d.buf)
		return nil
	}
	b := d.buf[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return b
}

func (d *decoder) bytes() []byte { return d.take(d.long()) }

func (d *decoder) boolean() bool {
	b := d.take(1)
	if len(b) == 1 && b[0] > 1 {
		d.fail("boolean byte %d is neither 0 nor 1", b[0])
	}
	return len(b) == 1 && b[0] == 1
}

func (d *decoder) float32() float64 {
	if b := d.take(4); len(b) == 4 {
		return float64(math.Float32frombits(binary.LittleEndian.Uint32(b)))
	}
	return 0
}

func (d *decoder) float64() float64 {
	if b := d.take(8); len(b) == 8 {
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	return 0
}

// cell decodes a value of n into c.
func (d *decoder) cell(n *node, c *format.Cell) {
	*c = format.Cell{}
	switch n.kind {
	case kNull:
		c.Null = true
	case kBool:
		c.B = d.boolean()
	case kInt, kLong:
		c.I = d.long()
	case kMicros:
		c.I = floorDiv(d.long(), 1000)
	case kFloat:
		c.F = d.float32()
	case kDouble:
		c.F = d.float64()
	case kUnion:
		d.union(n, c)
	default:
		d.other(n, c)
	}
}

func (d *decoder) other(n *node, c *format.Cell) {
	switch n.kind {
	case kString, kBytes:
		c.S = d.bytes()
	case kFixed:
		c.S = d.take(int64(n.size))
	case kDecimal:
		c.I = format.BigEndianInt64(d.bytes())
	case kFixedDec:
		c.I = format.BigEndianInt64(d.take(int64(n.size)))
	case kWideDecimal, kWideFixed:
		c.S = d.wide(n)
	case kEnum:
		c.S = d.enum(n)
	default:
		c.V = d.nested(n)
	}
}

// wide reads a decimal over 18 digits as its text.
func (d *decoder) wide(n *node) []byte {
	var b []byte
	if n.kind == kWideDecimal {
		b = d.bytes()
	} else {
		b = d.take(int64(n.size))
	}
	start := len(d.text)
	d.text = format.AppendBigDecimal(d.text, b, n.scale)
	return d.text[start:len(d.text):len(d.text)]
}

func (d *decoder) enum(n *node) []byte {
	i := d.long()
	if i < 0 || i >= int64(len(n.symbols)) {
		d.fail("enum index %d out of range (%d symbols)", i, len(n.symbols))
		return nil
	}
	s := n.symbols[i]
	return unsafe.Slice(unsafe.StringData(s), len(s)) // read only
}

// union decodes the branch index, then the branch: NULL, the value, or a STRUCT of branches.
func (d *decoder) union(n *node, c *format.Cell) {
	i := d.long()
	if i < 0 || i >= int64(len(n.kids)) {
		d.fail("union branch %d out of range (%d branches)", i, len(n.kids))
		c.Null = true
		return
	}
	switch {
	case int(i) == n.null:
		c.Null = true
	case n.multi:
		members := make([]any, len(n.kids)-min(n.null+1, 1))
		members[branchMember(n, int(i))] = d.value(n.kids[i])
		c.V = members
	default:
		d.cell(n.kids[i], c)
	}
}

// branchMember is the STRUCT member of union branch i (the null branch has none).
func branchMember(n *node, i int) int {
	if n.null >= 0 && n.null < i {
		return i - 1
	}
	return i
}

// value decodes a value of n as a types Value (strings copied).
func (d *decoder) value(n *node) any {
	var c format.Cell
	d.cell(n, &c)
	return format.CellValue(&c, &n.typ)
}

// nested decodes an array, map or record.
func (d *decoder) nested(n *node) any {
	switch n.kind {
	case kRecord:
		out := make([]any, len(n.kids))
		for i, k := range n.kids {
			out[i] = d.value(k)
		}
		return out
	case kArray:
		out := []any{}
		d.blocks(func() { out = append(out, d.value(n.kids[0])) })
		return out
	}
	out := map[string]any{}
	d.blocks(func() {
		k := string(d.bytes())
		out[k] = d.value(n.kids[0])
	})
	return out
}

// blocks reads the blocks of an array or map, calling item for each entry.
func (d *decoder) blocks(item func()) {
	total := int64(0)
	for d.err == nil {
		count := d.long()
		if count == 0 {
			return
		}
		if count < 0 { // a negative count is followed by the block's size in bytes
			count = -count
			d.long()
		}
		if total += count; total > maxItems || count < 0 {
			d.fail("array or map of more than %d entries", maxItems)
			return
		}
		for ; count > 0 && d.err == nil; count-- {
			item()
		}
	}
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
