package eval

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// String functions count characters (Unicode code points), not bytes. A function that only cuts
// its input (SUBSTRING, TRIM) returns a slice of it without copying; UPPER and LOWER return the
// input itself when it has nothing to change.

func buildCaseMap(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("%s takes one argument", c.Fn)
	}
	f := strings.ToUpper
	if c.Fn == "lower" {
		f = strings.ToLower
	}
	return unaryStr(args[0], c.T, refStr, func(s string) (string, bool) { return f(s), true }), nil
}

// buildTrim is TRIM(s): leading and trailing spaces (SQL's TRIM, as in Flink and PostgreSQL,
// removes the space character; tabs and newlines stay). TRIM(s, chars) removes the given
// characters instead.
func buildTrim(c *plan.Call, args []Kernel) (Kernel, error) {
	switch len(args) {
	case 1:
		return unaryStr(args[0], c.T, refStr, func(s string) (string, bool) { return strings.Trim(s, " "), true }), nil
	case 2:
		return &binop[string, string, string]{a: args[0], b: args[1], ina: getStr, inb: getStr, ref: refStr,
			out: newOut(c.T), f: func(s, cut string) (string, bool) { return strings.Trim(s, cut), true }}, nil
	}
	return nil, fmt.Errorf("trim takes one or two arguments, found %d", len(args))
}

func buildLength(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("length takes one argument")
	}
	return unaryStr(args[0], c.T, refI64, func(s string) (int64, bool) { return int64(utf8.RuneCountInString(s)), true }), nil
}

// buildSubstring is SUBSTRING(s, start [, len]) with SQL semantics: the characters at positions
// start … start+len−1 (1-based) that exist, so a start ≤ 0 eats into the length
// (SUBSTRING('hello', 0, 3) = 'he'); a start past the end gives ”; a negative len gives NULL
// (PostgreSQL rejects it).
func buildSubstring(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) < 2 || len(args) > 3 {
		return nil, fmt.Errorf("substring takes two or three arguments, found %d", len(args))
	}
	hasLen := len(args) == 3
	return newRows(c.T, args, func(vs []*types.Vector, i int, out *types.Vector) bool {
		n := int64(-1)
		if hasLen {
			n = vs[2].I64[i]
		}
		r, ok := substring(vs[0].Str[i], vs[1].I64[i], n, hasLen)
		out.Str[i] = r
		return ok
	}), nil
}

func substring(s string, start, n int64, hasLen bool) (string, bool) {
	if hasLen && n < 0 {
		return "", false
	}
	from, to := start, int64(len(s))+1
	if hasLen {
		to = start + n
		if n > 0 && to < start {
			to = int64(len(s)) + 1
		}
	}
	from = max(from, 1)
	if to <= from {
		return "", true
	}
	b0, ok := byteOffset(s, from-1)
	if !ok {
		return "", true
	}
	b1, _ := byteOffset(s, to-1)
	return s[b0:b1], true
}

// byteOffset returns the byte offset of the character at 0-based position p (len(s) when p is
// at or past the end; ok is false past the end).
func byteOffset(s string, p int64) (int, bool) {
	for i := range s {
		if p == 0 {
			return i, true
		}
		p--
	}
	return len(s), p == 0
}

// buildConcat is CONCAT(a, b, …): NULL when any argument is NULL (Flink's CONCAT).
func buildConcat(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) == 0 {
		return newConst(c.T, ""), nil
	}
	cast := make([]Kernel, len(args))
	for i, a := range args {
		k, err := newCast(a, c.Args[i].Type(), types.String)
		if err != nil {
			return nil, err
		}
		cast[i] = k
	}
	return newRows(c.T, cast, func(vs []*types.Vector, i int, out *types.Vector) bool {
		size := 0
		for _, v := range vs {
			size += len(v.Str[i])
		}
		var b strings.Builder
		b.Grow(size)
		for _, v := range vs {
			b.WriteString(v.Str[i])
		}
		out.Str[i] = b.String()
		return true
	}), nil
}

// buildReplace is REPLACE(s, from, to): every occurrence; an empty from leaves s unchanged.
func buildReplace(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 3 {
		return nil, fmt.Errorf("replace takes three arguments, found %d", len(args))
	}
	return newRows(c.T, args, func(vs []*types.Vector, i int, out *types.Vector) bool {
		s, from := vs[0].Str[i], vs[1].Str[i]
		if from != "" {
			s = strings.ReplaceAll(s, from, vs[2].Str[i])
		}
		out.Str[i] = s
		return true
	}), nil
}

// buildSplit is SPLIT(s, sep) → ARRAY<STRING>; an empty sep splits into characters, and an
// empty s gives [”] (as ksqlDB and Spark do).
func buildSplit(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("split takes two arguments, found %d", len(args))
	}
	return &binop[string, string, any]{a: args[0], b: args[1], ina: getStr, inb: getStr, ref: refAny,
		out: newOut(c.T), f: func(s, sep string) (any, bool) {
			parts := strings.Split(s, sep)
			out := make([]any, len(parts))
			for i, p := range parts {
				out[i] = p
			}
			return out, true
		}}, nil
}
