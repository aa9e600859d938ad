package planner

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// argError is a problem with one argument of a call: Arg is its index, or -1 for the call.
type argError struct {
	Arg int
	Msg string
}

// checkCall matches bound arguments against f's signature, converts them for the kernel and
// returns the result type.
func checkCall(f *Function, args []Expr) ([]Expr, types.Type, *argError) {
	if e := checkArity(f, len(args)); e != nil {
		return nil, types.Type{}, e
	}
	out := make([]Expr, len(args))
	for i, a := range args {
		c, msg := f.argKind(i).convert(a)
		if msg != "" {
			return nil, types.Type{}, &argError{i, fmt.Sprintf("%s: argument %d expects %s, found %s", strings.ToUpper(f.Name), i+1, f.argKind(i), msg)}
		}
		out[i] = c
	}
	if e := unifySame(f, out); e != nil {
		return nil, types.Type{}, e
	}
	ts := make([]types.Type, len(out))
	for i, a := range out {
		ts[i] = a.Type()
	}
	return out, f.Result(ts), nil
}

func (f *Function) argKind(i int) ArgKind {
	if i >= len(f.Args) {
		return f.Args[len(f.Args)-1]
	}
	return f.Args[i]
}

func checkArity(f *Function, n int) *argError {
	lo, hi := len(f.Args)-f.Optional, len(f.Args)
	if n >= lo && (n <= hi || f.Variadic) {
		return nil
	}
	var want string
	switch {
	case f.Variadic:
		want = "at least " + plural(lo, "argument")
	case hi == lo:
		want = plural(lo, "argument")
	default:
		want = fmt.Sprintf("%d to %d arguments", lo, hi)
	}
	return &argError{-1, fmt.Sprintf("%s expects %s, found %d: %s", strings.ToUpper(f.Name), want, n, f.Signature())}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// unifySame brings the ArgSame arguments to their common type.
func unifySame(f *Function, args []Expr) *argError {
	var t types.Type
	var idx []int
	for i, a := range args {
		if f.argKind(i) != ArgSame {
			continue
		}
		nt, ok := commonType(t, a.Type())
		if len(idx) == 0 {
			nt, ok = a.Type(), true
		}
		if !ok {
			return &argError{i, fmt.Sprintf("%s: argument %d is %s, not compatible with %s", strings.ToUpper(f.Name), i+1, a.Type(), t)}
		}
		t = nt
		idx = append(idx, i)
	}
	for _, i := range idx {
		args[i] = castTo(args[i], t)
	}
	return nil
}

// convert checks one argument against k and converts it; msg describes what was found when it
// does not fit.
func (k ArgKind) convert(a Expr) (Expr, string) {
	t := a.Type()
	if t.Kind == types.KindNull && k != ArgFraction && k != ArgCount && k != ArgTruncUnit {
		return castTo(a, nullTarget(k)), ""
	}
	switch k {
	case ArgAny, ArgSame:
		return a, ""
	case ArgScalar:
		return a, unless(comparable(t), t)
	case ArgNumeric:
		return a, unless(t.IsNumeric(), t)
	case ArgInteger:
		return castTo(a, types.BigInt), unless(t.IsInteger(), t)
	case ArgString:
		return a, unless(t.Kind == types.KindString, t)
	case ArgText:
		return castTo(a, types.String), unless(comparable(t), t)
	case ArgTimestamp:
		return castTo(a, types.Timestamp), unless(isTemporal(t), t)
	case ArgRegex:
		return convertRegex(a)
	}
	return convertLiteralArg(k, a)
}

// nullTarget is the type a NULL literal takes as an argument of kind k.
func nullTarget(k ArgKind) types.Type {
	switch k {
	case ArgNumeric, ArgInteger:
		return types.BigInt
	case ArgString, ArgText, ArgRegex:
		return types.String
	case ArgTimestamp:
		return types.Timestamp
	}
	return types.Null
}

func unless(ok bool, t types.Type) string {
	if ok {
		return ""
	}
	return t.String()
}

func convertRegex(a Expr) (Expr, string) {
	if a.Type().Kind != types.KindString {
		return a, a.Type().String()
	}
	if l, ok := a.(*Literal); ok {
		if s, _ := l.Value.(string); s != "" {
			if _, err := regexp.Compile(s); err != nil {
				return a, "an invalid one: " + err.Error()
			}
		}
	}
	return a, ""
}

// truncUnits are the DATE_TRUNC units, and extractUnits the EXTRACT fields (the ones of SQL.md
// and the further ones executor/eval implements).
var (
	truncUnits   = []string{"MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR"}
	extractUnits = []string{"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND",
		"DOW", "ISODOW", "DOY", "EPOCH"}
)

// convertLiteralArg handles the argument kinds that must be constants.
func convertLiteralArg(k ArgKind, a Expr) (Expr, string) {
	l, ok := a.(*Literal)
	if !ok || l.Value == nil {
		return a, "a non-constant " + a.Type().String()
	}
	switch k {
	case ArgTruncUnit:
		s, _ := l.Value.(string)
		u := strings.ToUpper(s)
		if !contains(truncUnits, u) {
			return a, "'" + s + "'" + didYouMean(u, truncUnits)
		}
		return &Literal{Value: u, T: types.String}, ""
	case ArgFraction:
		f, ok := numericValue(l)
		if !ok || f < 0 || f > 1 {
			return a, l.String()
		}
		return &Literal{Value: f, T: types.Double}, ""
	}
	n, ok := l.Value.(int64)
	if !ok || !l.T.IsInteger() || n <= 0 {
		return a, l.String()
	}
	return &Literal{Value: n, T: types.BigInt}, ""
}

func numericValue(l *Literal) (float64, bool) {
	switch v := l.Value.(type) {
	case float64:
		return v, true
	case int64:
		if l.T.IsInteger() {
			return float64(v), true
		}
	}
	return 0, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
