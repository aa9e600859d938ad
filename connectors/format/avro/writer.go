package avro

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hamba/avro/v2"
	"github.com/hamba/avro/v2/ocf"

	"github.com/sluicedata/sluice/types"
)

// Writing maps SQL types to Avro types; every column, element and member is a union
// ["null", T] (NULL is a value of every type), defaulting to null:
//
//	BOOLEAN       boolean
//	INT, BIGINT   int, long
//	DOUBLE        double
//	DECIMAL(p,s)  bytes decimal(p,s)
//	STRING, BYTES string, bytes
//	TIMESTAMP     long timestamp-millis
//	DATE          int date
//	ARRAY<T>      array of T
//	MAP<STRING,T> map of T
//	STRUCT<...>   record named <parent>_<member> with the members in order
//
// Avro names allow only letters, digits and '_' and cannot start with a digit: other characters
// of a column name become '_' (and a leading digit gets a '_' before it); a name made equal to
// an earlier one gets a suffix _2, _3, ...
type Writer struct {
	enc  *ocf.Encoder
	cols []types.Type
	buf  []byte
}

// NewWriter starts an Avro container file on out for rows of s. compression is the file
// sink's option: zstd (Avro's zstandard codec, the default), snappy, deflate or none.
func NewWriter(out io.Writer, s *types.Schema, compression string) (*Writer, error) {
	codec, err := codecName(compression)
	if err != nil {
		return nil, err
	}
	text, err := WriterSchema("sluice", s)
	if err != nil {
		return nil, err
	}
	schema, err := avro.ParseWithCache(text, "", &avro.SchemaCache{})
	if err != nil {
		return nil, fmt.Errorf("the Avro schema of the columns: %w", err)
	}
	enc, err := ocf.NewEncoderWithSchema(schema, out, ocf.WithCodec(codec), ocf.WithBlockLength(4096))
	if err != nil {
		return nil, err
	}
	w := &Writer{enc: enc}
	for _, f := range s.Fields {
		w.cols = append(w.cols, f.Type)
	}
	return w, nil
}

func codecName(compression string) (ocf.CodecName, error) {
	switch strings.ToLower(compression) {
	case "", "zstd", "zstandard":
		return ocf.ZStandard, nil
	case "snappy":
		return ocf.Snappy, nil
	case "deflate":
		return ocf.Deflate, nil
	case "none", "null", "uncompressed":
		return ocf.Null, nil
	}
	return "", fmt.Errorf("unknown compression %q for Avro (zstd, snappy, deflate or none)", compression)
}

// Write encodes every row of b.
func (w *Writer) Write(b *types.Batch) error {
	for i := 0; i < b.Len; i++ {
		w.buf = w.buf[:0]
		for c, v := range b.Cols {
			w.buf = appendColumn(w.buf, &w.cols[c], v, i)
		}
		if _, err := w.enc.Write(w.buf); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes the rows encoded so far as a block (none when there is none).
func (w *Writer) Flush() error { return w.enc.Flush() }

// Close writes the last block. It does not close the underlying writer.
func (w *Writer) Close() error { return w.enc.Close() }

// WriterSchema returns the Avro schema (JSON) of rows of s: a record called name.
func WriterSchema(name string, s *types.Schema) (string, error) {
	rec, err := recordSchema(avroName(name), s.Fields)
	if err != nil {
		return "", err
	}
	out, err := json.Marshal(rec)
	return string(out), err
}

type jsonObject = map[string]any

func recordSchema(name string, fields []types.Field) (jsonObject, error) {
	names := uniqueNames(fields)
	out := make([]jsonObject, len(fields))
	for i, f := range fields {
		t, err := typeSchema(name+"_"+names[i], f.Type)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", f.Name, err)
		}
		out[i] = jsonObject{"name": names[i], "type": []any{"null", t}, "default": nil}
	}
	return jsonObject{"type": "record", "name": name, "fields": out}, nil
}

func typeSchema(name string, t types.Type) (any, error) {
	switch t.Kind {
	case types.KindBool:
		return "boolean", nil
	case types.KindInt:
		return "int", nil
	case types.KindBigInt:
		return "long", nil
	case types.KindDouble:
		return "double", nil
	case types.KindDecimal:
		return jsonObject{"type": "bytes", "logicalType": "decimal", "precision": t.Precision, "scale": t.Scale}, nil
	case types.KindString:
		return "string", nil
	case types.KindBytes:
		return "bytes", nil
	case types.KindTimestamp:
		return jsonObject{"type": "long", "logicalType": "timestamp-millis"}, nil
	case types.KindDate:
		return jsonObject{"type": "int", "logicalType": "date"}, nil
	}
	return nestedSchema(name, t)
}

func nestedSchema(name string, t types.Type) (any, error) {
	switch t.Kind {
	case types.KindArray, types.KindMap:
		elem, err := typeSchema(name, *t.Elem)
		if err != nil {
			return nil, err
		}
		if t.Kind == types.KindArray {
			return jsonObject{"type": "array", "items": []any{"null", elem}}, nil
		}
		return jsonObject{"type": "map", "values": []any{"null", elem}}, nil
	case types.KindStruct:
		return recordSchema(name, t.Fields)
	}
	return nil, fmt.Errorf("type %s has no Avro mapping", t)
}

// uniqueNames turns field names into distinct Avro names.
func uniqueNames(fields []types.Field) []string {
	seen := map[string]bool{}
	out := make([]string, len(fields))
	for i, f := range fields {
		n := avroName(f.Name)
		for k := 2; seen[n]; k++ {
			n = avroName(f.Name) + "_" + strconv.Itoa(k)
		}
		seen[n], out[i] = true, n
	}
	return out
}

// avroName replaces what an Avro name cannot hold by '_' and puts '_' before a leading digit.
func avroName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	if len(b) == 0 || b[0] >= '0' && b[0] <= '9' {
		return "_" + string(b)
	}
	return string(b)
}
