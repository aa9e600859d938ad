package kafka

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// newDecoder returns the decoder of a record value's format. Every record is one row: CSV
// values have no header row (fields are the value columns in declared order). Avro (with a
// schema registry) plugs in here.
func newDecoder(name string, s *types.Schema) (format.Decoder, error) {
	switch strings.ToLower(name) {
	case "", "json":
		return format.NewJSONDecoder(s), nil
	case "csv":
		return format.NewCSVDecoder(s, false), nil
	}
	return nil, fmt.Errorf("format %s is not supported by the kafka connector yet (supported: json, csv)", name)
}

// partDecoder turns the records of one partition into batches of the declared schema: the
// format decodes the value columns, the metadata columns come from the record.
type partDecoder struct {
	l       *layout
	stream  string
	topic   string
	part    int32
	dec     format.Decoder
	bld     *format.Builder
	meta    []*types.Vector // parallel to l.meta
	rejects []connectors.ErrorRecord
	next    int64 // offset after the last record handled
	epoch   int32 // leader epoch of the last record handled
}

func newPartDecoder(l *layout, stream, formatName, topic string, part int32, rows int) (*partDecoder, error) {
	dec, err := newDecoder(formatName, l.payload)
	if err != nil {
		return nil, err
	}
	d := &partDecoder{l: l, stream: stream, topic: topic, part: part, dec: dec, bld: format.NewBuilder(l.payload, rows)}
	d.bld.SetOrigin(stream, prefix(topic, part))
	d.resetMeta()
	return d, nil
}

// prefix is the position prefix of a partition's records: "topic/3@".
func prefix(topic string, part int32) string {
	return topic + "/" + strconv.FormatInt(int64(part), 10) + "@"
}

func (d *partDecoder) resetMeta() {
	d.meta = make([]*types.Vector, len(d.l.meta))
	for j, m := range d.l.meta {
		d.meta[j] = types.NewVector(d.l.schema.Fields[m.col].Type, format.DefaultBatchRows)
	}
}

// add decodes one record (now is the arrival time in epoch ms) and reports whether the pending
// batch is full.
func (d *partDecoder) add(r *kgo.Record, now int64) bool {
	d.next, d.epoch = r.Offset+1, r.LeaderEpoch
	switch {
	case d.l.recordTime:
		d.bld.Now = r.Timestamp.UnixMilli()
	case !d.l.payload.EventTime:
		d.bld.Now = now
	}
	if err := d.checkKey(r); err != nil {
		d.reject(err, r, now)
		return false
	}
	if err := d.dec.Decode(r.Value, r.Offset, d.bld); err != nil {
		d.reject(err, r, now)
		return false
	}
	d.appendMeta(r)
	return d.bld.Full()
}

// checkKey rejects a record without key when a NOT NULL column receives the key.
func (d *partDecoder) checkKey(r *kgo.Record) *format.RecordError {
	for _, m := range d.l.meta {
		if m.kind == metaKey && m.notNull && r.Key == nil {
			name := d.l.schema.Fields[m.col].Name
			return &format.RecordError{Reason: connectors.ReasonNotNull, Msg: "column " + name + " is NOT NULL but the record has no key"}
		}
	}
	return nil
}

func (d *partDecoder) reject(err *format.RecordError, r *kgo.Record, now int64) {
	pos := prefix(d.topic, d.part) + strconv.FormatInt(r.Offset, 10)
	d.rejects = append(d.rejects, err.Record(d.stream, pos, r.Value, now))
}

// appendMeta appends the record's metadata to the metadata columns.
func (d *partDecoder) appendMeta(r *kgo.Record) {
	for j, m := range d.l.meta {
		v := d.meta[j]
		switch m.kind {
		case metaTopic:
			v.Str = append(v.Str, d.topic)
		case metaPartition:
			v.I64 = append(v.I64, int64(r.Partition))
		case metaOffset:
			v.I64 = append(v.I64, r.Offset)
		case metaTimestamp:
			v.I64 = append(v.I64, r.Timestamp.UnixMilli())
		case metaKey:
			d.appendKey(v, r.Key)
		case metaHeaders:
			v.Any = append(v.Any, headerMap(r.Headers))
		}
	}
}

func (d *partDecoder) appendKey(v *types.Vector, key []byte) {
	if key == nil {
		v.AppendNull()
		return
	}
	v.Str = append(v.Str, d.bld.String(key))
}

// headerMap returns the headers as a MAP value (a repeated key keeps its last value).
func headerMap(hs []kgo.RecordHeader) map[string]any {
	m := make(map[string]any, len(hs))
	for _, h := range hs {
		m[h.Key] = string(h.Value)
	}
	return m
}

// take returns the pending batch in the declared schema (nil when it has no row) and the
// records rejected since the last take.
func (d *partDecoder) take() (*types.Batch, []connectors.ErrorRecord) {
	rejects := d.rejects
	d.rejects = nil
	pb := d.bld.Take()
	if pb == nil {
		return nil, rejects
	}
	out := &types.Batch{Schema: d.l.schema, Cols: make([]*types.Vector, len(d.l.srcOf)), Len: pb.Len,
		Time: pb.Time, Origin: pb.Origin}
	for i, p := range d.l.srcOf {
		if p >= 0 {
			out.Cols[i] = pb.Cols[p]
		}
	}
	for j, m := range d.l.meta {
		out.Cols[m.col] = d.meta[j]
	}
	d.resetMeta()
	return out, rejects
}
