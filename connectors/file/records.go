package file

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/connectors/format/avro"
	"github.com/sluicedata/sluice/connectors/format/parquet"
	"github.com/sluicedata/sluice/types"
)

// Parquet and Avro container files are not line-based: each file is opened whole and read
// record by record (format.Records). Positions are "<file>:<row or record number>" from 1, and
// a row's raw bytes are the record as one JSON object. A file that is not of the format is one
// "decode" error record whose position is the file's name; the source goes on with the next
// file. Parquet needs random access: a gzip-compressed Parquet file (.gz) is read into memory.

func recordUnit(format string) string {
	if strings.EqualFold(format, "parquet") {
		return "row"
	}
	return "record"
}

// readRecords reads one Parquet or Avro file.
func (s *Source) readRecords(ctx context.Context, f *os.File, path string, out connectors.Emitter) error {
	r := s.records
	r.Name, r.Out, r.Clock = filepath.Base(path), out, s.Clock
	rr, err := openRecords(connectors.FileSpec.Get(s.cfg.Options, "format"), f, path)
	if err != nil {
		r.RejectFile(err)
		return nil
	}
	if err := r.Read(ctx, rr); err != nil {
		return fmt.Errorf("file source %s: %s: %w", s.cfg.Stream, path, err)
	}
	return nil
}

// openRecords opens the record reader of a Parquet or Avro file.
func openRecords(name string, f *os.File, path string) (format.RecordReader, error) {
	in, err := decompress(f, path)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(name, "parquet") {
		return avro.Open(in)
	}
	if in == io.Reader(f) {
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		return parquet.Open(f, st.Size())
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	return parquet.Open(bytes.NewReader(data), int64(len(data)))
}

// Schema reads the schema of a `file` source whose format carries one (parquet, avro) from
// its first file, for a stream declared without a column list. Columns are nullable or NOT
// NULL as the file says; DECIMALs over 18 digits become STRING (format.ResolvedSchema).
func Schema(opts map[string]string, baseDir string) (*types.Schema, error) {
	name := connectors.FileSpec.Get(opts, "format")
	if !format.IsFileFormat(name) {
		return nil, fmt.Errorf("format %s carries no schema", name)
	}
	files, err := Resolve(connectors.FileSpec.Get(opts, "path"), baseDir)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("path %s holds no file to read the schema from", connectors.FileSpec.Get(opts, "path"))
	}
	f, err := os.Open(files[0])
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rr, err := openRecords(name, f, files[0])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(files[0]), err)
	}
	return format.ResolvedSchema(rr.Schema()), nil
}
