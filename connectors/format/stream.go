package format

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/sluicedata/sluice/connectors"
)

// DefaultChunk is the read size of a Reader.
const DefaultChunk = 1 << 20

// Reader decodes a byte stream of newline-separated records (JSON lines, CSV) into batches.
// Records are read in large chunks; a row's Origin.Raw points into the chunk (no copy), so a
// chunk is never overwritten: new bytes go after the old ones, and a full chunk is replaced by
// a new one. Blank lines are skipped; a trailing '\r' and a UTF-8 byte order mark are ignored.
type Reader struct {
	Source  string // the stream's name, for error records and Origin.Source
	Name    string // the input's name in positions: "readings.jsonl" gives "readings.jsonl:5"
	Decoder Decoder
	Builder *Builder
	Out     connectors.Emitter
	Chunk   int          // read size; DefaultChunk when 0
	Flush   bool         // emit the pending rows after every read (interactive input)
	Clock   func() int64 // epoch ms, for arrival time and rejections; time.Now when nil
}

// Read decodes everything in in, emitting full batches as they fill and the rest at the end of
// input. It returns nil at the end of input, ctx's error when cancelled, or a read or emit error.
func (r *Reader) Read(ctx context.Context, in io.Reader) error {
	r.Decoder.Reset()
	r.Builder.SetOrigin(r.Source, r.Name+":")
	st := &readState{r: r, chunk: chunker{size: max(r.Chunk, 4096)}, line: 1}
	if r.Chunk == 0 {
		st.chunk.size = DefaultChunk
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n, rerr := st.chunk.fill(in)
		r.Builder.Now = r.now()
		if err := st.records(rerr != nil); err != nil {
			return err
		}
		if err := r.afterRead(n, rerr); err != nil || rerr != nil {
			return err
		}
	}
}

// afterRead flushes when asked and turns the end of input into a final emit.
func (r *Reader) afterRead(n int, rerr error) error {
	if rerr != nil && !errors.Is(rerr, io.EOF) {
		return rerr
	}
	if rerr != nil || r.Flush && n > 0 {
		return r.emit()
	}
	return nil
}

func (r *Reader) now() int64 {
	if r.Clock != nil {
		return r.Clock()
	}
	return time.Now().UnixMilli()
}

func (r *Reader) emit() error {
	if b := r.Builder.Take(); b != nil {
		return r.Out.Emit(b)
	}
	return nil
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// readState is the progress of one Read.
type readState struct {
	r      *Reader
	chunk  chunker
	line   int64 // line number of the next record
	quoted bool  // inside a quoted CSV field at chunk.scan
}

// records decodes every complete record of the chunk (and the incomplete last one at EOF).
func (st *readState) records(eof bool) error {
	c := &st.chunk
	for {
		end, ok := st.nextEnd()
		if !ok && !(eof && c.start < c.end) {
			return nil
		}
		if !ok {
			end = c.end
		}
		if err := st.record(c.buf[c.start:end]); err != nil {
			return err
		}
		c.start, c.scan = min(end+1, c.end), min(end+1, c.end)
	}
}

// nextEnd finds the newline that ends the record at chunk.start.
func (st *readState) nextEnd() (int, bool) {
	c := &st.chunk
	if qn, ok := st.r.Decoder.(interface{ QuotedNewlines() bool }); !ok || !qn.QuotedNewlines() {
		i := bytes.IndexByte(c.buf[c.scan:c.end], '\n')
		if i < 0 {
			c.scan = c.end
			return 0, false
		}
		return c.scan + i, true
	}
	for ; c.scan < c.end; c.scan++ {
		switch c.buf[c.scan] {
		case '"':
			st.quoted = !st.quoted
		case '\n':
			if !st.quoted {
				return c.scan, true
			}
		}
	}
	return 0, false
}

// record decodes one record (without its newline) that starts at line st.line.
func (st *readState) record(rec []byte) error {
	line := st.line
	st.line += 1 + int64(bytes.Count(rec, []byte{'\n'}))
	rec = bytes.TrimSuffix(rec, []byte{'\r'})
	if line == 1 {
		rec = bytes.TrimPrefix(rec, utf8BOM)
	}
	if len(bytes.TrimSpace(rec)) == 0 {
		return nil
	}
	r := st.r
	if err := r.Decoder.Decode(rec, line, r.Builder); err != nil {
		r.reject(err, line, rec)
		return nil
	}
	if r.Builder.Full() {
		return r.emit()
	}
	return nil
}

func (r *Reader) reject(err *RecordError, line int64, rec []byte) {
	n := strconv.FormatInt(line, 10)
	rec2 := err.Record(r.Source, r.Name+":"+n, rec, r.now())
	rec2.Message = "line " + n + ": " + err.Msg
	r.Out.Reject(rec2)
}

// chunker holds the bytes read so far: buf[start:end] is not yet consumed, scan is how far the
// search for the end of the current record got.
type chunker struct {
	buf                    []byte
	start, scan, end, size int
}

// fill reads more bytes after end, moving the unconsumed bytes to a new buffer when full.
func (c *chunker) fill(in io.Reader) (int, error) {
	if c.end == len(c.buf) {
		carry := c.buf[c.start:c.end]
		nb := make([]byte, max(c.size, 2*len(carry)))
		copy(nb, carry)
		c.buf, c.scan, c.end, c.start = nb, c.scan-c.start, len(carry), 0
	}
	n, err := in.Read(c.buf[c.end:])
	c.end += n
	return n, err
}
