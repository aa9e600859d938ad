package format

import (
	"strconv"

	"github.com/sluicedata/sluice/types"
)

// CSVEncoder writes a header row, then one record per row: NULL as an empty field, the empty
// string as "", values as the JSON encoder writes them but unquoted (TIMESTAMP RFC 3339, DATE
// YYYY-MM-DD, DOUBLE shortest round-trip), ARRAY/MAP/STRUCT as their JSON text; a field is
// quoted when it holds a comma, a quote, a newline or leading/trailing spaces.
type CSVEncoder struct {
	names   []string
	scratch []byte
}

// NewCSVEncoder returns a CSV encoder for rows of s.
func NewCSVEncoder(s *types.Schema) *CSVEncoder { return &CSVEncoder{names: s.Names()} }

// Header appends the header row.
func (e *CSVEncoder) Header(dst []byte) []byte {
	for i, n := range e.names {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendCSVField(dst, []byte(n))
	}
	return append(dst, '\n')
}

// AppendBatch appends every row of b as a record.
func (e *CSVEncoder) AppendBatch(dst []byte, b *types.Batch) []byte {
	for i := 0; i < b.Len; i++ {
		for c, v := range b.Cols {
			if c > 0 {
				dst = append(dst, ',')
			}
			dst = e.appendCell(dst, v, i)
		}
		dst = append(dst, '\n')
	}
	return dst
}

func (e *CSVEncoder) appendCell(dst []byte, v *types.Vector, i int) []byte {
	if v.Nulls.Get(i) {
		return dst
	}
	switch v.Type.Kind {
	case types.KindString:
		if v.Str[i] == "" {
			return append(dst, '"', '"')
		}
		return appendCSVField(dst, []byte(v.Str[i]))
	case types.KindTimestamp:
		return AppendTimestamp(dst, v.I64[i])
	case types.KindDate:
		return AppendDate(dst, v.I64[i])
	case types.KindBool:
		return strconv.AppendBool(dst, v.Bool[i])
	case types.KindDouble:
		return AppendDouble(dst, v.F64[i])
	}
	e.scratch = AppendVectorValue(e.scratch[:0], v, i)
	if types.Storage(v.Type.Kind) == types.StoreStr { // BYTES: strip the JSON quotes
		e.scratch = e.scratch[1 : len(e.scratch)-1]
	}
	return appendCSVField(dst, e.scratch)
}

// appendCSVField appends f, quoted when needed.
func appendCSVField(dst, f []byte) []byte {
	if !needsQuotes(f) {
		return append(dst, f...)
	}
	dst = append(dst, '"')
	for _, c := range f {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

func needsQuotes(f []byte) bool {
	if len(f) > 0 && (f[0] == ' ' || f[len(f)-1] == ' ') {
		return true
	}
	for _, c := range f {
		if c == ',' || c == '"' || c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}
