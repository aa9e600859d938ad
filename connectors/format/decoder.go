package format

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// Decoder decodes one record into one row of a Builder's batch.
type Decoder interface {
	// Decode appends rec as a row, committed with position pos and raw bytes rec, or appends
	// nothing and returns why the record is rejected.
	Decode(rec []byte, pos int64, b *Builder) *RecordError
	// Reset prepares for a new input (a CSV decoder then reads a header row).
	Reset()
}

// Encoder encodes rows of batches.
type Encoder interface {
	// Header appends what starts an output (the CSV header line; nothing for JSON).
	Header(dst []byte) []byte
	// AppendBatch appends every row of b, each ending in '\n'.
	AppendBatch(dst []byte, b *types.Batch) []byte
}

// Line-oriented formats this package implements.
var Formats = []string{"json", "csv"}

// FileFormats are the formats whose files are read whole, record by record, through a
// RecordReader (format/parquet, format/avro) rather than split into lines.
var FileFormats = []string{"avro", "parquet"}

// IsFileFormat reports whether name is one of FileFormats.
func IsFileFormat(name string) bool {
	n := strings.ToLower(name)
	return n == "avro" || n == "parquet"
}

// NewDecoder returns the decoder of format name ("json", "csv" with a header row) for schema s.
func NewDecoder(name string, s *types.Schema) (Decoder, error) {
	switch strings.ToLower(name) {
	case "", "json":
		return NewJSONDecoder(s), nil
	case "csv":
		return NewCSVDecoder(s, true), nil
	}
	if IsFileFormat(name) {
		return nil, fmt.Errorf("format %s is read from whole files, not from a stream of lines: the file connector reads it (line formats: %s)", name, strings.Join(Formats, ", "))
	}
	return nil, fmt.Errorf("format %s is not supported here (supported: %s)", name, strings.Join(Formats, ", "))
}

// NewEncoder returns the encoder of format name ("json", "csv") for schema s.
func NewEncoder(name string, s *types.Schema) (Encoder, error) {
	switch strings.ToLower(name) {
	case "", "json":
		return NewJSONEncoder(s), nil
	case "csv":
		return NewCSVEncoder(s), nil
	}
	return nil, fmt.Errorf("format %s is not supported here (supported: %s)", name, strings.Join(Formats, ", "))
}
