// Package errsink stores rejected records (connectors.ErrorRecord) as JSON lines:
//
//	{"source":"orders","reason":"schema","message":"line 5: column amount: …",
//	 "position":"orders.jsonl:5","raw":"…","raw_base64":"…","at":"2026-11-25T10:00:00.123Z"}
//
// with the keys in that order; "raw_base64" is present only when the raw bytes are not valid
// UTF-8, and "raw" then holds them with each invalid sequence replaced by U+FFFD.
package errsink

import (
	"encoding/base64"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/connectors/format"
)

// Open returns the error sink of uri: `file://dir/` (a relative dir is relative to baseDir).
// `s3://` and `kafka://` are not supported yet.
func Open(uri, baseDir string) (connectors.ErrorSink, error) {
	lower := strings.ToLower(uri)
	switch {
	case strings.HasPrefix(lower, "file://"):
		dir := uri[len("file://"):]
		if dir == "" {
			return nil, fmt.Errorf("error sink %s: the folder is missing (file://dir/)", uri)
		}
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(baseDir, dir)
		}
		return NewFile(dir), nil
	case strings.HasPrefix(lower, "s3://"), strings.HasPrefix(lower, "kafka://"):
		return nil, fmt.Errorf("error sink %s: %s error sinks are not supported yet (use file://dir/)", uri, lower[:strings.Index(lower, ":")])
	}
	return nil, fmt.Errorf("error sink %s: expected file://dir/, s3://bucket/prefix/ or kafka://topic", uri)
}

// AppendRecord appends rec as one JSON object (no newline) in the format of the package doc.
func AppendRecord(dst []byte, rec connectors.ErrorRecord) []byte {
	dst = append(dst, `{"source":`...)
	dst = format.AppendString(dst, rec.Source)
	dst = append(dst, `,"reason":`...)
	dst = format.AppendString(dst, rec.Reason)
	dst = append(dst, `,"message":`...)
	dst = format.AppendString(dst, rec.Message)
	dst = append(dst, `,"position":`...)
	dst = format.AppendString(dst, rec.Position)
	dst = append(dst, `,"raw":`...)
	dst = format.AppendString(dst, string(rec.Raw)) // invalid UTF-8 becomes U+FFFD
	if !utf8.Valid(rec.Raw) {
		dst = append(dst, `,"raw_base64":"`...)
		dst = base64.StdEncoding.AppendEncode(dst, rec.Raw)
		dst = append(dst, '"')
	}
	dst = append(dst, `,"at":"`...)
	dst = format.AppendTimestamp(dst, rec.At)
	return append(dst, `"}`...)
}
