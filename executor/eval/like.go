package eval

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// LIKE matches the whole string: % is any run of characters, _ exactly one character (a
// Unicode code point), and a backslash makes the next character literal (as in Flink and
// PostgreSQL's default ESCAPE '\'). Matching is case-sensitive. A constant pattern is compiled
// once; the common shapes ('abc', 'abc%', '%abc', '%abc%') become plain string tests.

func buildLike(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("like takes two arguments, found %d", len(args))
	}
	if p, ok := constValue(args[1]); ok {
		if p == nil {
			return newConst(types.Bool, nil), nil
		}
		m := compileLike(p.(string))
		return unaryStr(args[0], types.Bool, refBool, func(s string) (bool, bool) { return m.match(s), true }), nil
	}
	var last string
	var m *likeMatcher
	return &binop[string, string, bool]{a: args[0], b: args[1], ina: getStr, inb: getStr, ref: refBool,
		out: newOut(types.Bool), f: func(s, p string) (bool, bool) {
			if m == nil || p != last {
				last, m = p, compileLike(p)
			}
			return m.match(s), true
		}}, nil
}

// likeMatcher is a compiled LIKE pattern: segments separated by %, each a sequence of literal
// characters and _ wildcards (kept as runes, with -1 for _).
type likeMatcher struct {
	segs     [][]rune
	anyStart bool // the pattern starts with %
	anyEnd   bool // the pattern ends with %
	plain    []string
	kind     likeKind
}

type likeKind uint8

const (
	likeGeneral likeKind = iota
	likeExact
	likePrefix
	likeSuffix
	likeContains
)

func compileLike(p string) *likeMatcher {
	m := &likeMatcher{}
	seg := []rune{}
	escaped := false
	for i, r := range p {
		switch {
		case escaped:
			seg, escaped = append(seg, r), false
		case r == '\\':
			escaped = true
		case r == '%':
			if i == 0 {
				m.anyStart = true
			}
			m.segs = append(m.segs, seg)
			seg = []rune{}
		case r == '_':
			seg = append(seg, -1)
		default:
			seg = append(seg, r)
		}
	}
	if escaped {
		seg = append(seg, '\\')
	}
	m.anyEnd = len(m.segs) > 0 && len(seg) == 0
	m.segs = append(m.segs, seg)
	m.classify()
	return m
}

// classify detects the patterns that are plain string tests.
func (m *likeMatcher) classify() {
	var lits []string
	for _, s := range m.segs {
		if len(s) == 0 {
			continue
		}
		for _, r := range s {
			if r < 0 {
				return
			}
		}
		lits = append(lits, string(s))
	}
	switch {
	case len(m.segs) == 1:
		m.kind, m.plain = likeExact, []string{string(m.segs[0])}
	case len(lits) <= 1 && len(m.segs) <= 3:
		m.plain = append(lits, "")
		m.kind = [2][2]likeKind{{likeGeneral, likePrefix}, {likeSuffix, likeContains}}[b2i(m.anyStart)][b2i(m.anyEnd)]
	}
}

func (m *likeMatcher) match(s string) bool {
	switch m.kind {
	case likeExact:
		return s == m.plain[0]
	case likePrefix:
		return strings.HasPrefix(s, m.plain[0])
	case likeSuffix:
		return strings.HasSuffix(s, m.plain[0])
	case likeContains:
		return strings.Contains(s, m.plain[0])
	}
	return m.general(s)
}

// general matches segment by segment: the first is anchored at the start, the last at the end,
// and each one in between is taken at its leftmost position (which is always safe because
// segments have a fixed length in characters).
func (m *likeMatcher) general(s string) bool {
	last := len(m.segs) - 1
	if last == 0 {
		n, ok := matchAt(s, m.segs[0])
		return ok && n == len(s)
	}
	n, ok := matchAt(s, m.segs[0])
	if !ok {
		return false
	}
	s = s[n:]
	for _, seg := range m.segs[1:last] {
		i, n, ok := find(s, seg)
		if !ok {
			return false
		}
		s = s[i+n:]
	}
	return matchSuffix(s, m.segs[last])
}

// matchAt matches seg at the start of s and returns the bytes it covers.
func matchAt(s string, seg []rune) (int, bool) {
	n := 0
	for _, want := range seg {
		if n >= len(s) {
			return 0, false
		}
		r, w := utf8.DecodeRuneInString(s[n:])
		if want >= 0 && r != want {
			return 0, false
		}
		n += w
	}
	return n, true
}

// find returns the leftmost position of seg in s.
func find(s string, seg []rune) (int, int, bool) {
	for i := 0; i <= len(s); {
		if n, ok := matchAt(s[i:], seg); ok {
			return i, n, true
		}
		if i == len(s) {
			break
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return 0, 0, false
}

// matchSuffix reports whether seg matches the end of s (its last len(seg) characters).
func matchSuffix(s string, seg []rune) bool {
	i := len(s)
	for k := 0; k < len(seg); k++ {
		if i == 0 {
			return false
		}
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	n, ok := matchAt(s[i:], seg)
	return ok && i+n == len(s)
}
