package file

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/connectors/format/parquet"
	"github.com/sluicedata/sluice/lake"
	"github.com/sluicedata/sluice/types"
)

// NewLakeSink returns the `file` sink that writes a folder of partitioned, rolled files with the
// lake's commit protocol (Parquet, JSON lines or CSV), or a single Parquet file when `path` is a
// file (no `partition_by` nor `roll_*`). The result implements connectors.WatermarkSink.
func NewLakeSink(cfg connectors.SinkConfig) (connectors.Sink, error) {
	s, err := newLakeSink(cfg)
	if err != nil {
		return nil, fmt.Errorf("file sink %s: %w", cfg.Sink, err)
	}
	return s, nil
}

func newLakeSink(cfg connectors.SinkConfig) (connectors.Sink, error) {
	get := func(k string) string { return connectors.FileSpec.Get(cfg.Options, k) }
	f, err := lakeFormat(get)
	if err != nil {
		return nil, err
	}
	dir, err := lake.LocalPath(get("path"), cfg.BaseDir)
	if err != nil {
		return nil, err
	}
	if !isFolderSink(get) {
		return newSingleFile(dir, cfg.Schema, f)
	}
	o, err := lakeOptions(cfg, get)
	if err != nil {
		return nil, err
	}
	if o.Store, err = lake.NewLocalStore(dir); err != nil {
		return nil, err
	}
	o.Format = f
	return lake.NewSink(context.Background(), o)
}

func isFolderSink(get func(string) string) bool {
	for _, k := range []string{"partition_by", "roll_interval", "roll_size", "roll_rows"} {
		if get(k) != "" {
			return true
		}
	}
	return false
}

// lakeOptions reads the roll and partition options (validated by the planner; checked again).
func lakeOptions(cfg connectors.SinkConfig, get func(string) string) (lake.SinkOptions, error) {
	o := lake.SinkOptions{Name: cfg.Sink, Schema: cfg.Schema, PartitionBy: get("partition_by"), Options: manifestOptions(get)}
	var err error
	if v := get("roll_rows"); v != "" {
		if o.RollRows, err = strconv.ParseInt(v, 10, 64); err != nil || o.RollRows <= 0 {
			return o, fmt.Errorf("roll_rows: expected a positive whole number, found '%s'", v)
		}
	}
	if v := get("roll_size"); v != "" {
		if o.RollSize, err = connectors.ParseSize(v); err != nil {
			return o, fmt.Errorf("roll_size: %w", err)
		}
	}
	if v := get("roll_interval"); v != "" {
		if o.RollInterval, err = connectors.ParseDuration(v); err != nil {
			return o, fmt.Errorf("roll_interval: %w", err)
		}
	}
	return o, nil
}

// manifestOptions are the options recorded in the sink's manifest.
func manifestOptions(get func(string) string) map[string]string {
	m := map[string]string{}
	for _, k := range []string{"format", "partition_by", "roll_interval", "roll_size", "roll_rows", "compression", "row_group_size"} {
		if v := get(k); v != "" {
			m[k] = v
		}
	}
	return m
}

// lakeFormat returns the file format of the `format`, `compression` and `row_group_size` options.
func lakeFormat(get func(string) string) (lake.Format, error) {
	switch name := strings.ToLower(get("format")); name {
	case "parquet":
		return parquetFormat(get("compression"), get("row_group_size"))
	case "", "json", "csv":
		if name == "" {
			name = "json"
		}
		return lineFormat(name), nil
	default:
		return lake.Format{}, fmt.Errorf("format %s cannot be written to a lake folder (parquet, json, csv)", name)
	}
}

func parquetFormat(compression, rowGroup string) (lake.Format, error) {
	if _, err := parquet.Codec(compression); err != nil {
		return lake.Format{}, err
	}
	rg := 0
	if rowGroup != "" {
		n, err := strconv.Atoi(rowGroup)
		if err != nil || n <= 0 {
			return lake.Format{}, fmt.Errorf("row_group_size: expected a positive whole number, found '%s'", rowGroup)
		}
		rg = n
	}
	return lake.Format{Name: "parquet", Ext: ".parquet", New: func(w io.Writer, s *types.Schema, skip []bool) (lake.FileEncoder, error) {
		return parquet.NewWriter(w, s, parquet.Options{Compression: compression, RowGroupSize: rg, Skip: skip})
	}}, nil
}

// lineFormat writes JSON lines or CSV through connectors/format's encoders, without the
// partition columns (they are in the folder names).
func lineFormat(name string) lake.Format {
	ext := map[string]string{"json": ".jsonl", "csv": ".csv"}[name]
	return lake.Format{Name: name, Ext: ext, New: func(w io.Writer, s *types.Schema, skip []bool) (lake.FileEncoder, error) {
		keep, proj := projection(s, skip)
		enc, err := format.NewEncoder(name, proj)
		if err != nil {
			return nil, err
		}
		e := &lineEncoder{w: w, enc: enc, keep: keep, schema: proj}
		return e, e.emit(enc.Header(nil))
	}}
}

// projection returns the kept column indexes and their schema.
func projection(s *types.Schema, skip []bool) ([]int, *types.Schema) {
	var keep []int
	proj := types.NewSchema()
	for i, f := range s.Fields {
		if i >= len(skip) || !skip[i] {
			keep = append(keep, i)
			proj.Fields = append(proj.Fields, f)
		}
	}
	return keep, proj
}

type lineEncoder struct {
	w      io.Writer
	enc    format.Encoder
	keep   []int
	schema *types.Schema
	buf    []byte
	size   int64
}

func (e *lineEncoder) Write(b *types.Batch, sel []int) error {
	cols := *b
	cols.Origin, cols.WM = nil, nil // encoders need neither; Select would copy them
	sub := cols.Select(sel)
	proj := &types.Batch{Schema: e.schema, Cols: make([]*types.Vector, len(e.keep)), Len: sub.Len, Time: sub.Time}
	for j, c := range e.keep {
		proj.Cols[j] = sub.Cols[c]
	}
	e.buf = e.enc.AppendBatch(e.buf[:0], proj)
	return e.emit(e.buf)
}

func (e *lineEncoder) emit(p []byte) error {
	n, err := e.w.Write(p)
	e.size += int64(n)
	return err
}

func (e *lineEncoder) Size() int64  { return e.size }
func (e *lineEncoder) Close() error { return nil }

// singleFile is a sink that writes one file (Parquet without partitions or rolls), visible
// only once complete: written as a hidden temporary and renamed into place by Close.
type singleFile struct {
	obj lake.ObjectWriter
	enc lake.FileEncoder
}

func newSingleFile(path string, s *types.Schema, f lake.Format) (*singleFile, error) {
	st, err := lake.NewLocalStore(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	obj, err := st.Create(context.Background(), filepath.Base(path))
	if err != nil {
		return nil, err
	}
	enc, err := f.New(obj, s, nil)
	if err != nil {
		obj.Abort()
		return nil, err
	}
	return &singleFile{obj: obj, enc: enc}, nil
}

func (s *singleFile) Write(_ context.Context, b *types.Batch) error { return s.enc.Write(b, nil) }

func (s *singleFile) Close(context.Context) error {
	if err := s.enc.Close(); err != nil {
		s.obj.Abort()
		return err
	}
	return s.obj.Commit()
}

// Watermark implements connectors.WatermarkSink; a single file has no partitions to complete.
func (s *singleFile) Watermark(context.Context, int64) error { return nil }

var _ connectors.WatermarkSink = (*lake.Sink)(nil)
var _ connectors.WatermarkSink = (*singleFile)(nil)
