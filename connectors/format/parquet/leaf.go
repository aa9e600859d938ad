package parquet

import (
	"fmt"
	"math"
	"strconv"

	pq "github.com/parquet-go/parquet-go"
	pf "github.com/parquet-go/parquet-go/format"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// leafConv says how a leaf column's values become Cells.
type leafConv uint8

const (
	convBool leafConv = iota
	convInt32
	convUint32
	convInt64
	convUint64 // text of a wide DECIMAL(20,0)
	convMicros // TIMESTAMP(MICROS) to milliseconds
	convNanos  // TIMESTAMP(NANOS) to milliseconds
	convInt96
	convFloat
	convFloat16
	convDouble
	convBytes
	convDecimal     // big-endian two's complement, up to 18 digits
	convWideDecimal // big-endian two's complement, as decimal text
	convUUID
)

// leafType maps a leaf's physical and logical type to a SQL type and a conversion (see the
// table on nodeKind).
func leafType(t pq.Type) (types.Type, leafConv, error) {
	lt := logical(t)
	if d, ok := lt.(*pf.DecimalType); ok {
		return decimalType(t.Kind(), int(d.Precision), int(d.Scale))
	}
	switch t.Kind() {
	case pq.Boolean:
		return types.Bool, convBool, nil
	case pq.Int32:
		return int32Type(lt)
	case pq.Int64:
		return int64Type(lt)
	case pq.Int96:
		return types.Timestamp, convInt96, nil
	case pq.Float:
		return types.Double, convFloat, nil
	case pq.Double:
		return types.Double, convDouble, nil
	}
	return bytesType(lt)
}

func int32Type(lt pf.LogicalTypeValue) (types.Type, leafConv, error) {
	switch x := lt.(type) {
	case *pf.DateType:
		return types.Date, convInt32, nil
	case *pf.IntType:
		if !x.IsSigned && x.BitWidth == 32 {
			return types.BigInt, convUint32, nil
		}
	}
	return types.Int, convInt32, nil
}

func int64Type(lt pf.LogicalTypeValue) (types.Type, leafConv, error) {
	switch x := lt.(type) {
	case *pf.TimestampType:
		switch x.Unit.Value.(type) {
		case *pf.MicroSeconds:
			return types.Timestamp, convMicros, nil
		case *pf.NanoSeconds:
			return types.Timestamp, convNanos, nil
		}
		return types.Timestamp, convInt64, nil
	case *pf.IntType:
		if !x.IsSigned {
			return types.Decimal(20, 0), convUint64, nil
		}
	}
	return types.BigInt, convInt64, nil
}

func bytesType(lt pf.LogicalTypeValue) (types.Type, leafConv, error) {
	switch lt.(type) {
	case *pf.StringType, *pf.EnumType, *pf.JsonType:
		return types.String, convBytes, nil
	case *pf.UUIDType:
		return types.String, convUUID, nil
	case *pf.Float16Type:
		return types.Double, convFloat16, nil
	}
	return types.Bytes, convBytes, nil
}

func decimalType(k pq.Kind, p, s int) (types.Type, leafConv, error) {
	if p < 1 || s < 0 || s > p {
		return types.Type{}, 0, fmt.Errorf("DECIMAL(%d,%d) is not a valid decimal", p, s)
	}
	switch {
	case k == pq.Int32:
		return types.Decimal(p, s), convInt32, nil
	case k == pq.Int64:
		return types.Decimal(p, s), convInt64, nil
	case k != pq.ByteArray && k != pq.FixedLenByteArray:
		return types.Type{}, 0, fmt.Errorf("DECIMAL stored as %s", k)
	case p > types.MaxDecimalPrecision:
		return types.Decimal(p, s), convWideDecimal, nil
	}
	return types.Decimal(p, s), convDecimal, nil
}

// leafCell fills c with the non-null value v; text receives the text of wide decimals and
// UUIDs (c.S aliases it, or v's bytes).
func leafCell(conv leafConv, scale int, v pq.Value, c *format.Cell, text *[]byte) {
	switch conv {
	case convBool:
		c.B = v.Boolean()
	case convInt32:
		c.I = int64(v.Int32())
	case convUint32:
		c.I = int64(v.Uint32())
	case convInt64:
		c.I = v.Int64()
	case convMicros:
		c.I = floorDiv(v.Int64(), 1_000)
	case convNanos:
		c.I = floorDiv(v.Int64(), 1_000_000)
	default:
		otherCell(conv, scale, v, c, text)
	}
}

func otherCell(conv leafConv, scale int, v pq.Value, c *format.Cell, text *[]byte) {
	switch conv {
	case convInt96:
		c.I = int96Millis(v)
	case convFloat:
		c.F = float64(v.Float())
	case convDouble:
		c.F = v.Double()
	case convFloat16:
		c.F = float16(v.ByteArray())
	case convDecimal:
		c.I = format.BigEndianInt64(v.ByteArray())
	case convUint64:
		c.S = keepText(text, strconv.AppendUint(*text, v.Uint64(), 10))
	case convWideDecimal:
		c.S = keepText(text, format.AppendBigDecimal(*text, v.ByteArray(), scale))
	case convUUID:
		c.S = keepText(text, appendUUID(*text, v.ByteArray()))
	default:
		c.S = v.ByteArray()
	}
}

// keepText returns what was appended to *text (grown is *text with more bytes at its end).
func keepText(text *[]byte, grown []byte) []byte {
	start := len(*text)
	*text = grown
	return grown[start:len(grown):len(grown)]
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// int96Millis reads a legacy INT96 timestamp: nanoseconds of the day, then the Julian day.
func int96Millis(v pq.Value) int64 {
	x := v.Int96()
	nanos := int64(uint64(x[1])<<32 | uint64(x[0]))
	const unixJulianDay = 2_440_588
	return (int64(x[2])-unixJulianDay)*86_400_000 + floorDiv(nanos, 1_000_000)
}

func appendUUID(dst, b []byte) []byte {
	const hex = "0123456789abcdef"
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hex[c>>4], hex[c&15])
	}
	return dst
}

// float16 decodes an IEEE 754 half-precision float (little-endian).
func float16(b []byte) float64 {
	if len(b) < 2 {
		return math.NaN()
	}
	h := uint16(b[0]) | uint16(b[1])<<8
	sign, exp, frac := h>>15, int(h>>10&0x1f), float64(h&0x3ff)
	var f float64
	switch exp {
	case 0:
		f = frac / 1024 * math.Pow(2, -14)
	case 31:
		f = math.Inf(1)
		if frac != 0 {
			f = math.NaN()
		}
	default:
		f = (1 + frac/1024) * math.Pow(2, float64(exp-15))
	}
	if sign == 1 {
		f = -f
	}
	return f
}
