package format

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/sluicedata/sluice/types"
)

// Cell is one value of a record of a typed format (a Parquet row, an Avro record) in the file's
// own SQL type, before it is checked against the declared column. Scalars are held by the
// storage class of the file's type: I (INT, BIGINT, DECIMAL unscaled, TIMESTAMP epoch ms, DATE
// epoch days), F (DOUBLE), B (BOOLEAN), S (STRING, BYTES, and the decimal text of a wide DECIMAL,
// see Wide); nested values are in V (types/value.go conventions). S may alias the reader's
// buffers: it is copied when appended to a batch.
type Cell struct {
	Null bool
	I    int64
	F    float64
	B    bool
	S    []byte
	V    any
}

// Wide reports a DECIMAL wider than Sluice's DECIMAL (precision over 18, or an unsigned 64-bit
// integer as DECIMAL(20,0)): its cells hold the decimal text in S. A declared DECIMAL(p ≤ 18),
// DOUBLE, STRING or integer column reads it when the value fits.
func Wide(t *types.Type) bool {
	return t.Kind == types.KindDecimal && t.Precision > types.MaxDecimalPrecision
}

// AppendCell appends c, a value of the file's type src, to column col of the current row,
// converted to the column's declared type by the rules of Convert; a value that does not fit
// is a "schema" error and appends nothing.
func (b *Builder) AppendCell(col int, c *Cell, src *types.Type) *RecordError {
	v := b.Col(col)
	if c.Null {
		v.AppendNull()
		return nil
	}
	dst := &v.Type
	switch types.Storage(dst.Kind) {
	case types.StoreI64:
		x, err := cellInt64(c, src, dst)
		return put(&v.I64, x, err)
	case types.StoreF64:
		x, err := cellFloat(c, src)
		return put(&v.F64, x, err)
	case types.StoreBool:
		x, err := cellBool(c, src)
		return put(&v.Bool, x, err)
	case types.StoreStr:
		x, err := cellString(c, src, dst, b.String)
		return put(&v.Str, x, err)
	}
	x, err := Convert(CellValue(c, src), *src, *dst)
	return put(&v.Any, x, err)
}

// put appends a converted value unless its conversion failed.
func put[T any](dst *[]T, x T, err *RecordError) *RecordError {
	if err == nil {
		*dst = append(*dst, x)
	}
	return err
}

// cellInt64 converts to INT, BIGINT, DECIMAL, TIMESTAMP or DATE.
func cellInt64(c *Cell, src, dst *types.Type) (int64, *RecordError) {
	switch dst.Kind {
	case types.KindInt, types.KindBigInt:
		return cellInteger(c, src, dst)
	case types.KindDecimal:
		return cellDecimal(c, src, dst)
	case types.KindTimestamp:
		return cellTimestamp(c, src, dst)
	}
	return cellDate(c, src, dst)
}

func cellInteger(c *Cell, src, dst *types.Type) (int64, *RecordError) {
	x, ok := int64(0), false
	switch {
	case src.IsInteger():
		x, ok = c.I, true
	case Wide(src):
		x, ok = parseInt(c.S)
	case src.Kind == types.KindDecimal:
		scale := int64(math.Pow10(src.Scale))
		x, ok = c.I/scale, c.I%scale == 0
	case src.Kind == types.KindDouble:
		ok = c.F == math.Trunc(c.F) && c.F >= -(1<<63) && c.F < 1<<63
		x = int64(c.F)
	}
	if !ok {
		return 0, mismatch(c, src, dst)
	}
	if dst.Kind == types.KindInt && (x < math.MinInt32 || x > math.MaxInt32) {
		return 0, schemaErr("%d is out of range for INT", x)
	}
	return x, nil
}

// cellDecimal scales integers and decimals to the declared scale (rounding half away from zero
// when it is smaller) and parses the text of doubles, strings and wide decimals.
func cellDecimal(c *Cell, src, dst *types.Type) (int64, *RecordError) {
	var text []byte
	switch {
	case src.IsInteger():
		return rescale(c.I, 0, dst)
	case Wide(src), src.Kind == types.KindString:
		text = c.S
	case src.Kind == types.KindDecimal && src.Scale == dst.Scale && dst.Precision >= src.Precision:
		return c.I, nil
	case src.Kind == types.KindDecimal:
		return rescale(c.I, src.Scale, dst)
	case src.Kind == types.KindDouble && !math.IsNaN(c.F) && !math.IsInf(c.F, 0):
		text = strconv.AppendFloat(nil, c.F, 'g', -1, 64)
	default:
		return 0, mismatch(c, src, dst)
	}
	x, msg := parseDecimal(text, dst.Precision, dst.Scale)
	if msg != "" && src.Kind == types.KindString {
		return 0, schemaErr("%s %s", quoteShort(text), msg)
	}
	if msg != "" {
		return 0, schemaErr("%s %s", text, msg)
	}
	return x, nil
}

// rescale turns an unscaled value of scale from into one of dst's scale and checks that it fits
// dst's precision.
func rescale(x int64, from int, dst *types.Type) (int64, *RecordError) {
	var buf [32]byte
	text := AppendDecimal(buf[:0], x, from)
	y, msg := parseDecimal(text, dst.Precision, dst.Scale)
	if msg != "" {
		return 0, schemaErr("%s %s", text, msg)
	}
	return y, nil
}

// cellTimestamp accepts TIMESTAMP, DATE (midnight UTC), integers (epoch ms) and RFC 3339 text.
func cellTimestamp(c *Cell, src, dst *types.Type) (int64, *RecordError) {
	switch src.Kind {
	case types.KindTimestamp, types.KindInt, types.KindBigInt:
		return c.I, nil
	case types.KindDate:
		return c.I * 86_400_000, nil
	case types.KindString:
		if ms, ok := parseTimestamp(c.S); ok {
			return ms, nil
		}
	}
	return 0, mismatch(c, src, dst)
}

// cellDate accepts DATE, integers (epoch days) and YYYY-MM-DD text.
func cellDate(c *Cell, src, dst *types.Type) (int64, *RecordError) {
	switch src.Kind {
	case types.KindDate, types.KindInt, types.KindBigInt:
		return c.I, nil
	case types.KindString:
		if d, ok := parseDate(c.S); ok {
			return d, nil
		}
	}
	return 0, mismatch(c, src, dst)
}

// cellFloat accepts DOUBLE, integers and decimals.
func cellFloat(c *Cell, src *types.Type) (float64, *RecordError) {
	switch {
	case src.Kind == types.KindDouble:
		return c.F, nil
	case src.IsInteger():
		return float64(c.I), nil
	case Wide(src):
		if f, ok := parseFloat(c.S); ok {
			return f, nil
		}
	case src.Kind == types.KindDecimal:
		return float64(c.I) / math.Pow10(src.Scale), nil
	}
	return 0, mismatch(c, src, &types.Double)
}

func cellBool(c *Cell, src *types.Type) (bool, *RecordError) {
	if src.Kind != types.KindBool {
		return false, mismatch(c, src, &types.Bool)
	}
	return c.B, nil
}

// cellString: a STRING column takes strings, UTF-8 bytes and the text of any other value (its
// JSON text for nested values, as the JSON decoder does); a BYTES column takes bytes and
// strings. keep copies the bytes that the result holds.
func cellString(c *Cell, src, dst *types.Type, keep func([]byte) string) (string, *RecordError) {
	switch {
	case src.Kind == types.KindString, src.Kind == types.KindBytes && dst.Kind == types.KindBytes:
		return keep(c.S), nil
	case dst.Kind == types.KindBytes:
		return "", mismatch(c, src, dst)
	case src.Kind == types.KindBytes:
		if !utf8.Valid(c.S) {
			return "", schemaErr("expected STRING, found BYTES that are not UTF-8")
		}
		return keep(c.S), nil
	}
	var buf [64]byte
	return keep(appendCellText(buf[:0], c, src)), nil
}

// appendCellText appends the text of a non-string value: JSON's form without quotes.
func appendCellText(dst []byte, c *Cell, src *types.Type) []byte {
	switch src.Kind {
	case types.KindTimestamp:
		return AppendTimestamp(dst, c.I)
	case types.KindDate:
		return AppendDate(dst, c.I)
	}
	return AppendCellJSON(dst, c, src)
}

// AppendCellJSON appends c, of type t, as JSON (the encodings of the JSON encoder; a wide
// DECIMAL as its number).
func AppendCellJSON(dst []byte, c *Cell, t *types.Type) []byte {
	if c.Null {
		return append(dst, "null"...)
	}
	switch {
	case Wide(t):
		return append(dst, c.S...)
	case t.Kind == types.KindString, t.Kind == types.KindBytes:
		return appendStr(dst, t.Kind, bstr(c.S))
	}
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return appendI64(dst, t, c.I)
	case types.StoreF64:
		return AppendDouble(dst, c.F)
	case types.StoreBool:
		return strconv.AppendBool(dst, c.B)
	}
	return AppendValue(dst, *t, c.V)
}

// mismatch is the schema error of a value that the declared type does not take.
func mismatch(c *Cell, src, dst *types.Type) *RecordError {
	var buf [48]byte
	text := AppendCellJSON(buf[:0], c, src)
	if len(text) > 40 {
		text = append(text[:40], "…"...)
	}
	return schemaErr("expected %s, found %s %s", dst, src, text)
}
