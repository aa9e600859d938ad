package lake

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLocalStoreCommitAbortList(t *testing.T) {
	ctx := context.Background()
	s, err := NewLocalStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.Create(ctx, "a/b/part-1.json")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "hello")
	if got, _ := s.List(ctx, "a/"); len(got) != 0 {
		t.Fatalf("uncommitted object is visible: %v", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w2, _ := s.Create(ctx, "a/b/part-2.json")
	io.WriteString(w2, "discarded")
	w2.Abort()
	if err := Put(ctx, s, "a/c.json", strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
	got, err := s.List(ctx, "a/b")
	if err != nil || len(got) != 1 || got[0].Key != "a/b/part-1.json" || got[0].Size != 5 {
		t.Fatalf("List = %v, %v", got, err)
	}
	r, err := s.Get(ctx, "a/b/part-1.json")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	r.Close()
	if string(b) != "hello" {
		t.Fatalf("Get = %q", b)
	}
	if err := s.Delete(ctx, "a/b/part-1.json"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "a/b/part-1.json"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
	if err := s.Delete(ctx, "a/b/missing"); err != nil {
		t.Fatalf("Delete of a missing object: %v", err)
	}
}

func TestLocalStoreCommitReplaces(t *testing.T) {
	ctx := context.Background()
	s, _ := NewLocalStore(t.TempDir())
	Put(ctx, s, "k", strings.NewReader("first"))
	Put(ctx, s, "k", strings.NewReader("second"))
	r, _ := s.Get(ctx, "k")
	b, _ := io.ReadAll(r)
	r.Close()
	if string(b) != "second" {
		t.Fatalf("got %q", b)
	}
}

func TestLocalStoreRefusesEscapingKeys(t *testing.T) {
	s, _ := NewLocalStore(t.TempDir())
	for _, k := range []string{"../x", "a/../../x", "/abs", `a\b`, "", "a//b", "./a"} {
		if _, err := s.Create(context.Background(), k); err == nil {
			t.Errorf("Create(%q) succeeded", k)
		}
	}
}

func TestSweepTemp(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, _ := NewLocalStore(dir)
	w, _ := s.Create(ctx, "p/x.parquet") // left open: a crashed writer
	io.WriteString(w, "partial")
	Put(ctx, s, "p/y.parquet", strings.NewReader("whole"))
	if n, _ := s.SweepTemp(ctx, "p/", time.Now().Add(-time.Hour)); n != 0 {
		t.Fatalf("swept a fresh temporary")
	}
	n, err := s.SweepTemp(ctx, "p/", time.Now().Add(time.Second))
	if err != nil || n != 1 {
		t.Fatalf("SweepTemp = %d, %v", n, err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "p"))
	if len(entries) != 1 || entries[0].Name() != "y.parquet" {
		t.Fatalf("left %v", entries)
	}
}

func TestLocalPath(t *testing.T) {
	cases := map[string]string{
		"file://errors/orders/": "/base/errors/orders",
		"file:///abs/lake":      "/abs/lake",
		"lake":                  "/base/lake",
		"/tmp/x/":               "/tmp/x",
	}
	for in, want := range cases {
		if got, err := LocalPath(in, "/base"); err != nil || got != want {
			t.Errorf("LocalPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := LocalPath("s3://b/p/", "/base"); !errors.Is(err, ErrS3NotYet) {
		t.Errorf("s3: %v", err)
	}
	if _, err := LocalPath("gs://b/p/", "/base"); err == nil {
		t.Error("gs:// accepted")
	}
}
