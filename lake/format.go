package lake

import (
	"io"

	"github.com/sluicedata/sluice/types"
)

// FileEncoder writes the rows of one file. It never closes the io.Writer it was given.
type FileEncoder interface {
	// Write appends rows sel of b (b's schema is the sink's full schema; partition columns are
	// skipped by the encoder).
	Write(b *types.Batch, sel []int) error
	// Size estimates the bytes of the file so far.
	Size() int64
	// Close writes what ends the file (a Parquet footer).
	Close() error
}

// Format is a file format a sink writes: its name, its file extension and its encoder factory.
// skip marks the schema columns not to write (partition keys, held in folder names).
type Format struct {
	Name string // parquet, json, csv
	Ext  string // .parquet, .jsonl, .csv
	New  func(w io.Writer, s *types.Schema, skip []bool) (FileEncoder, error)
}
