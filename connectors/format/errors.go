package format

import (
	"fmt"

	"github.com/sluicedata/sluice/connectors"
)

// RecordError says why one record was rejected. Msg is human-readable and does not name the
// record's position: the source prefixes it ("line 5: …").
type RecordError struct {
	Reason string // connectors.ReasonDecode, ReasonSchema or ReasonNotNull
	Msg    string
}

func (e *RecordError) Error() string { return e.Reason + ": " + e.Msg }

// Record turns the error into an error record.
func (e *RecordError) Record(source, position string, raw []byte, at int64) connectors.ErrorRecord {
	return connectors.ErrorRecord{Source: source, Reason: e.Reason, Message: e.Msg, Position: position, Raw: raw, At: at}
}

func decodeErr(format string, args ...any) *RecordError {
	return &RecordError{Reason: connectors.ReasonDecode, Msg: fmt.Sprintf(format, args...)}
}

func schemaErr(format string, args ...any) *RecordError {
	return &RecordError{Reason: connectors.ReasonSchema, Msg: fmt.Sprintf(format, args...)}
}

// inColumn prefixes the message with the column's name.
func (e *RecordError) inColumn(name string) *RecordError {
	return &RecordError{Reason: e.Reason, Msg: "column " + name + ": " + e.Msg}
}

var errEOF = &RecordError{Reason: connectors.ReasonDecode, Msg: "unexpected end of JSON input"}
