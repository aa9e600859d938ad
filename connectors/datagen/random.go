package datagen

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// random builds a generator of uniform values between the column's min and max. Defaults:
// numbers in [0, 1000], TIMESTAMP within a day of `start`, DATE within a year of it, strings of
// `length` lower-case letters, nested values `length` elements long.
func (s *Source) random(t types.Type, conf *colConf, r *rand.Rand) (generator, error) {
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return s.randomInt(t, conf, r)
	case types.StoreF64:
		lo, err1 := floatBound(conf.min, 0)
		hi, err2 := floatBound(conf.max, 1000)
		if err := firstErr(err1, err2); err != nil {
			return nil, err
		}
		return &randFloat{lo: lo, hi: hi, r: r}, nil
	case types.StoreBool:
		return &randBool{r: r}, nil
	case types.StoreStr:
		return &randString{n: max(conf.length, 0), bytes: t.Kind == types.KindBytes, r: r}, nil
	}
	return &randNested{t: t, n: max(conf.length, 0), r: r, s: s}, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func floatBound(text string, def float64) (float64, error) {
	if text == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return 0, fmt.Errorf("expected a number, found %q", text)
	}
	return f, nil
}

func (s *Source) randomInt(t types.Type, conf *colConf, r *rand.Rand) (generator, error) {
	lo, err1 := s.bound(t, conf.min, 0)
	hi, err2 := s.bound(t, conf.max, 1000)
	switch {
	case conf.max == "" && t.Kind == types.KindTimestamp:
		hi = lo + msPerDay
	case conf.max == "" && t.Kind == types.KindDate:
		hi = lo + 365
	}
	if err := firstErr(err1, err2); err != nil {
		return nil, err
	}
	if hi < lo {
		return nil, fmt.Errorf("max %s is below min %s", conf.max, conf.min)
	}
	return &randInt{lo: lo, hi: hi, r: r}, nil
}

// bound parses a min or max of a column stored as int64; def is in whole units, and TIMESTAMP
// and DATE bounds default to `start`.
func (s *Source) bound(t types.Type, text string, def int64) (int64, error) {
	if text == "" {
		switch t.Kind {
		case types.KindTimestamp:
			return s.start, nil
		case types.KindDate:
			return floorDiv(s.start, msPerDay), nil
		}
		return def * unit(t), nil
	}
	if types.Storage(t.Kind) != types.StoreI64 {
		return strconv.ParseInt(text, 10, 64)
	}
	v, err := parseList(t, []string{text})
	if err != nil {
		return 0, err
	}
	return v.I64[0], nil
}

type randInt struct {
	lo, hi int64
	r      *rand.Rand
}

func (g *randInt) next(_ *format.Builder, v *types.Vector, _ *event) {
	v.I64 = append(v.I64, g.lo+g.r.Int64N(g.hi-g.lo+1))
}

type randFloat struct {
	lo, hi float64
	r      *rand.Rand
}

func (g *randFloat) next(_ *format.Builder, v *types.Vector, _ *event) {
	v.F64 = append(v.F64, g.lo+g.r.Float64()*(g.hi-g.lo))
}

type randBool struct{ r *rand.Rand }

func (g *randBool) next(_ *format.Builder, v *types.Vector, _ *event) {
	v.Bool = append(v.Bool, g.r.IntN(2) == 1)
}

type randString struct {
	n       int
	bytes   bool
	r       *rand.Rand
	scratch []byte
}

func (g *randString) next(b *format.Builder, v *types.Vector, _ *event) {
	g.scratch = appendWord(g.scratch[:0], g.r, g.n)
	if g.bytes {
		for i := range g.scratch {
			g.scratch[i] = byte(g.r.IntN(256))
		}
	}
	v.Str = append(v.Str, b.String(g.scratch))
}

// appendWord appends n random lower-case letters.
func appendWord(dst []byte, r *rand.Rand, n int) []byte {
	for range n {
		dst = append(dst, byte('a'+r.IntN(26)))
	}
	return dst
}

// randNested generates ARRAY, MAP and STRUCT values with random elements.
type randNested struct {
	t types.Type
	n int
	r *rand.Rand
	s *Source
}

func (g *randNested) next(_ *format.Builder, v *types.Vector, e *event) {
	v.Any = append(v.Any, g.value(g.t, e, 0))
}

func (g *randNested) value(t types.Type, e *event, depth int) any {
	switch t.Kind {
	case types.KindArray:
		out := make([]any, g.n)
		for i := range out {
			out[i] = g.value(*t.Elem, e, depth+1)
		}
		return out
	case types.KindMap:
		out := make(map[string]any, g.n)
		for i := range g.n {
			out["k"+strconv.Itoa(i)] = g.value(*t.Elem, e, depth+1)
		}
		return out
	case types.KindStruct:
		out := make([]any, len(t.Fields))
		for i, f := range t.Fields {
			out[i] = g.value(f.Type, e, depth+1)
		}
		return out
	}
	return g.scalar(t, e)
}

func (g *randNested) scalar(t types.Type, e *event) any {
	switch t.Kind {
	case types.KindBool:
		return g.r.IntN(2) == 1
	case types.KindDouble:
		return g.r.Float64() * 1000
	case types.KindString, types.KindBytes:
		return string(appendWord(nil, g.r, g.n))
	case types.KindTimestamp:
		return e.ts
	case types.KindDate:
		return floorDiv(e.ts, msPerDay)
	}
	return g.r.Int64N(1001) * unit(t)
}
