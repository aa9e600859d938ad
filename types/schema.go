package types

import "strings"

// Schema is the ordered list of columns of a stream, table or operator output.
//
// EventTime says the rows carry event time (Batch.Time) and watermarks; when false the stream
// runs on processing time (arrival time). TimeCol is the index of the event-time column in
// Fields, or -1 when there is none (processing time, or the column was projected away while the
// rows still carry their event time). Delay is the source's watermark delay in milliseconds.
type Schema struct {
	Fields    []Field
	EventTime bool
	TimeCol   int
	Delay     int64
	Key       []int // primary-key columns of a changelog (CREATE TABLE), else nil
}

// NewSchema returns a processing-time schema over fields.
func NewSchema(fields ...Field) *Schema { return &Schema{Fields: fields, TimeCol: -1} }

// Len is the number of columns.
func (s *Schema) Len() int { return len(s.Fields) }

// Index returns the position of the column named name (case-insensitive), or -1.
func (s *Schema) Index(name string) int {
	for i, f := range s.Fields {
		if strings.EqualFold(f.Name, name) {
			return i
		}
	}
	return -1
}

// Names returns the column names in order.
func (s *Schema) Names() []string {
	out := make([]string, len(s.Fields))
	for i, f := range s.Fields {
		out[i] = f.Name
	}
	return out
}

// HasEventTime reports whether the schema declares an event-time column.
func (s *Schema) HasEventTime() bool { return s.EventTime }
