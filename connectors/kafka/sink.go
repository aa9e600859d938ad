package kafka

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// closeTimeout bounds the final flush when the context given to Close has no deadline.
const closeTimeout = 2 * time.Minute

// Sink is a `kafka` sink: see the package documentation.
type Sink struct {
	name       string
	topic      string
	partitions int
	cl         *kgo.Client
	value      *types.Batch // the value columns of the batch being written (a view, no copy)
	valueCols  []int
	enc        rowEncoder
	key        *keyEncoder // nil: no key
	headerCol  int         // -1: no headers
	eventTime  bool
	ready      bool // the topic exists (or will be auto-created)

	mu  sync.Mutex
	err error // the first delivery error
}

// NewSink checks the options and columns and creates the producer (it connects lazily).
func NewSink(cfg connectors.SinkConfig) (*Sink, error) {
	s := &Sink{name: "kafka sink " + cfg.Sink, topic: get(cfg.Options, "topic"), headerCol: -1,
		eventTime: cfg.Schema.EventTime}
	if err := s.columns(cfg.Schema, cfg.Options); err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	if err := s.client(cfg.Options); err != nil {
		return nil, fmt.Errorf("%s: %w", s.name, err)
	}
	return s, nil
}

// columns splits the input columns into key, headers and value.
func (s *Sink) columns(sc *types.Schema, opts map[string]string) error {
	metaKey := -1
	if names := splitList(get(opts, "key")); len(names) > 0 {
		cols, err := indexes(sc, names, "key")
		if err != nil {
			return err
		}
		s.key = newKeyEncoder(sc, cols)
	} else if metaKey = sc.Index(ColKey); metaKey >= 0 {
		s.key = newKeyEncoder(sc, []int{metaKey})
	}
	if err := s.headerColumn(sc, opts); err != nil {
		return err
	}
	var fields []types.Field
	for i, f := range sc.Fields {
		if i != metaKey && i != s.headerCol {
			s.valueCols = append(s.valueCols, i)
			fields = append(fields, f)
		}
	}
	vs := types.NewSchema(fields...)
	s.value = &types.Batch{Schema: vs, Cols: make([]*types.Vector, len(fields))}
	var err error
	s.enc, err = newRowEncoder(get(opts, "format"), vs)
	if n := get(opts, "partitions"); n != "" && err == nil {
		s.partitions, err = strconv.Atoi(n)
	}
	return err
}

// headerColumn finds the headers column: the `headers` option, else a column named _headers.
func (s *Sink) headerColumn(sc *types.Schema, opts map[string]string) error {
	name := get(opts, "headers")
	if name == "" && sc.Index(ColHeaders) < 0 {
		return nil
	}
	if name == "" {
		name = ColHeaders
	}
	s.headerCol = sc.Index(name)
	if s.headerCol < 0 {
		return fmt.Errorf("option headers: no column %s", name)
	}
	if t := sc.Fields[s.headerCol].Type; t.Kind != types.KindMap {
		return fmt.Errorf("option headers: column %s is %s, expected MAP<STRING,STRING>", name, t)
	}
	return nil
}

func indexes(sc *types.Schema, names []string, opt string) ([]int, error) {
	out := make([]int, len(names))
	for i, n := range names {
		if out[i] = sc.Index(n); out[i] < 0 {
			return nil, fmt.Errorf("option %s: no column %s (columns: %s)", opt, n, strings.Join(sc.Names(), ", "))
		}
	}
	return out, nil
}

// client creates the producer: keys are hashed with murmur2 like the Java client's default
// partitioner; records without key go to a sticky partition.
func (s *Sink) client(opts map[string]string) error {
	linger, err := connectors.ParseDuration(get(opts, "linger"))
	if err != nil {
		return fmt.Errorf("option linger: %v", err)
	}
	po := append(baseOpts(s.name, brokers(opts)),
		kgo.DefaultProduceTopic(s.topic),
		kgo.RecordPartitioner(kgo.StickyKeyPartitioner(nil)),
		kgo.ProducerBatchCompression(codec(get(opts, "compression"))),
		kgo.ProducerLinger(linger),
		kgo.AllowAutoTopicCreation(),
	)
	if get(opts, "idempotent") == "false" {
		po = append(po, kgo.DisableIdempotentWrite())
	}
	s.cl, err = kgo.NewClient(po...)
	return err
}

func codec(name string) kgo.CompressionCodec {
	switch name {
	case "gzip":
		return kgo.GzipCompression()
	case "snappy":
		return kgo.SnappyCompression()
	case "lz4":
		return kgo.Lz4Compression()
	case "zstd":
		return kgo.ZstdCompression()
	}
	return kgo.NoCompression()
}

// Write produces one record per row. It returns once the records are buffered (it blocks while
// the producer's buffer is full: backpressure); delivery errors surface in a later call.
func (s *Sink) Write(ctx context.Context, b *types.Batch) error {
	if err := s.firstErr(); err != nil {
		return err
	}
	if err := s.ensureTopic(ctx); err != nil {
		return err
	}
	recs := s.records(b)
	for i := range recs {
		s.cl.Produce(ctx, &recs[i], s.promise)
	}
	return ctx.Err()
}

// records encodes the rows of b; values and keys share one buffer per batch.
func (s *Sink) records(b *types.Batch) []kgo.Record {
	for j, c := range s.valueCols {
		s.value.Cols[j] = b.Cols[c]
	}
	s.value.Len = b.Len
	buf, ends := s.enc.appendRows(make([]byte, 0, 64*b.Len), s.value, make([]int, 0, b.Len))
	recs := make([]kgo.Record, b.Len)
	start := 0
	for i := range recs {
		r := &recs[i]
		r.Value = buf[start:ends[i]:ends[i]]
		start = ends[i]
		if s.eventTime && i < len(b.Time) {
			r.Timestamp = time.UnixMilli(b.Time[i])
		}
		if s.headerCol >= 0 {
			r.Headers = headersOf(b.Cols[s.headerCol], i)
		}
	}
	s.keys(b, recs)
	return recs
}

func (s *Sink) keys(b *types.Batch, recs []kgo.Record) {
	if s.key == nil {
		return
	}
	buf := make([]byte, 0, 16*b.Len)
	for i := range recs {
		start := len(buf)
		var ok bool
		if buf, ok = s.key.appendKey(buf, b, i); ok {
			recs[i].Key = buf[start:len(buf):len(buf)]
			if recs[i].Key == nil {
				recs[i].Key = []byte{}
			}
		}
	}
}

func (s *Sink) promise(_ *kgo.Record, err error) {
	if err == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = fmt.Errorf("%s: deliver to %s: %w", s.name, s.topic, err)
	}
}

func (s *Sink) firstErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// ensureTopic creates the topic with `partitions` partitions when that option is set and the
// topic does not exist (else the broker auto-creates it with its defaults).
func (s *Sink) ensureTopic(ctx context.Context) error {
	if s.ready {
		return nil
	}
	if s.partitions > 0 {
		err := retry(ctx, s.name, "create topic "+s.topic, func(ctx context.Context) error {
			_, err := kadm.NewClient(s.cl).CreateTopic(ctx, int32(s.partitions), -1, nil, s.topic)
			if errors.Is(err, kerr.TopicAlreadyExists) {
				return nil
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	s.ready = true
	return nil
}

// Flush implements connectors.Flusher: it waits until every record written is acknowledged.
func (s *Sink) Flush(ctx context.Context) error {
	if err := s.cl.Flush(ctx); err != nil {
		return fmt.Errorf("%s: flush: %w", s.name, err)
	}
	return s.firstErr()
}

// Close flushes (waiting at most two minutes when ctx has no deadline) and closes the producer.
func (s *Sink) Close(ctx context.Context) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, closeTimeout)
		defer cancel()
	}
	err := s.Flush(ctx)
	s.cl.Close()
	return err
}
