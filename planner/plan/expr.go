package plan

import (
	"fmt"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// Expr is a bound, typed expression over the columns of an operator's input schema. It is pure
// data: the executor compiles it (executor/eval) into a kernel that loops over a Batch.
//
// The planner guarantees, so that kernels stay simple:
//   - every Call's T is its result type and every argument is already of the type the function
//     takes: for arithmetic and comparison both operands have the same type (the planner wraps
//     the narrower one in a "cast" Call: INT → BIGINT → DECIMAL → DOUBLE), except DECIMAL * and /
//     on DECIMALs of other scales (the kernel rescales by the types it is given);
//   - NULL literals carry the type they are used as.
type Expr interface {
	Type() types.Type
	String() string
}

// ColumnRef reads column Index of the input.
type ColumnRef struct {
	Index int
	Name  string
	T     types.Type
}

// Literal is a constant; Value follows the conventions of types/value.go.
type Literal struct {
	Value any
	T     types.Type
}

// Call applies a function or operator. Fn is one of the lower-case names below.
//
//	arithmetic   "+" "-" "*" "/" "%" "neg"
//	comparison   "=" "<>" "<" "<=" ">" ">="            (three-valued: NULL in, NULL out)
//	logic        "and" "or" "not"                      (SQL three-valued logic)
//	predicates   "is_null" "is_not_null"
//	             "in"        Args[0] IN (Args[1:]...)  (NOT IN is not(in))
//	             "like"      Args[0] LIKE Args[1]      (% and _; BETWEEN is desugared to >= and <=)
//	             "case"      Args = when1, then1, when2, then2, ... [, else]  (odd count: has else;
//	                         CASE x WHEN v is desugared to x = v)
//	             "cast"      Args[0] cast to T
//	access       "field"     Args[0] struct, Args[1] Literal BIGINT member index
//	             "index"     Args[0] array (1-based BIGINT) or map (STRING key), Args[1] the index
//	scalar       coalesce nullif abs mod round floor ceil upper lower trim length substring concat
//	             replace split regexp_extract regexp_matches date_trunc extract from_unixtime
//	             to_unixtime json_value hash
//	             (extract: Args[0] Literal STRING unit "YEAR" … "DOW", Args[1] the timestamp;
//	             date_trunc: Args[0] unit string, Args[1] timestamp; round: optional 2nd arg digits)
type Call struct {
	Fn   string
	Args []Expr
	T    types.Type
}

// AggCall is an aggregate in a group or window. Fn is one of: count_star count sum avg min max
// approx_count_distinct approx_percentile earliest latest topk. For approx_percentile Args[1]
// is a DOUBLE Literal p in [0,1]; for topk Args[1] is a BIGINT Literal n. Distinct is COUNT(DISTINCT x).
type AggCall struct {
	Fn       string
	Args     []Expr
	Distinct bool
	T        types.Type
}

func (e *ColumnRef) Type() types.Type { return e.T }
func (e *Literal) Type() types.Type   { return e.T }
func (e *Call) Type() types.Type      { return e.T }

func (e *ColumnRef) String() string { return fmt.Sprintf("%s#%d", e.Name, e.Index) }

func (e *Literal) String() string {
	switch v := e.Value.(type) {
	case nil:
		return "NULL"
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case int64:
		switch e.T.Kind {
		case types.KindTimestamp:
			return "TIMESTAMP '" + types.FormatTimestamp(v) + "'"
		case types.KindDate:
			return "DATE '" + types.FormatDate(v) + "'"
		}
	}
	return fmt.Sprint(e.Value)
}

func (e *Call) String() string {
	args := make([]string, len(e.Args))
	for i, a := range e.Args {
		args[i] = a.String()
	}
	if e.Fn == "cast" {
		return "CAST(" + args[0] + " AS " + e.T.String() + ")"
	}
	if len(args) == 2 && isInfix(e.Fn) {
		return "(" + args[0] + " " + strings.ToUpper(e.Fn) + " " + args[1] + ")"
	}
	return e.Fn + "(" + strings.Join(args, ", ") + ")"
}

func (a *AggCall) String() string {
	args := make([]string, len(a.Args))
	for i, x := range a.Args {
		args[i] = x.String()
	}
	if a.Fn == "count_star" {
		return "count(*)"
	}
	d := ""
	if a.Distinct {
		d = "DISTINCT "
	}
	return a.Fn + "(" + d + strings.Join(args, ", ") + ")"
}

func isInfix(fn string) bool {
	switch fn {
	case "+", "-", "*", "/", "%", "=", "<>", "<", "<=", ">", ">=", "and", "or", "like":
		return true
	}
	return false
}
