package lake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// LocalStore is a Store over a folder of the local filesystem. Create writes
// `<dir>/.<name>.<random>.tmp` and Commit fsyncs it, renames it over `<dir>/<name>` and fsyncs
// the folder, so the object appears whole or not at all, even across a crash.
type LocalStore struct {
	root string // absolute, cleaned
}

// NewLocalStore returns a store rooted at dir (created on first write).
func NewLocalStore(dir string) (*LocalStore, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &LocalStore{root: abs}, nil
}

// Root is the store's absolute folder.
func (s *LocalStore) Root() string { return s.root }

// URI implements Store.
func (s *LocalStore) URI() string { return "file://" + filepath.ToSlash(s.root) + "/" }

// Path returns the filesystem path of key, refusing keys that would leave the root.
func (s *LocalStore) Path(key string) (string, error) {
	if err := checkKey(key); err != nil {
		return "", err
	}
	return filepath.Join(s.root, filepath.FromSlash(key)), nil
}

// checkKey refuses absolute keys, backslashes and `.`/`..` components: defence in depth behind
// partition escaping.
func checkKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.ContainsAny(key, "\\\x00") {
		return fmt.Errorf("lake: invalid object key %q", key)
	}
	for _, part := range strings.Split(strings.TrimSuffix(key, "/"), "/") {
		if part == "" || part == "." || part == ".." {
			return fmt.Errorf("lake: invalid object key %q", key)
		}
	}
	return nil
}

// Create implements Store.
func (s *LocalStore) Create(_ context.Context, key string) (ObjectWriter, error) {
	final, err := s.Path(key)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(final)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp := filepath.Join(dir, "."+filepath.Base(final)+"."+randomHex(6)+TempSuffix)
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &localWriter{f: f, tmp: tmp, final: final}, nil
}

// TempSuffix ends the names of objects being written; readers and globs ignore them.
const TempSuffix = ".tmp"

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

type localWriter struct {
	f          *os.File
	tmp, final string
	done       bool
}

func (w *localWriter) Write(p []byte) (int, error) { return w.f.Write(p) }

func (w *localWriter) Commit() error {
	if w.done {
		return errors.New("lake: object already committed or aborted")
	}
	w.done = true
	err := errors.Join(w.f.Sync(), w.f.Close())
	if err == nil {
		err = os.Rename(w.tmp, w.final)
	}
	if err != nil {
		os.Remove(w.tmp)
		return err
	}
	return syncDir(filepath.Dir(w.final))
}

func (w *localWriter) Abort() error {
	if w.done {
		return nil
	}
	w.done = true
	w.f.Close()
	return os.Remove(w.tmp)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Get implements Store.
func (s *LocalStore) Get(_ context.Context, key string) (io.ReadCloser, error) {
	p, err := s.Path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, key)
	}
	return f, err
}

// Delete implements Store.
func (s *LocalStore) Delete(_ context.Context, key string) error {
	p, err := s.Path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// List implements Store: regular files under the root whose key starts with prefix, without
// temporaries (hidden `.*.tmp` files).
func (s *LocalStore) List(_ context.Context, prefix string) ([]ObjectInfo, error) {
	var out []ObjectInfo
	err := s.walk(prefix, func(key string, info fs.FileInfo) {
		if !IsTemp(key) {
			out = append(out, ObjectInfo{Key: key, Size: info.Size(), Modified: info.ModTime()})
		}
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, err
}

// walk calls fn for every regular file under the deepest folder of prefix whose key starts
// with prefix.
func (s *LocalStore) walk(prefix string, fn func(key string, info fs.FileInfo)) error {
	start := s.root
	if i := strings.LastIndex(prefix, "/"); i >= 0 {
		start = filepath.Join(s.root, filepath.FromSlash(prefix[:i]))
	}
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		key := filepath.ToSlash(strings.TrimPrefix(p, s.root+string(filepath.Separator)))
		if info, ierr := d.Info(); ierr == nil && strings.HasPrefix(key, prefix) && info.Mode().IsRegular() {
			fn(key, info)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// IsTemp reports whether key names an object still being written (`.name.random.tmp`).
func IsTemp(key string) bool {
	base := key[strings.LastIndex(key, "/")+1:]
	return strings.HasPrefix(base, ".") && strings.HasSuffix(base, TempSuffix)
}

// SweepTemp removes the temporaries under prefix last modified before cutoff: what a crashed
// writer left behind. It returns how many it removed.
func (s *LocalStore) SweepTemp(_ context.Context, prefix string, cutoff time.Time) (int, error) {
	n := 0
	err := s.walk(prefix, func(key string, info fs.FileInfo) {
		if IsTemp(key) && info.ModTime().Before(cutoff) {
			if os.Remove(filepath.Join(s.root, filepath.FromSlash(key))) == nil {
				n++
			}
		}
	})
	return n, err
}
