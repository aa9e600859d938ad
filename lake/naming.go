package lake

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/sluicedata/sluice/types"
)

// fileName names a data file after its first row, so that a replay of the same input writes the
// same names and replaces files instead of adding duplicates: `part-<16 hex>` (SHA-256) hashing the sink,
// the partition and the row's input position — its Origin (source, position prefix and
// position) when the batch carries one, else its event time and its ordinal in the sink's input
// (rows built by aggregates carry no Origin; their event times are deterministic).
func fileName(sink, partition string, b *types.Batch, row int, ordinal int64) string {
	h := sha256.New()
	for _, s := range []string{sink, "\x00", partition, "\x00"} {
		h.Write([]byte(s))
	}
	if o := b.Origin; o != nil && row < len(o.Pos) {
		fmt.Fprintf(h, "o\x00%s\x00%s\x00%d", o.Source, o.Prefix, o.Pos[row])
	} else {
		var t int64
		if row < len(b.Time) {
			t = b.Time[row]
		}
		fmt.Fprintf(h, "t\x00%d\x00%d", t, ordinal)
	}
	return "part-" + hex.EncodeToString(h.Sum(nil)[:8])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
