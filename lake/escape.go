package lake

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode/utf8"
)

// DefaultPartition is the folder value of a NULL or empty partition value, as Hive, Spark,
// Athena and DuckDB spell it (DuckDB reads it back as NULL).
const DefaultPartition = "__HIVE_DEFAULT_PARTITION__"

// maxComponent bounds an escaped partition value so that `name=value` stays under the 255-byte
// limit of file names; longer values are cut and suffixed with a hash of the whole value.
const maxComponent = 200

// EscapePartitionValue returns v as a safe single path component in Hive style: the characters
// Hive escapes (`"#%'*/:=?\{[]^`, control bytes, DEL) and invalid UTF-8 bytes are percent-encoded,
// a value made only of dots is fully encoded (`..` → `%2E%2E`), and an empty value becomes
// DefaultPartition. The result never contains `/` or `\` and is never `.` or `..`, so no value
// can leave the sink's folder. DuckDB and Athena decode the percent escapes when reading.
func EscapePartitionValue(v string) string {
	if v == "" {
		return DefaultPartition
	}
	if strings.Trim(v, ".") == "" {
		return strings.Repeat("%2E", len(v))
	}
	var b strings.Builder
	for i := 0; i < len(v); {
		r, n := utf8.DecodeRuneInString(v[i:])
		if r == utf8.RuneError && n <= 1 || r < utf8.RuneSelf && needsEscape(byte(r)) {
			fmt.Fprintf(&b, "%%%02X", v[i])
			i++
			continue
		}
		b.WriteString(v[i : i+n])
		i += n
	}
	return shorten(b.String(), v)
}

func needsEscape(c byte) bool {
	return c < 0x20 || c == 0x7F || strings.IndexByte("\"#%'*/:=?\\{[]^", c) >= 0
}

// shorten cuts an escaped value longer than maxComponent at a character boundary (never inside
// a %XX escape) and appends `~` and a hash of the original value, keeping distinct values apart.
func shorten(esc, orig string) string {
	if len(esc) <= maxComponent {
		return esc
	}
	cut := maxComponent - 17
	for cut > 0 && !utf8.RuneStart(esc[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(esc[:cut], '%'); i >= 0 && i > cut-3 {
		cut = i
	}
	h := fnv.New64a()
	h.Write([]byte(orig))
	return fmt.Sprintf("%s~%016x", esc[:cut], h.Sum64())
}
