package lake

import (
	"bufio"
	"context"
	"time"

	"github.com/sluicedata/sluice/types"
)

// openFile is a file being written: a temporary object with its encoder.
type openFile struct {
	key      string
	obj      ObjectWriter
	buf      *bufio.Writer
	enc      FileEncoder
	rows     int64
	opened   time.Time
	lastRows time.Time
}

func openNew(ctx context.Context, st Store, key string, f Format, s *types.Schema, skip []bool, now time.Time) (*openFile, error) {
	obj, err := st.Create(ctx, key)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(obj, 256<<10)
	enc, err := f.New(buf, s, skip)
	if err != nil {
		obj.Abort()
		return nil, err
	}
	return &openFile{key: key, obj: obj, buf: buf, enc: enc, opened: now, lastRows: now}, nil
}

func (f *openFile) write(b *types.Batch, rows []int, now time.Time) error {
	if err := f.enc.Write(b, rows); err != nil {
		return err
	}
	f.rows += int64(len(rows))
	f.lastRows = now
	return nil
}

// commit finishes the encoding and publishes the object; on error the temporary is removed.
func (f *openFile) commit() error {
	err := f.enc.Close()
	if err == nil {
		err = f.buf.Flush()
	}
	if err != nil {
		f.obj.Abort()
		return err
	}
	return f.obj.Commit()
}

func (f *openFile) abort() {
	f.enc.Close()
	f.obj.Abort()
}
