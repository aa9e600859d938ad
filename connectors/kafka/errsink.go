package kafka

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"

	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/errsink"
)

// ErrorSink writes error records to a topic, one JSON object per record (the format of
// connectors/errsink), keyed by the source's name.
type ErrorSink struct {
	topic string
	cl    *kgo.Client
	mu    sync.Mutex
	err   error
}

// OpenErrorSink opens `kafka://topic[?brokers=host:port,…]`. Without the brokers parameter the
// brokers are $SLUICE_KAFKA_BROKERS, else localhost:9092. The topic is auto-created by the
// broker when missing.
func OpenErrorSink(uri string) (*ErrorSink, error) {
	topic, seeds, err := parseErrorURI(uri)
	if err != nil {
		return nil, err
	}
	name := "kafka error sink " + topic
	cl, err := kgo.NewClient(append(baseOpts(name, seeds), kgo.DefaultProduceTopic(topic),
		kgo.AllowAutoTopicCreation(), kgo.ProducerLinger(0))...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &ErrorSink{topic: topic, cl: cl}, nil
}

// parseErrorURI reads the topic and brokers of a kafka:// error sink URI.
func parseErrorURI(uri string) (string, []string, error) {
	const scheme = "kafka://"
	var topic, query string
	if len(uri) > len(scheme) && strings.EqualFold(uri[:len(scheme)], scheme) {
		topic, query, _ = strings.Cut(uri[len(scheme):], "?")
		topic = strings.Trim(topic, "/")
	}
	if topic == "" {
		return "", nil, fmt.Errorf("error sink %s: expected kafka://topic or kafka://topic?brokers=host:port", uri)
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return "", nil, fmt.Errorf("error sink %s: %v", uri, err)
	}
	b := q.Get("brokers")
	if b == "" {
		b = os.Getenv(BrokersEnv)
	}
	if b == "" {
		b = DefaultBrokers
	}
	return topic, splitList(b), nil
}

// Write produces the record (asynchronously); a delivery error surfaces in a later Write or
// in Close.
func (e *ErrorSink) Write(rec connectors.ErrorRecord) error {
	if err := e.firstErr(); err != nil {
		return err
	}
	r := &kgo.Record{Key: []byte(rec.Source), Value: errsink.AppendRecord(nil, rec)}
	e.cl.Produce(context.Background(), r, e.promise)
	return nil
}

func (e *ErrorSink) promise(_ *kgo.Record, err error) {
	if err == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.err == nil {
		e.err = fmt.Errorf("kafka error sink %s: %w", e.topic, err)
	}
}

func (e *ErrorSink) firstErr() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}

// Flush waits until every record written is acknowledged.
func (e *ErrorSink) Flush(ctx context.Context) error {
	if err := e.cl.Flush(ctx); err != nil {
		return fmt.Errorf("kafka error sink %s: flush: %w", e.topic, err)
	}
	return e.firstErr()
}

// Close flushes (at most two minutes) and closes the producer.
func (e *ErrorSink) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	err := e.Flush(ctx)
	e.cl.Close()
	return err
}
