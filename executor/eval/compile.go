package eval

import (
	"fmt"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Compile turns a bound expression into a kernel. Calls whose arguments are all constants are
// folded into a constant at compile time; literal patterns (LIKE, regular expressions, JSON
// paths) and units are compiled once here. Errors report IR the kernels do not implement (an
// unknown function, an argument type the planner should have converted), never data.
//
// A kernel keeps its output vectors and caches: it is not safe for concurrent use, so each task
// compiles its own.
func Compile(e plan.Expr) (Kernel, error) {
	switch e := e.(type) {
	case *plan.ColumnRef:
		if e.Index < 0 {
			return nil, fmt.Errorf("eval: column %s has a negative index", e)
		}
		return &colKernel{idx: e.Index, name: e.Name}, nil
	case *plan.Literal:
		if !valueFits(e.T, e.Value) {
			return nil, fmt.Errorf("eval: literal %v (%T) does not hold a %s", e.Value, e.Value, e.T)
		}
		return newConst(e.T, e.Value), nil
	case *plan.Call:
		return compileCall(e)
	case nil:
		return nil, fmt.Errorf("eval: nil expression")
	}
	return nil, fmt.Errorf("eval: unsupported expression %T", e)
}

// builder makes the kernel of one function from its call and compiled arguments.
type builder func(c *plan.Call, args []Kernel) (Kernel, error)

// builders is the implementation table, one row per function name of planner/expr.go. It is
// filled in init to break the initialization cycle (builders compile sub-expressions).
var builders map[string]builder

func init() {
	builders = map[string]builder{
		"+": buildArith, "-": buildArith, "*": buildArith, "/": buildArith, "%": buildArith,
		"neg": buildNeg, "mod": buildMod,
		"=": buildCompare, "<>": buildCompare, "<": buildCompare, "<=": buildCompare,
		">": buildCompare, ">=": buildCompare,
		"and": buildAndOr, "or": buildAndOr, "not": buildNot,
		"is_null": buildIsNull, "is_not_null": buildIsNull,
		"in": buildIn, "like": buildLike, "case": buildCase, "cast": buildCast,
		"coalesce": buildCoalesce, "nullif": buildNullIf,
		"field": buildField, "index": buildIndex,
		"abs": buildAbs, "round": buildRound, "floor": buildFloorCeil, "ceil": buildFloorCeil,
		"upper": buildCaseMap, "lower": buildCaseMap, "trim": buildTrim, "length": buildLength,
		"substring": buildSubstring, "concat": buildConcat, "replace": buildReplace,
		"split": buildSplit, "regexp_extract": buildRegexpExtract,
		"regexp_matches": buildRegexpMatches,
		"date_trunc":     buildDateTrunc, "extract": buildExtract,
		"from_unixtime": buildUnixtime, "to_unixtime": buildUnixtime,
		"json_value": buildJSONValue, "hash": buildHash,
	}
}

func compileCall(c *plan.Call) (Kernel, error) {
	b, ok := builders[c.Fn]
	if !ok {
		return nil, fmt.Errorf("eval: unknown function %q", c.Fn)
	}
	args := make([]Kernel, len(c.Args))
	for i, a := range c.Args {
		k, err := Compile(a)
		if err != nil {
			return nil, err
		}
		args[i] = k
	}
	k, err := b(c, args)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", c, err)
	}
	return fold(k, c.T, args), nil
}

// fold evaluates a call whose arguments are all constants once and returns it as a constant.
func fold(k Kernel, t types.Type, args []Kernel) Kernel {
	for _, a := range args {
		if _, ok := a.(*constKernel); !ok {
			return k
		}
	}
	v, err := k.Eval(&types.Batch{Len: 1})
	if err != nil || v.Len() < 1 {
		return k
	}
	return newConst(t, v.Value(0))
}

// colKernel reads a column of the batch without copying it.
type colKernel struct {
	idx  int
	name string
}

func (k *colKernel) Eval(b *types.Batch) (*types.Vector, error) {
	if k.idx >= len(b.Cols) {
		return nil, fmt.Errorf("eval: column %s#%d is not in a batch of %d columns", k.name, k.idx, len(b.Cols))
	}
	return b.Cols[k.idx], nil
}

// constKernel is a literal broadcast to the batch length. The backing vector only grows; each
// call returns a view of exactly b.Len rows.
type constKernel struct {
	val  any
	full *types.Vector
	view types.Vector
	n    int
}

func newConst(t types.Type, v any) *constKernel {
	k := &constKernel{val: v, full: newOut(t), n: -1}
	k.view.Type = t
	return k
}

func (k *constKernel) Eval(b *types.Batch) (*types.Vector, error) {
	n := b.Len
	if n == k.n {
		return &k.view, nil
	}
	for k.full.Len() < n {
		k.full.AppendValue(k.val)
	}
	f, v := k.full, &k.view
	v.I64, v.F64, v.Bool, v.Str, v.Any = cut(f.I64, n), cut(f.F64, n), cut(f.Bool, n), cut(f.Str, n), cut(f.Any, n)
	v.Nulls = v.Nulls[:0]
	if k.val == nil {
		v.Nulls = orNulls(v.Nulls, f.Nulls, n)
	}
	k.n = n
	return v, nil
}

func cut[T any](s []T, n int) []T {
	if s == nil {
		return nil
	}
	return s[:n]
}

// constValue reports the value of a constant kernel.
func constValue(k Kernel) (any, bool) {
	c, ok := k.(*constKernel)
	if !ok {
		return nil, false
	}
	return c.val, true
}

// evalAll evaluates every kernel of args into vs.
func evalAll(b *types.Batch, args []Kernel, vs []*types.Vector) error {
	for i, a := range args {
		v, err := a.Eval(b)
		if err != nil {
			return err
		}
		vs[i] = v
	}
	return nil
}

// valueFits reports whether v follows the Value conventions for t (nil fits every type).
func valueFits(t types.Type, v any) bool {
	if v == nil {
		return true
	}
	var ok bool
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		_, ok = v.(int64)
	case types.StoreF64:
		_, ok = v.(float64)
	case types.StoreBool:
		_, ok = v.(bool)
	case types.StoreStr:
		_, ok = v.(string)
	default:
		ok = t.Kind != types.KindNull
	}
	return ok
}
