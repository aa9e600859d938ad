package eval

import (
	"fmt"
	"regexp"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// Regular expressions are RE2 (Go's regexp). A constant pattern is compiled once, and an invalid
// one is a compile error; a pattern that comes from the data is compiled per distinct value
// (cached) and an invalid one gives NULL. REGEXP_MATCHES(s, re) is TRUE when re matches anywhere
// in s (anchor it with ^…$ for a whole-string match). REGEXP_EXTRACT(s, re [, n]) returns group
// n (0, the default, is the whole match) of the first match; NULL when nothing matches, when n is
// not a group of re, or when group n did not take part in the match.

func buildRegexpMatches(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("regexp_matches takes two arguments, found %d", len(args))
	}
	if p, ok := constValue(args[1]); ok && p == nil {
		return newConst(c.T, nil), nil
	}
	re, err := patternOf(args[1])
	if err != nil {
		return nil, err
	}
	if re != nil {
		return unaryStr(args[0], c.T, refBool, func(s string) (bool, bool) { return re.MatchString(s), true }), nil
	}
	cache := regexCache{}
	return &binop[string, string, bool]{a: args[0], b: args[1], ina: getStr, inb: getStr, ref: refBool,
		out: newOut(c.T), f: func(s, p string) (bool, bool) {
			re := cache.get(p)
			return re != nil && re.MatchString(s), re != nil
		}}, nil
}

func buildRegexpExtract(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) < 2 || len(args) > 3 {
		return nil, fmt.Errorf("regexp_extract takes two or three arguments, found %d", len(args))
	}
	re, err := patternOf(args[1])
	if err != nil {
		return nil, err
	}
	group := Kernel(newConst(types.BigInt, int64(0)))
	if len(args) == 3 {
		group = args[2]
	}
	cache := regexCache{}
	return newRows(c.T, []Kernel{args[0], args[1], group}, func(vs []*types.Vector, i int, out *types.Vector) bool {
		r := re
		if r == nil {
			r = cache.get(vs[1].Str[i])
		}
		s, ok := extract(r, vs[0].Str[i], vs[2].I64[i])
		out.Str[i] = s
		return ok
	}), nil
}

func extract(re *regexp.Regexp, s string, n int64) (string, bool) {
	if re == nil || n < 0 || n > int64(re.NumSubexp()) {
		return "", false
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil || m[2*n] < 0 {
		return "", false
	}
	return s[m[2*n]:m[2*n+1]], true
}

// patternOf compiles a constant pattern; it returns nil for a pattern that varies.
func patternOf(k Kernel) (*regexp.Regexp, error) {
	v, ok := constValue(k)
	if !ok {
		return nil, nil
	}
	s, _ := v.(string)
	if v == nil {
		s = "$.^" // a NULL pattern: the strict kernels give NULL before it is used
	}
	re, err := regexp.Compile(s)
	if err != nil {
		return nil, fmt.Errorf("invalid regular expression %q: %v", s, err)
	}
	return re, nil
}

// regexCache holds the patterns compiled from data (nil for invalid ones), bounded in size.
type regexCache map[string]*regexp.Regexp

func (c regexCache) get(p string) *regexp.Regexp {
	if re, ok := c[p]; ok {
		return re
	}
	if len(c) >= 256 {
		clear(c)
	}
	re, err := regexp.Compile(p)
	if err != nil {
		re = nil
	}
	c[p] = re
	return re
}
