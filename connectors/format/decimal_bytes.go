package format

import "math/big"

// BigEndianInt64 reads a big-endian two's complement integer (the unscaled value of a Parquet
// or Avro DECIMAL stored as bytes) that fits 64 bits; longer inputs keep their low 64 bits.
func BigEndianInt64(b []byte) int64 {
	var x int64
	if len(b) > 0 && b[0]&0x80 != 0 {
		x = -1
	}
	for _, c := range b {
		x = x<<8 | int64(c)
	}
	return x
}

// AppendBigDecimal appends the decimal text of a big-endian two's complement unscaled value
// of any length with scale digits after the point (a wide DECIMAL's cell text).
func AppendBigDecimal(dst, b []byte, scale int) []byte {
	neg := len(b) > 0 && b[0]&0x80 != 0
	x := new(big.Int).SetBytes(b)
	if neg {
		x.Sub(x, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
		dst = append(dst, '-')
	}
	digits := x.Abs(x).Append(nil, 10)
	for len(digits) <= scale {
		digits = append([]byte{'0'}, digits...)
	}
	p := len(digits) - scale
	dst = append(dst, digits[:p]...)
	if scale > 0 {
		dst = append(append(dst, '.'), digits[p:]...)
	}
	return dst
}
