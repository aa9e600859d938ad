package file

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Resolve lists the files a source path names, relative paths resolved against baseDir: a file
// itself; a directory's regular files sorted by name (names starting with '.' or '_' are
// skipped, as Hive and Spark do); or a glob's matching regular files sorted by path.
func Resolve(path, baseDir string) ([]string, error) {
	if path == "" {
		return nil, fmt.Errorf("path is empty")
	}
	full := path
	if !filepath.IsAbs(full) {
		full = filepath.Join(baseDir, path)
	}
	if strings.ContainsAny(path, "*?[") {
		return resolveGlob(path, full)
	}
	st, err := os.Stat(full)
	if err != nil {
		return nil, fmt.Errorf("path %s: %w", path, unwrapPathError(err))
	}
	if !st.IsDir() {
		return []string{full}, nil
	}
	return resolveDir(path, full)
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func resolveGlob(path, full string) ([]string, error) {
	matches, err := filepath.Glob(full)
	if err != nil {
		return nil, fmt.Errorf("path %s: bad glob: %w", path, err)
	}
	sort.Strings(matches)
	var out []string
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && st.Mode().IsRegular() {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("path %s: no file matches", path)
	}
	return out, nil
}

func resolveDir(path, full string) ([]string, error) {
	entries, err := os.ReadDir(full)
	if err != nil {
		return nil, fmt.Errorf("path %s: %w", path, unwrapPathError(err))
	}
	var out []string
	for _, e := range entries { // ReadDir sorts by name
		if n := e.Name(); !strings.HasPrefix(n, ".") && !strings.HasPrefix(n, "_") && e.Type().IsRegular() {
			out = append(out, filepath.Join(full, n))
		}
	}
	return out, nil
}
