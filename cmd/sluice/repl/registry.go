package repl

import (
	"context"
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

// registry builds connectors for the REPL's queries. It refuses the stdin source (standard
// input holds the statements), and, for a transient SELECT, builds the stdout sink as rows
// handed to the REPL's renderer instead of JSON lines.
type registry struct {
	connectors.Registry
	rows rowWriter // nil for persistent queries: their stdout sinks print JSON lines
}

func (r *registry) NewSource(name string, cfg connectors.SourceConfig) (connectors.Source, error) {
	if strings.EqualFold(name, "stdin") {
		return nil, fmt.Errorf("the stdin connector cannot be read in the REPL: standard input holds the statements " +
			"(use `sluice run` to read standard input)")
	}
	return r.Registry.NewSource(name, cfg)
}

func (r *registry) NewSink(name string, cfg connectors.SinkConfig) (connectors.Sink, error) {
	if r.rows != nil && strings.EqualFold(name, "stdout") {
		return &rowSink{rows: r.rows}, nil
	}
	return r.Registry.NewSink(name, cfg)
}

// rowSink hands a transient query's batches to its rowWriter.
type rowSink struct{ rows rowWriter }

func (s *rowSink) Write(_ context.Context, b *types.Batch) error {
	s.rows.batch(b)
	return nil
}

func (s *rowSink) Close(context.Context) error { return nil }
