package eval

import (
	"fmt"
	"math"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// HASH(x, …) → BIGINT is 64-bit FNV-1a over a canonical encoding of the arguments, then the
// SplitMix64 finalizer (for avalanche), read as a signed int64. It is stable across runs,
// processes and machines. The encoding of each argument is a tag byte and the value:
//
//	NULL                                  0x00
//	BOOLEAN                               0x01, one byte 0/1
//	INT BIGINT DECIMAL TIMESTAMP DATE     0x02, the int64 (unscaled, ms, days) in 8 bytes LE
//	DOUBLE                                0x03, the IEEE bits in 8 bytes LE (-0 as 0, one NaN)
//	STRING BYTES                          0x04, the length in 8 bytes LE, the bytes
//	ARRAY STRUCT                          0x05, the count in 8 bytes LE, each element
//	MAP                                   0x06, the count, then key (as STRING) and value by key order
//
// so HASH(CAST(1 AS INT)) = HASH(CAST(1 AS BIGINT)), while 1 and 1.0 differ. NULL arguments are
// hashed too: HASH never returns NULL. APPROX_COUNT_DISTINCT hashes its values the same way.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvU64(h, x uint64) uint64 {
	for i := 0; i < 8; i++ {
		h = (h ^ (x & 0xff)) * fnvPrime
		x >>= 8
	}
	return h
}

func fnvString(h uint64, s string) uint64 {
	h = fnvU64(fnvByte(h, 0x04), uint64(len(s)))
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func fnvFloat(h uint64, f float64) uint64 {
	switch {
	case f == 0:
		f = 0
	case f != f:
		return fnvU64(fnvByte(h, 0x03), 0x7ff8000000000001)
	}
	return fnvU64(fnvByte(h, 0x03), math.Float64bits(f))
}

// mix64 is the SplitMix64 finalizer.
func mix64(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	return z ^ z>>31
}

// hashValue folds a boxed Value into h.
func hashValue(h uint64, v any) uint64 {
	switch x := v.(type) {
	case nil:
		return fnvByte(h, 0x00)
	case bool:
		return fnvByte(fnvByte(h, 0x01), byte(b2i(x)))
	case int64:
		return fnvU64(fnvByte(h, 0x02), uint64(x))
	case float64:
		return fnvFloat(h, x)
	case string:
		return fnvString(h, x)
	case []any:
		h = fnvU64(fnvByte(h, 0x05), uint64(len(x)))
		for _, e := range x {
			h = hashValue(h, e)
		}
		return h
	case map[string]any:
		h = fnvU64(fnvByte(h, 0x06), uint64(len(x)))
		for _, k := range sortedKeys(x) {
			h = hashValue(fnvString(h, k), x[k])
		}
		return h
	}
	return fnvByte(h, 0xff)
}

// hashColumn folds rows 0..len(hs)-1 of v into hs.
func hashColumn(hs []uint64, v *types.Vector) {
	for i := range hs {
		if v.Nulls.Get(i) {
			hs[i] = fnvByte(hs[i], 0x00)
			continue
		}
		hs[i] = hashRow(hs[i], v, i)
	}
}

// hashRow folds non-NULL row i of v into h.
func hashRow(h uint64, v *types.Vector, i int) uint64 {
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		return fnvU64(fnvByte(h, 0x02), uint64(v.I64[i]))
	case types.StoreF64:
		return fnvFloat(h, v.F64[i])
	case types.StoreBool:
		return fnvByte(fnvByte(h, 0x01), byte(b2i(v.Bool[i])))
	case types.StoreStr:
		return fnvString(h, v.Str[i])
	}
	return hashValue(h, v.Any[i])
}

func buildHash(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("hash needs an argument")
	}
	return &hashKernel{args: args, vs: make([]*types.Vector, len(args)), out: newOut(c.T)}, nil
}

type hashKernel struct {
	args []Kernel
	vs   []*types.Vector
	hs   []uint64
	out  *types.Vector
}

func (k *hashKernel) Eval(bt *types.Batch) (*types.Vector, error) {
	if err := evalAll(bt, k.args, k.vs); err != nil {
		return nil, err
	}
	n := bt.Len
	k.hs = fit(k.hs, n)
	for i := range k.hs {
		k.hs[i] = fnvOffset
	}
	for _, v := range k.vs {
		if err := checkLen(v, n); err != nil {
			return nil, err
		}
		hashColumn(k.hs, v)
	}
	prepare(k.out, n)
	for i, h := range k.hs {
		k.out.I64[i] = int64(mix64(h))
	}
	return k.out, nil
}
