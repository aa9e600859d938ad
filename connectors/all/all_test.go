package all

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

var schema = types.NewSchema(types.Field{Name: "n", Type: types.BigInt})

type sinkEmitter struct {
	sink    connectors.Sink
	rejects []connectors.ErrorRecord
}

func (e *sinkEmitter) Emit(b *types.Batch) error       { return e.sink.Write(context.Background(), b) }
func (e *sinkEmitter) Reject(r connectors.ErrorRecord) { e.rejects = append(e.rejects, r) }

func TestRegistry(t *testing.T) {
	base := t.TempDir()
	os.WriteFile(filepath.Join(base, "in.jsonl"), []byte("{\"n\":1}\n{\"n\":\"x\"}\n"), 0o644)
	var out bytes.Buffer
	r := &Registry{Stdin: strings.NewReader(`{"n":5}`), Stdout: &out}
	for _, name := range []string{"file", "stdin", "datagen"} {
		src, err := r.NewSource(name, connectors.SourceConfig{Stream: "s", Schema: schema, BaseDir: base,
			Options: map[string]string{"path": "in.jsonl", "events": "2", "fields.n.kind": "sequence"}})
		if err != nil {
			t.Fatal(err)
		}
		sink, err := r.NewSink("stdout", connectors.SinkConfig{Sink: "o", Schema: schema})
		if err != nil {
			t.Fatal(err)
		}
		em := &sinkEmitter{sink: sink}
		if err := src.Run(context.Background(), em); err != nil {
			t.Fatal(err)
		}
		for _, rec := range em.rejects {
			es, err := r.NewErrorSink("file://errors/", base)
			if err != nil {
				t.Fatal(err)
			}
			es.Write(rec)
			es.Close()
		}
	}
	if got := out.String(); got != "{\"n\":1}\n{\"n\":5}\n{\"n\":1}\n{\"n\":2}\n" {
		t.Errorf("stdout %q", got)
	}
	if files, _ := filepath.Glob(filepath.Join(base, "errors", "s-*.jsonl")); len(files) != 1 {
		t.Errorf("error files %v", files)
	}
}

func TestUnknown(t *testing.T) {
	r := New()
	for _, c := range []struct {
		name   string
		source bool
		want   string
	}{
		{"fiel", true, `unknown connector "fiel" (did you mean file?); valid connectors: datagen, file, kafka, kinesis, s3, stdin, stdout`},
		{"stdout", true, "connector stdout cannot be a source"},
		{"datagen", false, "connector datagen cannot be a sink"},
		{"kinesis", false, "connector kinesis is not available as a sink in this build yet"},
	} {
		var err error
		if c.source {
			_, err = r.NewSource(c.name, connectors.SourceConfig{Schema: schema})
		} else {
			_, err = r.NewSink(c.name, connectors.SinkConfig{Schema: schema})
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
	}
}

// The buffering file sinks that the registry builds are connectors.Flusher, so that the
// executor's acknowledgement barriers flush them (executor/barrier.go).
func TestFileSinksFlush(t *testing.T) {
	base := t.TempDir()
	r := New()
	sink, err := r.NewSink("file", connectors.SinkConfig{Sink: "o", Schema: schema, BaseDir: base, Options: map[string]string{"path": "o.jsonl"}})
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close(context.Background())
	if _, ok := sink.(connectors.Flusher); !ok {
		t.Errorf("file line sink %T is not a Flusher", sink)
	}
	es, err := r.NewErrorSink("file://errors/", base)
	if err != nil {
		t.Fatal(err)
	}
	defer es.Close()
	if _, ok := es.(connectors.Flusher); !ok {
		t.Errorf("file error sink %T is not a Flusher", es)
	}
}
