package parquet

import (
	"reflect"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
	"github.com/parquet-go/parquet-go/encoding"
)

// orderedGroup is a Parquet group node that keeps its fields in declaration order: parquet-go's
// Group is a map and sorts fields by name, which would reorder the columns of a table and the
// members of a STRUCT.
type orderedGroup struct {
	fields []pq.Field
}

func newOrderedGroup(names []string, nodes []pq.Node) *orderedGroup {
	g := &orderedGroup{fields: make([]pq.Field, len(names))}
	for i := range names {
		g.fields[i] = &namedField{Node: nodes[i], name: names[i]}
	}
	return g
}

func (g *orderedGroup) ID() int                     { return 0 }
func (g *orderedGroup) String() string              { return pq.Group(g.asMap()).String() }
func (g *orderedGroup) Type() pq.Type               { return pq.Group{}.Type() }
func (g *orderedGroup) Optional() bool              { return false }
func (g *orderedGroup) Repeated() bool              { return false }
func (g *orderedGroup) Required() bool              { return true }
func (g *orderedGroup) Leaf() bool                  { return false }
func (g *orderedGroup) Fields() []pq.Field          { return g.fields }
func (g *orderedGroup) Encoding() encoding.Encoding { return nil }
func (g *orderedGroup) Compression() compress.Codec { return nil }
func (g *orderedGroup) GoType() reflect.Type        { return pq.Group(g.asMap()).GoType() }
func (g *orderedGroup) asMap() map[string]pq.Node   { return fieldMap(g.fields) }
func fieldMap(fs []pq.Field) map[string]pq.Node {
	m := make(map[string]pq.Node, len(fs))
	for _, f := range fs {
		m[f.Name()] = f
	}
	return m
}

// namedField is one field of an orderedGroup.
type namedField struct {
	pq.Node
	name string
}

func (f *namedField) Name() string { return f.name }

// Value is used only by parquet-go's reflection paths, which Sluice does not use; it looks the
// field up in a map.
func (f *namedField) Value(base reflect.Value) reflect.Value {
	if base.Kind() == reflect.Map {
		return base.MapIndex(reflect.ValueOf(f.name))
	}
	return reflect.Value{}
}
