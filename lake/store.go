// Package lake is Sluice's data lake layer: an object-store interface with a local-filesystem
// implementation, the Hive partition layout, the commit protocol (a file becomes visible only
// when complete, under a deterministic name), the per-sink manifest that lets the lake describe
// itself, and the Athena/Glue DDL generator. It is pure Go; DuckDB querying lives in lake/duck.
package lake

import (
	"context"
	"errors"
	"io"
	"time"
)

// Store is an object store: keys are slash-separated paths relative to the store's root.
//
// Objects become visible atomically: Create returns a writer whose bytes go to a temporary
// object that Commit publishes under the final key (replacing any object there), so a reader
// never sees a partial object, and a crash before Commit leaves only an invisible temporary.
type Store interface {
	// Create starts writing the object key.
	Create(ctx context.Context, key string) (ObjectWriter, error)
	// Get opens the object key for reading; ErrNotFound when it does not exist.
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	// List returns the visible objects whose keys start with prefix, sorted by key.
	List(ctx context.Context, prefix string) ([]ObjectInfo, error)
	// Delete removes the object key; deleting a missing object is not an error.
	Delete(ctx context.Context, key string) error
	// URI names the store's root (file:///abs/path/).
	URI() string
}

// ObjectWriter receives an object's bytes. Exactly one of Commit or Abort must be called.
type ObjectWriter interface {
	io.Writer
	// Commit makes the object durable and visible under its key.
	Commit() error
	// Abort discards what was written.
	Abort() error
}

// ObjectInfo describes one visible object.
type ObjectInfo struct {
	Key      string
	Size     int64
	Modified time.Time
}

// ErrNotFound is returned by Get for a missing object.
var ErrNotFound = errors.New("lake: object not found")

// Put writes an object in one call through Create and Commit.
func Put(ctx context.Context, s Store, key string, r io.Reader) error {
	w, err := s.Create(ctx, key)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}
