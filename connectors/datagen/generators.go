package datagen

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// generator appends one value per event to a column.
type generator interface {
	next(b *format.Builder, v *types.Vector, e *event)
}

const msPerDay = 86400000

// generators builds one generator per declared column.
func (s *Source) generators(confs map[int]*colConf) ([]generator, error) {
	sc := s.cfg.Schema
	out := make([]generator, len(sc.Fields))
	for c, f := range sc.Fields {
		r := rand.New(rand.NewPCG(s.seed(), uint64(c)+1))
		g, err := s.column(f, confs[c], r)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", f.Name, err)
		}
		if conf := confs[c]; conf != nil && conf.nullRate > 0 && !f.NotNull && !(sc.EventTime && sc.TimeCol == c) {
			g = &nullable{inner: g, rate: conf.nullRate, r: r}
		}
		out[c] = g
	}
	return out, nil
}

// column picks the generator of one column: its own settings, else the NEXMark field of that
// name, else the event time for TIMESTAMP and DATE, else random values.
func (s *Source) column(f types.Field, conf *colConf, r *rand.Rand) (generator, error) {
	if conf != nil && conf.kind != "" {
		return s.configured(f.Type, conf, r)
	}
	if spec.Get(s.cfg.Options, "kind") == "nexmark" {
		if g := nexmarkGen(spec.Get(s.cfg.Options, "nexmark.event"), f, s.seed()); g != nil {
			return g, nil
		}
	}
	if f.Type.Kind == types.KindTimestamp || f.Type.Kind == types.KindDate {
		return eventTime{}, nil
	}
	if conf == nil {
		conf = &colConf{step: 1, length: 8}
	}
	return s.random(f.Type, conf, r)
}

func (s *Source) configured(t types.Type, conf *colConf, r *rand.Rand) (generator, error) {
	switch conf.kind {
	case "sequence":
		return s.sequence(t, conf)
	case "values":
		return newValues(t, conf.values, r)
	}
	return s.random(t, conf, r)
}

// eventTime appends the event time (TIMESTAMP) or its day (DATE).
type eventTime struct{}

func (eventTime) next(_ *format.Builder, v *types.Vector, e *event) {
	if v.Type.Kind == types.KindDate {
		v.I64 = append(v.I64, floorDiv(e.ts, msPerDay))
		return
	}
	v.I64 = append(v.I64, e.ts)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// nullable makes a fraction of the values NULL.
type nullable struct {
	inner generator
	rate  float64
	r     *rand.Rand
}

func (n *nullable) next(b *format.Builder, v *types.Vector, e *event) {
	if n.r.Float64() < n.rate {
		v.AppendNull()
		return
	}
	n.inner.next(b, v, e)
}

// sequence counts from min by step, wrapping after max when max is set.
type sequence struct {
	start, step, count int64 // count 0: no wrap
	scratch            []byte
}

func (s *Source) sequence(t types.Type, conf *colConf) (generator, error) {
	start, err := s.bound(t, conf.min, 1)
	if err != nil {
		return nil, err
	}
	step := conf.step * unit(t)
	g := &sequence{start: start, step: step}
	if conf.max != "" && step != 0 {
		end, err := s.bound(t, conf.max, 0)
		if err != nil {
			return nil, err
		}
		g.count = max((end-start)/step+1, 1)
	}
	return g, nil
}

// unit is the step of 1 in a type's storage: 10^scale for DECIMAL, else 1.
func unit(t types.Type) int64 {
	u := int64(1)
	for i := 0; t.Kind == types.KindDecimal && i < t.Scale; i++ {
		u *= 10
	}
	return u
}

func (g *sequence) next(b *format.Builder, v *types.Vector, e *event) {
	n := e.i
	if g.count > 0 {
		n %= g.count
	}
	g.scratch = appendInt(b, v, g.start+n*g.step, g.scratch)
}

// appendInt appends x to a column of any scalar type (DOUBLE as a float, STRING as text,
// BOOLEAN as odd/even); DECIMAL columns take x as unscaled.
func appendInt(b *format.Builder, v *types.Vector, x int64, scratch []byte) []byte {
	switch types.Storage(v.Type.Kind) {
	case types.StoreI64:
		v.I64 = append(v.I64, x)
	case types.StoreF64:
		v.F64 = append(v.F64, float64(x))
	case types.StoreBool:
		v.Bool = append(v.Bool, x%2 != 0)
	case types.StoreStr:
		scratch = strconv.AppendInt(scratch[:0], x, 10)
		v.Str = append(v.Str, b.String(scratch))
	default:
		v.AppendNull()
	}
	return scratch
}

// values picks uniformly from a list.
type values struct {
	list *types.Vector
	r    *rand.Rand
}

func newValues(t types.Type, texts []string, r *rand.Rand) (generator, error) {
	if len(texts) == 0 {
		return nil, fmt.Errorf("kind values needs fields.<column>.values")
	}
	list, err := parseList(t, texts)
	if err != nil {
		return nil, err
	}
	return &values{list: list, r: r}, nil
}

func (g *values) next(_ *format.Builder, v *types.Vector, _ *event) {
	v.AppendFrom(g.list, g.r.IntN(g.list.Len()))
}

// parseList parses texts as values of t into a vector (NULL for the text "null").
func parseList(t types.Type, texts []string) (*types.Vector, error) {
	b := format.NewBuilder(types.NewSchema(types.Field{Name: "v", Type: t}), len(texts))
	v := b.Col(0)
	for _, text := range texts {
		if text == "null" {
			v.AppendNull()
			continue
		}
		if types.Storage(t.Kind) == types.StoreAny {
			return nil, fmt.Errorf("values lists of %s are not supported", t)
		}
		if err := format.ParseText(b, v, []byte(text)); err != nil {
			return nil, fmt.Errorf("value %q: %s", text, err.Msg)
		}
	}
	return v, nil
}
