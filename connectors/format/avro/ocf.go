package avro

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/hamba/avro/v2"
	"github.com/hamba/avro/v2/ocf"
	"github.com/klauspost/compress/zstd"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// Reader reads the records of an Avro object container file as format.Cells, one per field of
// the top-level record; it is a format.RecordReader. Records are numbered from 1 across
// blocks. A record that cannot be decoded is one "decode" error and the rest of its block is
// skipped (the next block starts at a known offset); a damaged block frame ends the file.
type Reader struct {
	in     *bufio.Reader
	root   *node
	schema *types.Schema
	sync   [16]byte
	codec  codec
	block  []byte // compressed bytes of the current block
	dec    decoder
	left   int64 // records left in the current block
	skip   int64 // records of a block skipped after a bad record, counted at the next Next
	pos    int64
	done   bool
}

// codec decompresses a block.
type codec func(dst, src []byte) ([]byte, error)

// Open reads the container's header: magic, metadata (schema and codec) and sync marker.
func Open(r io.Reader) (*Reader, error) {
	rd := &Reader{in: bufio.NewReaderSize(r, 64<<10)}
	meta, err := rd.header()
	if err != nil {
		return nil, fmt.Errorf("not a readable Avro container file: %w", err)
	}
	s, err := avro.ParseBytesWithCache(meta["avro.schema"], "", &avro.SchemaCache{})
	if err != nil {
		return nil, fmt.Errorf("the Avro container's schema: %w", err)
	}
	if rd.root, err = plan(s); err != nil {
		return nil, err
	}
	if rd.codec, err = codecOf(string(meta["avro.codec"])); err != nil {
		return nil, err
	}
	rd.schema = types.NewSchema(rd.root.typ.Fields...)
	return rd, nil
}

// ReadSchema returns the SQL schema of the Avro container file r.
func ReadSchema(r io.Reader) (*types.Schema, error) {
	rd, err := Open(r)
	if err != nil {
		return nil, err
	}
	return rd.Schema(), nil
}

var magic = []byte{'O', 'b', 'j', 1}

func (r *Reader) header() (map[string][]byte, error) {
	var m [4]byte
	if _, err := io.ReadFull(r.in, m[:]); err != nil || !bytes.Equal(m[:], magic) {
		return nil, errors.New("the file does not start with Obj\\x01")
	}
	meta := map[string][]byte{}
	for {
		n, err := r.long()
		if err != nil || n == 0 {
			_, serr := io.ReadFull(r.in, r.sync[:])
			return meta, errors.Join(err, serr)
		}
		if n < 0 {
			n = -n
			if _, err := r.long(); err != nil {
				return nil, err
			}
		}
		if err := r.metaEntries(meta, n); err != nil {
			return nil, err
		}
	}
}

func (r *Reader) metaEntries(meta map[string][]byte, n int64) error {
	for ; n > 0; n-- {
		k, err := r.lenBytes()
		if err != nil {
			return err
		}
		v, err := r.lenBytes()
		if err != nil {
			return err
		}
		meta[string(k)] = v
	}
	return nil
}

// long reads a zig-zag varint from the file.
func (r *Reader) long() (int64, error) {
	u, err := binary.ReadUvarint(r.in)
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return int64(u>>1) ^ -int64(u&1), err
}

// lenBytes reads length-prefixed bytes of the header (at most 16 MiB).
func (r *Reader) lenBytes() ([]byte, error) {
	n, err := r.long()
	if err != nil || n < 0 || n > 16<<20 {
		return nil, errors.Join(err, fmt.Errorf("bad length %d in the header", n))
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r.in, b)
	return b, err
}

func codecOf(name string) (codec, error) {
	switch name {
	case "", "null":
		return func(_, src []byte) ([]byte, error) { return src, nil }, nil
	case "deflate":
		return func(_, src []byte) ([]byte, error) { return (&ocf.DeflateCodec{}).Decode(src) }, nil
	case "snappy":
		return func(_, src []byte) ([]byte, error) { return (&ocf.SnappyCodec{}).Decode(src) }, nil
	case "zstandard":
		zd, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, err
		}
		return func(dst, src []byte) ([]byte, error) { return zd.DecodeAll(src, dst[:0]) }, nil
	}
	return nil, fmt.Errorf("unknown Avro codec %q (null, deflate, snappy or zstandard)", name)
}

// Schema is the columns: the fields of the top-level record.
func (r *Reader) Schema() *types.Schema { return r.schema }

// Pos is the number of the record read (or rejected) last, from 1.
func (r *Reader) Pos() int64 { return r.pos }

// Next decodes the next record into cells.
func (r *Reader) Next(cells []format.Cell) error {
	r.pos, r.skip = r.pos+r.skip, 0
	for r.left == 0 {
		if r.done {
			return io.EOF
		}
		if err := r.nextBlock(); err == io.EOF {
			return err
		} else if err != nil {
			r.done = true
			r.pos++
			return err
		}
	}
	r.left--
	r.pos++
	d := &r.dec
	d.text = d.text[:0]
	for i, k := range r.root.kids {
		d.cell(k, &cells[i])
	}
	if d.err != nil {
		return r.skipBlock()
	}
	return nil
}

// skipBlock rejects the current record and skips the rest of its block.
func (r *Reader) skipBlock() error {
	err := fmt.Errorf("the record cannot be decoded: %w", r.dec.err)
	if r.left > 0 {
		err = fmt.Errorf("%w (the next %d records of its block are skipped)", err, r.left)
	}
	r.skip, r.left = r.left, 0
	r.dec.err = nil
	return err
}

// nextBlock reads the next block: record count, size, data, sync marker. io.EOF at the end.
func (r *Reader) nextBlock() error {
	if _, err := r.in.Peek(1); errors.Is(err, io.EOF) {
		r.done = true
		return io.EOF
	}
	count, err := r.long()
	if err != nil {
		return fmt.Errorf("block header: %w", err)
	}
	size, err := r.long()
	if err != nil || count < 0 || size < 0 || size > 1<<31 {
		return errors.Join(err, fmt.Errorf("bad block header (count %d, size %d)", count, size))
	}
	if err := r.readBlock(size); err != nil {
		return err
	}
	data, err := r.codec(r.dec.buf, r.block)
	if err != nil {
		return fmt.Errorf("block cannot be decompressed: %w", err)
	}
	r.dec.buf, r.dec.pos, r.left = data, 0, count
	return nil
}

// readBlock reads size bytes of block data and the sync marker that must follow.
func (r *Reader) readBlock(size int64) error {
	if int64(cap(r.block)) < size {
		r.block = make([]byte, size)
	}
	r.block = r.block[:size]
	var sync [16]byte
	if _, err := io.ReadFull(r.in, r.block); err != nil {
		return fmt.Errorf("block of %d bytes: %w", size, err)
	}
	if _, err := io.ReadFull(r.in, sync[:]); err != nil || sync != r.sync {
		return errors.New("block does not end with the file's sync marker")
	}
	return nil
}
