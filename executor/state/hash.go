// Package state holds the keyed-state helpers shared by stateful operators: hashing typed key
// columns, a hash table from key to dense group id, and a compact encoding for snapshots.
package state

import (
	"hash/maphash"
	"math"

	"github.com/sluicedata/sluice/types"
)

var seed = maphash.MakeSeed()

const (
	hashInit = 0x9e3779b97f4a7c15
	hashNull = 0x2545f4914f6cdd1d
)

// mix folds v into h (a 64-bit finaliser in the style of splitmix64).
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	return h
}

// HashRows fills out[i] with the hash of the key formed by row i of cols, for i < n, and returns
// out (grown when too short). Equal keys (NULLs included) hash equally. It allocates nothing once
// out is large enough.
func HashRows(cols []*types.Vector, n int, out []uint64) []uint64 {
	if cap(out) < n {
		out = make([]uint64, n)
	}
	out = out[:n]
	for i := range out {
		out[i] = hashInit
	}
	for _, c := range cols {
		hashColumn(c, out)
	}
	return out
}

func hashColumn(c *types.Vector, out []uint64) {
	switch types.Storage(c.Type.Kind) {
	case types.StoreI64:
		for i := range out {
			out[i] = mix(out[i], uint64(c.I64[i]))
		}
	case types.StoreF64:
		for i := range out {
			out[i] = mix(out[i], floatBits(c.F64[i]))
		}
	case types.StoreBool:
		for i := range out {
			out[i] = mix(out[i], boolBits(c.Bool[i]))
		}
	case types.StoreStr:
		for i := range out {
			out[i] = mix(out[i], maphash.String(seed, c.Str[i]))
		}
	default:
		for i := range out {
			out[i] = mix(out[i], hashAny(c.Any[i]))
		}
	}
	hashNulls(c, out)
}

// hashNulls re-marks NULL rows: their value slot is a zero value, so a NULL would otherwise hash
// like 0 or "".
func hashNulls(c *types.Vector, out []uint64) {
	if !c.Nulls.Any() {
		return
	}
	for i := range out {
		if c.Nulls.Get(i) {
			out[i] = mix(out[i], hashNull)
		}
	}
}

func floatBits(f float64) uint64 {
	if f == 0 {
		return 0 // -0 and +0 are one key
	}
	return math.Float64bits(f)
}

func boolBits(b bool) uint64 {
	if b {
		return 1
	}
	return 2
}

// hashAny hashes a nested Value (ARRAY, MAP, STRUCT). Not a hot path.
func hashAny(v any) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	writeValue(&h, v)
	return h.Sum64()
}

func writeValue(h *maphash.Hash, v any) {
	var e Encoder
	e.Value(v)
	h.Write(e.Bytes())
}
