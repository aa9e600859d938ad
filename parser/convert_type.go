package parser

import (
	"strconv"
	"strings"
)

// typeAliases maps every accepted type name to its canonical spelling.
var typeAliases = map[string]string{
	"BOOLEAN": "BOOLEAN", "INT": "INT", "INTEGER": "INT", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE",
	"DECIMAL": "DECIMAL", "STRING": "STRING", "VARCHAR": "STRING", "BYTES": "BYTES",
	"TIMESTAMP": "TIMESTAMP", "DATE": "DATE", "ARRAY": "ARRAY", "MAP": "MAP", "STRUCT": "STRUCT",
}

// typeNames lists the accepted type names in the order used for suggestions.
var typeNames = []string{"BOOLEAN", "INT", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL", "STRING",
	"VARCHAR", "BYTES", "TIMESTAMP", "DATE", "ARRAY", "MAP", "STRUCT"}

// maxParams is how many (n, ...) parameters each scalar type accepts: DECIMAL(p, s),
// VARCHAR(n) (ignored: STRING has no length limit) and TIMESTAMP(3) as Flink writes it.
var maxParams = map[string]int{"DECIMAL": 2, "STRING": 1, "TIMESTAMP": 1}

func (c *converter) typeName(g *gType) *TypeName {
	t := &TypeName{At: pos(g.Pos)}
	written := ""
	if g.Name.Plain != nil {
		written = strings.ToUpper(*g.Name.Plain)
	}
	canon, ok := typeAliases[written]
	if !ok {
		found, _ := c.identPart(g.Name)
		c.errorf(g.Pos, "expected a type name, found '%s'%s", found, didYouMean(written, typeNames))
		return t
	}
	t.Name = canon
	c.typeParams(t, written, g)
	if t.Name == "STRING" {
		t.Params = nil // VARCHAR(n): STRING has no length limit
	}
	switch canon {
	case "ARRAY":
		t.Elem = c.typeArgs(t, g, 1)[0]
	case "MAP":
		kv := c.typeArgs(t, g, 2)
		t.Key, t.Value = kv[0], kv[1]
	case "STRUCT":
		t.Fields = c.structFields(g)
	default:
		if len(g.Args) > 0 {
			c.errorf(g.Args[0].Pos, "expected no <...> after %s", written)
		}
	}
	return t
}

func (c *converter) typeParams(t *TypeName, written string, g *gType) {
	if len(g.Params) > 0 && maxParams[t.Name] == 0 {
		c.errorf(g.Pos, "expected no (...) after %s, found %d parameter(s)", written, len(g.Params))
		return
	}
	if len(g.Params) > maxParams[t.Name] {
		c.errorf(g.Pos, "expected at most %d parameters for %s, found %d", maxParams[t.Name], written, len(g.Params))
		return
	}
	for _, p := range g.Params {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			c.errorf(g.Pos, "expected a whole number as a parameter of %s, found '%s'", written, p)
		}
		t.Params = append(t.Params, n)
	}
}

// typeArgs converts exactly n type arguments (missing ones are reported and left as empty
// TypeNames so that the caller can index them).
func (c *converter) typeArgs(t *TypeName, g *gType, n int) []*TypeName {
	out := make([]*TypeName, n)
	for i := range out {
		out[i] = &TypeName{At: t.At}
	}
	if len(g.Args) != n {
		c.errorf(g.Pos, "expected %d type argument(s) in %s<...>, found %d", n, t.Name, len(g.Args))
	}
	for i, a := range g.Args {
		if a.Second != nil {
			c.errorf(a.Pos, "expected a type in %s<...>, found a field definition", t.Name)
		}
		if i < n {
			out[i] = c.typeName(a.First)
		}
	}
	return out
}

func (c *converter) structFields(g *gType) []*StructField {
	if len(g.Args) == 0 {
		c.errorf(g.Pos, "expected STRUCT<name TYPE, ...>, found STRUCT without fields")
	}
	var out []*StructField
	for _, a := range g.Args {
		f := a.First
		if a.Second == nil || len(f.Params) > 0 || len(f.Args) > 0 {
			c.errorf(a.Pos, "expected a field as name TYPE in STRUCT<...>")
			continue
		}
		out = append(out, &StructField{At: pos(a.Pos), Name: c.ident(f.Name), Type: c.typeName(a.Second)})
	}
	return out
}
