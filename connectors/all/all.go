// Package all is the explicit list of connectors: it implements connectors.Registry for the
// command, so that the executor imports no connector itself. Adding a connector is adding a
// line to sources and/or sinks (and its spec to connectors.specList).
package all

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/datagen"
	"github.com/sluicedata/sluice/connectors/errsink"
	"github.com/sluicedata/sluice/connectors/file"
	"github.com/sluicedata/sluice/connectors/kafka"
	"github.com/sluicedata/sluice/connectors/stdio"
)

// Registry builds connectors by name.
type Registry struct {
	Stdin  io.Reader // the stdin source's input
	Stdout io.Writer // the stdout sink's output, shared by every stdout sink (one batch per write)
	once   sync.Once
}

// New returns a registry over the process's standard input and output.
func New() *Registry { return &Registry{Stdin: os.Stdin, Stdout: os.Stdout} }

var sources = map[string]func(r *Registry, cfg connectors.SourceConfig) (connectors.Source, error){
	"file": func(_ *Registry, cfg connectors.SourceConfig) (connectors.Source, error) { return file.NewSource(cfg) },
	"stdin": func(r *Registry, cfg connectors.SourceConfig) (connectors.Source, error) {
		return stdio.NewSource(cfg, r.Stdin)
	},
	"datagen": func(_ *Registry, cfg connectors.SourceConfig) (connectors.Source, error) {
		return datagen.NewSource(cfg)
	},
	"kafka": func(_ *Registry, cfg connectors.SourceConfig) (connectors.Source, error) { return kafka.NewSource(cfg) },
}

var sinks = map[string]func(r *Registry, cfg connectors.SinkConfig) (connectors.Sink, error){
	"file": func(_ *Registry, cfg connectors.SinkConfig) (connectors.Sink, error) { return file.NewSink(cfg) },
	"stdout": func(r *Registry, cfg connectors.SinkConfig) (connectors.Sink, error) {
		return stdio.NewSink(cfg, r.stdout())
	},
	"kafka": func(_ *Registry, cfg connectors.SinkConfig) (connectors.Sink, error) { return kafka.NewSink(cfg) },
}

// NewSource builds the source of connector name.
func (r *Registry) NewSource(name string, cfg connectors.SourceConfig) (connectors.Source, error) {
	if f, ok := sources[strings.ToLower(name)]; ok {
		return f(r, cfg)
	}
	return nil, missing(name, true)
}

// NewSink builds the sink of connector name.
func (r *Registry) NewSink(name string, cfg connectors.SinkConfig) (connectors.Sink, error) {
	if f, ok := sinks[strings.ToLower(name)]; ok {
		return f(r, cfg)
	}
	return nil, missing(name, false)
}

// NewErrorSink builds the error sink of uri (see errsink.Open; kafka:// is kafka.OpenErrorSink).
func (r *Registry) NewErrorSink(uri, baseDir string) (connectors.ErrorSink, error) {
	if strings.HasPrefix(strings.ToLower(uri), "kafka://") {
		return kafka.OpenErrorSink(uri)
	}
	return errsink.Open(uri, baseDir)
}

// missing explains why there is no such source or sink.
func missing(name string, source bool) error {
	spec, ok := connectors.Lookup(name)
	role := map[bool]string{true: "source", false: "sink"}[source]
	switch {
	case !ok:
		msg := fmt.Sprintf("unknown connector %q", name)
		if sug := connectors.Suggest(name, connectors.Names()); sug != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", sug)
		}
		return fmt.Errorf("%s; valid connectors: %s", msg, strings.Join(connectors.Names(), ", "))
	case source && !spec.Source || !source && !spec.Sink:
		return fmt.Errorf("connector %s cannot be a %s", spec.Name, role)
	}
	return fmt.Errorf("connector %s is not available as a %s in this build yet", spec.Name, role)
}

// stdout returns the shared, locked standard output.
func (r *Registry) stdout() io.Writer {
	r.once.Do(func() { r.Stdout = &lockedWriter{w: r.Stdout} })
	return r.Stdout
}

// lockedWriter serializes writes, so that rows of concurrent queries never interleave.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

var _ connectors.Registry = (*Registry)(nil)
