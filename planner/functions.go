package planner

import (
	"sort"
	"strings"

	"github.com/sluicedata/sluice/types"
)

// Function is one row of the function table: a name, the arguments it takes, how its result
// type follows from the argument types, and its documentation. The implementation is the
// executor's row of the same name (executor/eval). Aggregates have Agg set.
type Function struct {
	Name     string
	Args     []ArgKind
	Optional int  // how many trailing Args may be left out
	Variadic bool // the last of Args repeats
	Result   func(args []types.Type) types.Type
	Agg      bool
	Doc      string
}

// ArgKind says what an argument accepts and how it is converted for the kernel.
type ArgKind uint8

const (
	ArgAny       ArgKind = iota // any type, passed as is
	ArgScalar                   // an orderable scalar (not ARRAY/MAP/STRUCT), passed as is
	ArgNumeric                  // INT, BIGINT, DECIMAL or DOUBLE, passed as is
	ArgInteger                  // INT or BIGINT, passed as BIGINT
	ArgString                   // STRING
	ArgText                     // any scalar, passed as STRING (CONCAT)
	ArgTimestamp                // TIMESTAMP (a DATE is widened)
	ArgSame                     // all ArgSame arguments are brought to their common type
	ArgRegex                    // a STRING; a literal must compile as an RE2 expression
	ArgTruncUnit                // a literal unit for DATE_TRUNC: 'second' … 'year'
	ArgFraction                 // a numeric literal in [0,1], passed as a DOUBLE literal
	ArgCount                    // a positive integer literal, passed as a BIGINT literal
)

var argKindNames = [...]string{"any type", "a scalar", "a number", "an integer", "a STRING",
	"a scalar", "a TIMESTAMP", "a value", "a STRING regular expression",
	"a unit literal ('millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter' or 'year')",
	"a numeric literal between 0 and 1", "a positive integer literal"}

func (k ArgKind) String() string { return argKindNames[k] }

// Result type rules.
func fixed(t types.Type) func([]types.Type) types.Type {
	return func([]types.Type) types.Type { return t }
}

func firstArg(args []types.Type) types.Type { return args[0] }

func arrayOfFirst(args []types.Type) types.Type { return types.ArrayOf(args[0]) }

func sumResult(args []types.Type) types.Type {
	switch args[0].Kind {
	case types.KindDouble:
		return types.Double
	case types.KindDecimal:
		return types.Decimal(types.MaxDecimalPrecision, args[0].Scale)
	}
	return types.BigInt
}

// functions is the table of scalar and aggregate functions, by lower-case name.
var functions = map[string]*Function{}

func init() {
	for _, f := range scalarFunctions {
		functions[f.Name] = f
	}
	for _, f := range aggregateFunctions {
		f.Agg = true
		functions[f.Name] = f
	}
}

var scalarFunctions = []*Function{
	{Name: "coalesce", Args: []ArgKind{ArgSame}, Variadic: true, Result: firstArg, Doc: "the first non-NULL argument"},
	{Name: "nullif", Args: []ArgKind{ArgSame, ArgSame}, Result: firstArg, Doc: "NULL when a = b, else a"},
	{Name: "abs", Args: []ArgKind{ArgNumeric}, Result: firstArg, Doc: "absolute value"},
	{Name: "mod", Args: []ArgKind{ArgNumeric, ArgNumeric}, Result: firstArg, Doc: "a % b (sign of a)"},
	{Name: "round", Args: []ArgKind{ArgNumeric, ArgInteger}, Optional: 1, Result: firstArg, Doc: "round half away from zero to d digits (default 0)"},
	{Name: "floor", Args: []ArgKind{ArgNumeric}, Result: firstArg, Doc: "largest integral value not above x"},
	{Name: "ceil", Args: []ArgKind{ArgNumeric}, Result: firstArg, Doc: "smallest integral value not below x"},
	{Name: "upper", Args: []ArgKind{ArgString}, Result: fixed(types.String), Doc: "upper-case"},
	{Name: "lower", Args: []ArgKind{ArgString}, Result: fixed(types.String), Doc: "lower-case"},
	{Name: "trim", Args: []ArgKind{ArgString}, Result: fixed(types.String), Doc: "strip leading and trailing white space"},
	{Name: "length", Args: []ArgKind{ArgString}, Result: fixed(types.Int), Doc: "number of characters"},
	{Name: "substring", Args: []ArgKind{ArgString, ArgInteger, ArgInteger}, Optional: 1, Result: fixed(types.String), Doc: "SUBSTRING(s, start [, len]), 1-based"},
	{Name: "concat", Args: []ArgKind{ArgText}, Variadic: true, Result: fixed(types.String), Doc: "concatenation (NULL if any argument is NULL)"},
	{Name: "replace", Args: []ArgKind{ArgString, ArgString, ArgString}, Result: fixed(types.String), Doc: "REPLACE(s, from, to): every occurrence"},
	{Name: "split", Args: []ArgKind{ArgString, ArgString}, Result: fixed(types.ArrayOf(types.String)), Doc: "SPLIT(s, sep) as ARRAY<STRING>"},
	{Name: "regexp_extract", Args: []ArgKind{ArgString, ArgRegex, ArgInteger}, Optional: 1, Result: fixed(types.String), Doc: "group n (default 0) of the first match, NULL when none"},
	{Name: "regexp_matches", Args: []ArgKind{ArgString, ArgRegex}, Result: fixed(types.Bool), Doc: "whether s contains a match of re"},
	{Name: "date_trunc", Args: []ArgKind{ArgTruncUnit, ArgTimestamp}, Result: fixed(types.Timestamp), Doc: "DATE_TRUNC('minute', ts)"},
	{Name: "extract", Args: []ArgKind{ArgString, ArgTimestamp}, Result: fixed(types.BigInt), Doc: "EXTRACT(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND|DOW FROM ts)"},
	{Name: "from_unixtime", Args: []ArgKind{ArgInteger}, Result: fixed(types.Timestamp), Doc: "epoch milliseconds to TIMESTAMP"},
	{Name: "to_unixtime", Args: []ArgKind{ArgTimestamp}, Result: fixed(types.BigInt), Doc: "TIMESTAMP to epoch milliseconds"},
	{Name: "json_value", Args: []ArgKind{ArgString, ArgString}, Result: fixed(types.String), Doc: "JSON_VALUE(json, '$.path') as STRING"},
	{Name: "hash", Args: []ArgKind{ArgAny}, Variadic: true, Result: fixed(types.BigInt), Doc: "a 64-bit hash of the arguments"},
}

var aggregateFunctions = []*Function{
	{Name: "count", Args: []ArgKind{ArgAny}, Result: fixed(types.BigInt), Doc: "COUNT(*), COUNT(x) non-NULL values, COUNT(DISTINCT x)"},
	{Name: "sum", Args: []ArgKind{ArgNumeric}, Result: sumResult, Doc: "sum (BIGINT for integers, DECIMAL(18,s), DOUBLE)"},
	{Name: "avg", Args: []ArgKind{ArgNumeric}, Result: fixed(types.Double), Doc: "mean as DOUBLE"},
	{Name: "min", Args: []ArgKind{ArgScalar}, Result: firstArg, Doc: "smallest value"},
	{Name: "max", Args: []ArgKind{ArgScalar}, Result: firstArg, Doc: "largest value"},
	{Name: "approx_count_distinct", Args: []ArgKind{ArgAny}, Result: fixed(types.BigInt), Doc: "estimated number of distinct values (HyperLogLog)"},
	{Name: "approx_percentile", Args: []ArgKind{ArgNumeric, ArgFraction}, Result: fixed(types.Double), Doc: "APPROX_PERCENTILE(x, p): estimated p-quantile"},
	{Name: "earliest", Args: []ArgKind{ArgAny}, Result: firstArg, Doc: "the value of the row with the smallest event time"},
	{Name: "latest", Args: []ArgKind{ArgAny}, Result: firstArg, Doc: "the value of the row with the largest event time"},
	{Name: "topk", Args: []ArgKind{ArgScalar, ArgCount}, Result: arrayOfFirst, Doc: "TOPK(x, n): the n largest values, largest first, as an ARRAY (duplicates kept)"},
}

// Functions returns the function table sorted by name (for documentation and the REPL).
func Functions() []*Function {
	out := make([]*Function, 0, len(functions))
	for _, f := range functions {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// functionNames lists every function name, for suggestions.
func functionNames() []string {
	out := make([]string, 0, len(functions))
	for n := range functions {
		out = append(out, strings.ToUpper(n))
	}
	sort.Strings(out)
	return out
}

// Signature prints the function's argument list, e.g. "SUBSTRING(STRING, INTEGER [, INTEGER])".
func (f *Function) Signature() string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(f.Name) + "(")
	for i, a := range f.Args {
		if i == len(f.Args)-f.Optional {
			b.WriteString(" [")
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.String())
	}
	if f.Variadic {
		b.WriteString(", ...")
	}
	if f.Optional > 0 {
		b.WriteString("]")
	}
	return b.String() + ")"
}
