package kafka

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// Metadata columns: a source fills a declared column with one of these names from the record
// instead of the value; a sink takes the record key and headers from `_key` and `_headers`.
const (
	ColTopic     = "_topic"     // STRING
	ColPartition = "_partition" // INT or BIGINT
	ColOffset    = "_offset"    // BIGINT
	ColTimestamp = "_timestamp" // TIMESTAMP (or BIGINT epoch ms): the record's timestamp
	ColKey       = "_key"       // STRING or BYTES; NULL for a record without key
	ColHeaders   = "_headers"   // MAP<STRING,STRING> (or MAP<STRING,BYTES>); a repeated header keeps its last value
)

type metaKind uint8

const (
	metaNone metaKind = iota
	metaTopic
	metaPartition
	metaOffset
	metaTimestamp
	metaKey
	metaHeaders
)

var metaNames = map[string]metaKind{ColTopic: metaTopic, ColPartition: metaPartition, ColOffset: metaOffset,
	ColTimestamp: metaTimestamp, ColKey: metaKey, ColHeaders: metaHeaders}

// metaCol is one declared metadata column.
type metaCol struct {
	kind    metaKind
	col     int // index in the declared schema
	notNull bool
}

// layout splits a source's declared columns into the value's columns (decoded by the format,
// in the payload schema) and metadata columns.
type layout struct {
	schema  *types.Schema
	payload *types.Schema
	srcOf   []int // declared column -> payload column, or -1 for a metadata column
	meta    []metaCol
	// recordTime: the event-time column is _timestamp, so a row's time is its record's timestamp.
	recordTime bool
}

// newLayout builds the layout of s; keyCol ("" for none) is a column that receives the key.
func newLayout(s *types.Schema, keyCol string) (*layout, error) {
	l := &layout{schema: s, srcOf: make([]int, len(s.Fields))}
	var fields []types.Field
	for i, f := range s.Fields {
		kind := metaNames[strings.ToLower(f.Name)]
		if keyCol != "" && strings.EqualFold(f.Name, keyCol) {
			kind = metaKey
		}
		if kind == metaNone {
			l.srcOf[i] = len(fields)
			fields = append(fields, f)
			continue
		}
		if err := checkMetaType(kind, f); err != nil {
			return nil, err
		}
		l.srcOf[i] = -1
		l.meta = append(l.meta, metaCol{kind: kind, col: i, notNull: f.NotNull})
	}
	if keyCol != "" && s.Index(keyCol) < 0 {
		return nil, fmt.Errorf("option key: the stream has no column %s to receive the record key", keyCol)
	}
	return l, l.payloadSchema(fields)
}

// payloadSchema sets the schema the format decodes: the value columns, with the event-time
// column when it is one of them.
func (l *layout) payloadSchema(fields []types.Field) error {
	s := l.schema
	l.payload = &types.Schema{Fields: fields, TimeCol: -1, Delay: s.Delay}
	if !s.EventTime || s.TimeCol < 0 || s.TimeCol >= len(s.Fields) {
		return nil
	}
	if p := l.srcOf[s.TimeCol]; p >= 0 {
		l.payload.EventTime, l.payload.TimeCol = true, p
		return nil
	}
	if metaNames[strings.ToLower(s.Fields[s.TimeCol].Name)] != metaTimestamp {
		return fmt.Errorf("the watermark column %s must be a column of the record value or %s", s.Fields[s.TimeCol].Name, ColTimestamp)
	}
	l.recordTime = true
	return nil
}

func checkMetaType(kind metaKind, f types.Field) error {
	k := f.Type.Kind
	ok := false
	switch kind {
	case metaTopic:
		ok = k == types.KindString
	case metaPartition, metaOffset:
		ok = k == types.KindInt || k == types.KindBigInt
	case metaTimestamp:
		ok = k == types.KindTimestamp || k == types.KindBigInt
	case metaKey:
		ok = k == types.KindString || k == types.KindBytes
	case metaHeaders:
		ok = k == types.KindMap && (f.Type.Elem.Kind == types.KindString || f.Type.Elem.Kind == types.KindBytes)
	}
	if !ok {
		return fmt.Errorf("column %s %s: a Kafka metadata column must be %s", f.Name, f.Type, metaTypes[kind])
	}
	return nil
}

var metaTypes = map[metaKind]string{metaTopic: "STRING", metaPartition: "INT or BIGINT", metaOffset: "INT or BIGINT",
	metaTimestamp: "TIMESTAMP or BIGINT", metaKey: "STRING or BYTES", metaHeaders: "MAP<STRING,STRING> or MAP<STRING,BYTES>"}
