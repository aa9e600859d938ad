package eval

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/sluicedata/sluice/planner/plan"
	"github.com/sluicedata/sluice/types"
)

// JSON_VALUE(json, path) returns the scalar at path as a STRING: a JSON string unquoted, a
// number as written, true/false; NULL when the document is not valid JSON, when the path does not
// exist, or when it leads to null, an object or an array (Flink's default NULL ON EMPTY NULL ON
// ERROR). Paths: $ followed by .name, ['name'] or ["name"] member steps and [n] array steps
// (0-based, as in SQL/JSON). A constant path is parsed once and an invalid one is a compile
// error; documents are scanned in place without building a tree.

func buildJSONValue(c *plan.Call, args []Kernel) (Kernel, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("json_value takes two arguments, found %d", len(args))
	}
	if p, ok := constValue(args[1]); ok {
		if p == nil {
			return newConst(c.T, nil), nil
		}
		path, err := parseJSONPath(p.(string))
		if err != nil {
			return nil, err
		}
		return unaryStr(args[0], c.T, refStr, func(s string) (string, bool) { return jsonValue(s, path) }), nil
	}
	return &binop[string, string, string]{a: args[0], b: args[1], ina: getStr, inb: getStr, ref: refStr,
		out: newOut(c.T), f: func(s, p string) (string, bool) {
			path, err := parseJSONPath(p)
			if err != nil {
				return "", false
			}
			return jsonValue(s, path)
		}}, nil
}

// jsonStep is one path step: a member name, or an array index when key is empty and idx >= 0.
type jsonStep struct {
	key string
	idx int
}

func parseJSONPath(p string) ([]jsonStep, error) {
	s := strings.TrimSpace(p)
	if !strings.HasPrefix(s, "$") {
		return nil, fmt.Errorf("JSON path %q must start with $", p)
	}
	s = s[1:]
	var steps []jsonStep
	for s != "" {
		step, rest, ok := nextStep(s)
		if !ok {
			return nil, fmt.Errorf("invalid JSON path %q near %q", p, s)
		}
		steps, s = append(steps, step), rest
	}
	return steps, nil
}

func nextStep(s string) (jsonStep, string, bool) {
	switch {
	case s[0] == '.':
		end := strings.IndexAny(s[1:], ".[")
		if end < 0 {
			end = len(s) - 1
		}
		name := s[1 : 1+end]
		return jsonStep{key: name, idx: -1}, s[1+end:], name != ""
	case strings.HasPrefix(s, "['") || strings.HasPrefix(s, `["`):
		q := s[1]
		end := strings.IndexByte(s[2:], q)
		if end < 0 || !strings.HasPrefix(s[2+end+1:], "]") {
			return jsonStep{}, "", false
		}
		return jsonStep{key: s[2 : 2+end], idx: -1}, s[2+end+2:], true
	case s[0] == '[':
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return jsonStep{}, "", false
		}
		n, err := strconv.Atoi(strings.TrimSpace(s[1:end]))
		return jsonStep{idx: n}, s[end+1:], err == nil && n >= 0
	}
	return jsonStep{}, "", false
}

// jsonValue finds path in doc.
func jsonValue(doc string, path []jsonStep) (string, bool) {
	if !json.Valid(unsafe.Slice(unsafe.StringData(doc), len(doc))) {
		return "", false
	}
	sc := jsonScan{s: doc}
	sc.ws()
	for _, st := range path {
		var ok bool
		if st.key != "" || st.idx < 0 {
			ok = sc.member(st.key)
		} else {
			ok = sc.element(st.idx)
		}
		if !ok {
			return "", false
		}
	}
	return sc.scalar()
}

// jsonScan walks a document already known to be valid JSON.
type jsonScan struct {
	s string
	i int
}

func (p *jsonScan) ws() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r') {
		p.i++
	}
}

// member moves from an object to the value of its first member named key.
func (p *jsonScan) member(key string) bool {
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		return false
	}
	p.i++
	for {
		p.ws()
		if p.s[p.i] == '}' {
			return false
		}
		name := p.str()
		p.ws()
		p.i++ // ':'
		p.ws()
		if name == key {
			return true
		}
		p.skip()
		p.ws()
		if p.s[p.i] == ',' {
			p.i++
		}
	}
}

// element moves from an array to its element n.
func (p *jsonScan) element(n int) bool {
	if p.i >= len(p.s) || p.s[p.i] != '[' {
		return false
	}
	p.i++
	for k := 0; ; k++ {
		p.ws()
		if p.s[p.i] == ']' {
			return false
		}
		if k == n {
			return true
		}
		p.skip()
		p.ws()
		if p.s[p.i] == ',' {
			p.i++
		}
	}
}

// str reads a string token and returns its text, unescaped.
func (p *jsonScan) str() string {
	start := p.i
	p.skip()
	raw := p.s[start:p.i]
	if !strings.Contains(raw, `\`) {
		return raw[1 : len(raw)-1]
	}
	var out string
	_ = json.Unmarshal([]byte(raw), &out)
	return out
}

// skip moves past one value.
func (p *jsonScan) skip() {
	switch p.s[p.i] {
	case '"':
		p.i++
		for p.s[p.i] != '"' {
			if p.s[p.i] == '\\' {
				p.i++
			}
			p.i++
		}
		p.i++
	case '{', '[':
		p.skipNested()
	default:
		for p.i < len(p.s) && !strings.ContainsRune(",}] \t\n\r", rune(p.s[p.i])) {
			p.i++
		}
	}
}

// skipNested moves past an object or array, counting brackets outside strings.
func (p *jsonScan) skipNested() {
	depth := 0
	for {
		switch p.s[p.i] {
		case '"':
			p.skip()
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
		p.i++
		if depth == 0 {
			return
		}
	}
}

// scalar returns the value at the cursor as text; NULL for null, objects and arrays.
func (p *jsonScan) scalar() (string, bool) {
	if p.i >= len(p.s) {
		return "", false
	}
	switch p.s[p.i] {
	case '"':
		return p.str(), true
	case '{', '[', 'n':
		return "", false
	}
	start := p.i
	p.skip()
	return p.s[start:p.i], true
}

// appendJSON renders a Value of type t as JSON text (nested values cast to STRING): TIMESTAMP
// and DATE as strings, DECIMAL as a number, MAP keys sorted.
func appendJSON(buf []byte, v any, t types.Type) []byte {
	if v == nil {
		return append(buf, "null"...)
	}
	switch t.Kind {
	case types.KindArray:
		return appendJSONArray(buf, v, *t.Elem)
	case types.KindMap:
		return appendJSONMap(buf, v, *t.Elem)
	case types.KindStruct:
		return appendJSONStruct(buf, v, t.Fields)
	case types.KindString, types.KindBytes, types.KindTimestamp, types.KindDate:
		s, _ := castScalarValue(v, t, types.String)
		str, _ := s.(string)
		return appendJSONString(buf, str)
	case types.KindDouble:
		f, _ := v.(float64)
		if s := formatFloat(f); s != "NaN" && !strings.HasSuffix(s, "Infinity") {
			return append(buf, s...)
		}
		return append(buf, "null"...)
	}
	s, _ := castScalarValue(v, t, types.String)
	str, _ := s.(string)
	return append(buf, str...)
}

func appendJSONArray(buf []byte, v any, elem types.Type) []byte {
	xs, _ := v.([]any)
	buf = append(buf, '[')
	for i, x := range xs {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSON(buf, x, elem)
	}
	return append(buf, ']')
}

func appendJSONMap(buf []byte, v any, elem types.Type) []byte {
	m, _ := v.(map[string]any)
	buf = append(buf, '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(appendJSONString(buf, k), ':')
		buf = appendJSON(buf, m[k], elem)
	}
	return append(buf, '}')
}

func appendJSONStruct(buf []byte, v any, fields []types.Field) []byte {
	xs, _ := v.([]any)
	buf = append(buf, '{')
	for i, f := range fields {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(appendJSONString(buf, f.Name), ':')
		var x any
		if i < len(xs) {
			x = xs[i]
		}
		buf = appendJSON(buf, x, f.Type)
	}
	return append(buf, '}')
}

// appendJSONString quotes s as a JSON string (invalid UTF-8 becomes U+FFFD).
func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			buf = appendJSONByte(buf, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			buf = append(buf, `\ufffd`...)
		} else {
			buf = append(buf, s[i:i+w]...)
		}
		i += w
	}
	return append(buf, '"')
}

func appendJSONByte(buf []byte, c byte) []byte {
	switch {
	case c == '"' || c == '\\':
		return append(buf, '\\', c)
	case c == '\n':
		return append(buf, `\n`...)
	case c == '\r':
		return append(buf, `\r`...)
	case c == '\t':
		return append(buf, `\t`...)
	case c < 0x20:
		return append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
	}
	return append(buf, c)
}

const hexDigits = "0123456789abcdef"
