package parquet

import (
	"fmt"
	"strings"

	pq "github.com/parquet-go/parquet-go"
	pf "github.com/parquet-go/parquet-go/format"

	"github.com/sluicedata/sluice/types"
)

// Reading maps Parquet types to SQL types (optional columns are nullable, required ones NOT
// NULL; legacy converted types count as their logical types):
//
//	BOOLEAN                                  BOOLEAN
//	INT32 (INT(8|16|32), INT(8|16, unsigned)) INT; INT(32, unsigned) BIGINT
//	INT64 (INT(64, signed))                  BIGINT
//	INT64 INT(64, unsigned)                  DECIMAL(20,0), read as STRING without a column list
//	INT32 / INT64 DECIMAL(p,s)               DECIMAL(p,s)
//	BYTE_ARRAY / FIXED DECIMAL(p,s)          DECIMAL(p,s); over 18 digits read as STRING
//	                                         without a column list (declare DECIMAL(18,s) or
//	                                         DOUBLE to compute)
//	INT32 DATE                               DATE
//	INT64 TIMESTAMP(MILLIS|MICROS|NANOS)     TIMESTAMP (floored to milliseconds)
//	INT96 (legacy Impala/Spark timestamps)   TIMESTAMP
//	INT32 TIME(MILLIS), INT64 TIME(...)      INT, BIGINT (time of day in the file's unit)
//	FLOAT, DOUBLE, FLOAT16                   DOUBLE
//	BYTE_ARRAY STRING|ENUM|JSON              STRING
//	FIXED UUID                               STRING (8-4-4-4-12 hex)
//	other BYTE_ARRAY, FIXED                  BYTES
//	LIST (3-level, and legacy 2-level)       ARRAY<element>
//	MAP                                      MAP<STRING, value> (keys as text)
//	other groups                             STRUCT<members in order>
//	a repeated field outside a LIST          ARRAY<field>
type nodeKind uint8

const (
	kindLeaf nodeKind = iota
	kindStruct
	kindList
	kindMap
)

// pnode says how one node of the file's schema is read back from its leaf columns.
type pnode struct {
	kind   nodeKind
	typ    types.Type
	name   string
	opt    bool // the node may be NULL: it is when its first leaf's definition level < def
	def    int  // definition level of a present node
	repDef int  // lists and maps: definition level of a present entry
	repRep int  // lists and maps: repetition level of a following entry
	first  int  // first leaf column under the node
	leaves int  // number of leaf columns under the node
	conv   leafConv
	kids   []*pnode // struct members; list: element; map: key, value
}

// planner walks the file's schema, numbering leaves in order.
type planner struct{ leaf int }

// planColumns returns the reading plan of each top-level column of the file.
func planColumns(root *pq.Column) ([]*pnode, error) {
	p := &planner{}
	var cols []*pnode
	for _, c := range root.Columns() {
		n, err := p.field(c, 0, 0)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", c.Name(), err)
		}
		cols = append(cols, n)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("the file has no column")
	}
	return cols, nil
}

// field plans a field whose parent is present at definition level d and repetition level r.
func (p *planner) field(c *pq.Column, d, r int) (*pnode, error) {
	if c.Repeated() { // a repeated field outside a LIST annotation: a list of its values
		first := p.leaf
		elem, err := p.node(c, d+1, r+1, false)
		if err != nil {
			return nil, err
		}
		return p.list(c.Name(), d, r+1, elem, first), nil
	}
	if c.Optional() {
		return p.node(c, d+1, r, true)
	}
	return p.node(c, d, r, false)
}

// node plans c, present at definition level d.
func (p *planner) node(c *pq.Column, d, r int, opt bool) (*pnode, error) {
	if c.Leaf() {
		return p.leafNode(c, d, opt)
	}
	switch logical(c.Type()).(type) {
	case *pf.ListType:
		return p.listGroup(c, d, r, opt)
	case *pf.MapType:
		return p.mapGroup(c, d, r, opt)
	}
	return p.structGroup(c, d, r, opt)
}

func (p *planner) leafNode(c *pq.Column, d int, opt bool) (*pnode, error) {
	t, conv, err := leafType(c.Type())
	if err != nil {
		return nil, err
	}
	n := &pnode{kind: kindLeaf, typ: t, name: c.Name(), opt: opt, def: d, first: p.leaf, leaves: 1, conv: conv}
	p.leaf++
	return n, nil
}

func (p *planner) structGroup(c *pq.Column, d, r int, opt bool) (*pnode, error) {
	n := &pnode{kind: kindStruct, name: c.Name(), opt: opt, def: d, first: p.leaf}
	fields := make([]types.Field, 0, len(c.Columns()))
	for _, k := range c.Columns() {
		kid, err := p.field(k, d, r)
		if err != nil {
			return nil, err
		}
		n.kids = append(n.kids, kid)
		fields = append(fields, types.Field{Name: k.Name(), Type: kid.typ})
	}
	if len(fields) == 0 {
		return nil, fmt.Errorf("a group without members has no SQL type")
	}
	n.typ, n.leaves = types.StructOf(fields...), p.leaf-n.first
	return n, nil
}

// listGroup plans a LIST-annotated group: one repeated child, which is the element itself (a
// repeated primitive, a repeated group of several members, or one named "array" or
// "<name>_tuple": the legacy 2-level forms), else the wrapper of the single element.
func (p *planner) listGroup(c *pq.Column, d, r int, opt bool) (*pnode, error) {
	rep, err := repeatedChild(c)
	if err != nil {
		return nil, err
	}
	first := p.leaf
	var elem *pnode
	if rep.Leaf() || len(rep.Columns()) > 1 || rep.Name() == "array" || rep.Name() == c.Name()+"_tuple" {
		elem, err = p.node(rep, d+1, r+1, false)
	} else {
		elem, err = p.field(rep.Columns()[0], d+1, r+1)
	}
	if err != nil {
		return nil, err
	}
	n := p.list(c.Name(), d, r+1, elem, first)
	n.opt = opt
	return n, nil
}

// list builds a list node present at level d whose entries repeat at level rep.
func (p *planner) list(name string, d, rep int, elem *pnode, first int) *pnode {
	return &pnode{kind: kindList, typ: types.ArrayOf(elem.typ), name: name, def: d, repDef: d + 1, repRep: rep,
		first: first, leaves: p.leaf - first, kids: []*pnode{elem}}
}

// mapGroup plans a MAP-annotated group: repeated key_value { key; value }.
func (p *planner) mapGroup(c *pq.Column, d, r int, opt bool) (*pnode, error) {
	kv, err := repeatedChild(c)
	if err != nil {
		return nil, err
	}
	if kv.Leaf() || len(kv.Columns()) != 2 {
		return nil, fmt.Errorf("a MAP group needs a repeated group of a key and a value")
	}
	first := p.leaf
	key, err := p.field(kv.Columns()[0], d+1, r+1)
	if err != nil {
		return nil, err
	}
	val, err := p.field(kv.Columns()[1], d+1, r+1)
	if err != nil {
		return nil, err
	}
	return &pnode{kind: kindMap, typ: types.MapOf(val.typ), name: c.Name(), opt: opt, def: d, repDef: d + 1,
		repRep: r + 1, first: first, leaves: p.leaf - first, kids: []*pnode{key, val}}, nil
}

func repeatedChild(c *pq.Column) (*pq.Column, error) {
	kids := c.Columns()
	if len(kids) != 1 || !kids[0].Repeated() {
		return nil, fmt.Errorf("a %s group needs exactly one repeated child", strings.ToUpper(c.Type().String()))
	}
	return kids[0], nil
}

// fileSchema is the SQL schema of the planned columns: optional ones nullable, required ones
// NOT NULL.
func fileSchema(cols []*pnode) *types.Schema {
	s := types.NewSchema()
	for _, c := range cols {
		s.Fields = append(s.Fields, types.Field{Name: c.name, Type: c.typ, NotNull: !c.opt})
	}
	return s
}

// logical returns the logical type of t (legacy converted types included), or nil.
func logical(t pq.Type) pf.LogicalTypeValue {
	if lt := t.LogicalType(); lt != nil {
		return lt.Value
	}
	return nil
}
