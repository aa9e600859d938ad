package kafka

import (
	"fmt"
	"slices"
	"strings"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// rowEncoder appends the encoding of every row of b to dst, recording where each row ends.
type rowEncoder interface {
	appendRows(dst []byte, b *types.Batch, ends []int) ([]byte, []int)
}

// newRowEncoder returns the value encoder of a format (Avro plugs in here).
func newRowEncoder(name string, s *types.Schema) (rowEncoder, error) {
	switch strings.ToLower(name) {
	case "", "json":
		return jsonRows{format.NewJSONEncoder(s)}, nil
	case "csv":
		return csvRows{format.NewCSVEncoder(s)}, nil
	}
	return nil, fmt.Errorf("format %s is not supported by the kafka connector yet (supported: json, csv)", name)
}

// jsonRows encodes each row as one JSON object (no newline).
type jsonRows struct{ e *format.JSONEncoder }

func (j jsonRows) appendRows(dst []byte, b *types.Batch, ends []int) ([]byte, []int) {
	for i := 0; i < b.Len; i++ {
		dst = j.e.AppendRow(dst, b, i)
		ends = append(ends, len(dst))
	}
	return dst, ends
}

// csvRows encodes each row as one CSV record without header and without its newline.
type csvRows struct{ e *format.CSVEncoder }

func (c csvRows) appendRows(dst []byte, b *types.Batch, ends []int) ([]byte, []int) {
	start := len(dst)
	dst = c.e.AppendBatch(dst, b)
	quoted := false
	out := dst[:start]
	for _, ch := range dst[start:] {
		if ch == '"' {
			quoted = !quoted
		}
		if ch == '\n' && !quoted {
			ends = append(ends, len(out))
			continue
		}
		out = append(out, ch)
	}
	return out, ends
}

// keyEncoder builds record keys: one column gives its value as text (a string as is, a
// timestamp as RFC 3339, other values as JSON), several a JSON object of them; a NULL single
// column gives no key.
type keyEncoder struct {
	cols []int
	json *format.JSONEncoder // several columns
	view *types.Batch
}

func newKeyEncoder(s *types.Schema, cols []int) *keyEncoder {
	k := &keyEncoder{cols: cols}
	if len(cols) > 1 {
		fields := make([]types.Field, len(cols))
		for i, c := range cols {
			fields[i] = s.Fields[c]
		}
		ks := types.NewSchema(fields...)
		k.json = format.NewJSONEncoder(ks)
		k.view = &types.Batch{Schema: ks, Cols: make([]*types.Vector, len(cols))}
	}
	return k
}

// appendKey appends row i's key to dst and reports whether the row has one.
func (k *keyEncoder) appendKey(dst []byte, b *types.Batch, i int) ([]byte, bool) {
	if len(k.cols) == 1 {
		v := b.Cols[k.cols[0]]
		if v.IsNull(i) {
			return dst, false
		}
		return appendText(dst, v, i), true
	}
	for j, c := range k.cols {
		k.view.Cols[j] = b.Cols[c]
	}
	k.view.Len = b.Len
	return k.json.AppendRow(dst, k.view, i), true
}

// appendText appends a non-NULL value as text.
func appendText(dst []byte, v *types.Vector, i int) []byte {
	switch v.Type.Kind {
	case types.KindString, types.KindBytes:
		return append(dst, v.Str[i]...)
	case types.KindTimestamp:
		return format.AppendTimestamp(dst, v.I64[i])
	case types.KindDate:
		return format.AppendDate(dst, v.I64[i])
	}
	return format.AppendVectorValue(dst, v, i)
}

// headersOf returns row i's headers from a MAP column, sorted by name (nil for NULL or empty).
func headersOf(v *types.Vector, i int) []kgo.RecordHeader {
	if v.IsNull(i) {
		return nil
	}
	m, _ := v.Any[i].(map[string]any)
	if len(m) == 0 {
		return nil
	}
	hs := make([]kgo.RecordHeader, 0, len(m))
	for k, x := range m {
		hs = append(hs, kgo.RecordHeader{Key: k, Value: headerValue(*v.Type.Elem, x)})
	}
	slices.SortFunc(hs, func(a, b kgo.RecordHeader) int { return strings.Compare(a.Key, b.Key) })
	return hs
}

func headerValue(t types.Type, x any) []byte {
	switch s := x.(type) {
	case nil:
		return nil
	case string:
		return []byte(s)
	}
	return format.AppendValue(nil, t, x)
}
