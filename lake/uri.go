package lake

import (
	"errors"
	"path/filepath"
	"strings"
)

// ErrS3NotYet is returned for s3:// locations until the S3 connector provides an S3 store.
var ErrS3NotYet = errors.New("s3 lakes arrive with the S3 connector; use a local folder or file:// path for now")

// LocalPath resolves a lake location to a local folder: `file:///abs/dir`, `file://rel/dir`
// (relative to baseDir, as SQL.md says for error sinks) or a plain path (relative to baseDir).
// s3:// locations return ErrS3NotYet.
func LocalPath(uri, baseDir string) (string, error) {
	switch {
	case strings.HasPrefix(uri, "s3://"):
		return "", ErrS3NotYet
	case strings.HasPrefix(uri, "file://"):
		uri = strings.TrimPrefix(uri, "file://")
	case strings.Contains(uri, "://"):
		return "", errors.New("unsupported lake location " + uri + ": expected a folder, file:// or s3://")
	}
	if uri == "" {
		uri = "."
	}
	p := filepath.FromSlash(uri)
	if !filepath.IsAbs(p) && baseDir != "" {
		p = filepath.Join(baseDir, p)
	}
	return filepath.Clean(p), nil
}

// OpenStore opens the store at a lake location (see LocalPath).
func OpenStore(uri, baseDir string) (Store, error) {
	p, err := LocalPath(uri, baseDir)
	if err != nil {
		return nil, err
	}
	return NewLocalStore(p)
}
