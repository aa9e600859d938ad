package planner

import (
	"maps"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// EntryKind says what a catalog entry is.
type EntryKind uint8

const (
	StreamEntry EntryKind = iota // an append-only stream
	TableEntry                   // a changelog (latest row per Schema.Key)
	SinkEntry                    // CREATE SINK: written, not readable by name
)

func (k EntryKind) String() string { return [...]string{"STREAM", "TABLE", "SINK"}[k] }

// Entry is a named stream, table or sink of the catalog.
//
// A declared source (CREATE STREAM|TABLE (...) WITH (connector=...)) has Source set; its
// SourceOp node is added to the DAG the first time a query reads it (Node is -1 until then),
// so that a source nobody reads is not run, and a source read by several queries is one node.
// A persistent query's output (CREATE ... AS SELECT) has Node = the node producing its rows and,
// when written through a connector, Sink = its SinkOp node (it is then both a sink and readable
// in-process from Node). A CREATE SINK entry has Node -1 and Sink set.
type Entry struct {
	Name      string
	Kind      EntryKind
	Schema    *types.Schema
	Connector string            // "" for an in-process stream
	Options   map[string]string // validated WITH options, lower-case names
	Source    bool
	Node      int
	Sink      int
	Query     string // the query writing it, "" for a declared source
	From      string // a sink's input stream
	Pos       parser.Pos
	SQL       string // the statement that created it
}

// Readable reports whether queries may read the entry by name.
func (e *Entry) Readable() bool { return e.Kind != SinkEntry }

// Query is a persistent or transient query of the session.
type Query struct {
	ID        string
	SQL       string
	Reads     []string // entries it reads
	Writes    string   // the entry it writes ("" for a transient SELECT)
	Nodes     []int    // the nodes it created (not the sources it reads)
	Transient bool
}

// Catalog holds the streams, tables, sinks and queries of a session, in creation order.
type Catalog struct {
	entries map[string]*Entry
	order   []string
	queries []*Query
	selects int // transient SELECTs planned so far, for their ids
	inserts int
}

func newCatalog() *Catalog { return &Catalog{entries: map[string]*Entry{}} }

// Lookup returns the entry called name (names are compared as stored: lower-case unless quoted).
func (c *Catalog) Lookup(name string) (*Entry, bool) {
	e, ok := c.entries[name]
	return e, ok
}

// Entries returns every entry in creation order.
func (c *Catalog) Entries() []*Entry {
	out := make([]*Entry, 0, len(c.order))
	for _, n := range c.order {
		out = append(out, c.entries[n])
	}
	return out
}

// Queries returns the running queries in creation order.
func (c *Catalog) Queries() []*Query { return append([]*Query(nil), c.queries...) }

// Names lists every entry name (for suggestions).
func (c *Catalog) Names() []string { return append([]string(nil), c.order...) }

func (c *Catalog) add(e *Entry) {
	if _, ok := c.entries[e.Name]; !ok {
		c.order = append(c.order, e.Name)
	}
	c.entries[e.Name] = e
}

func (c *Catalog) remove(name string) {
	delete(c.entries, name)
	for i, n := range c.order {
		if n == name {
			c.order = append(c.order[:i:i], c.order[i+1:]...)
			return
		}
	}
}

func (c *Catalog) query(id string) (*Query, int) {
	for i, q := range c.queries {
		if q.ID == id {
			return q, i
		}
	}
	return nil, -1
}

// readers lists the queries reading the entry called name.
func (c *Catalog) readers(name string) []string {
	var out []string
	for _, q := range c.queries {
		for _, r := range q.Reads {
			if r == name {
				out = append(out, q.ID)
				break
			}
		}
	}
	return out
}

// clone returns a deep copy that can be changed without affecting c.
func (c *Catalog) clone() *Catalog {
	out := &Catalog{entries: make(map[string]*Entry, len(c.entries)), order: append([]string(nil), c.order...),
		selects: c.selects, inserts: c.inserts}
	for n, e := range c.entries {
		ce := *e
		ce.Options = maps.Clone(e.Options)
		out.entries[n] = &ce
	}
	for _, q := range c.queries {
		cq := *q
		cq.Reads = append([]string(nil), q.Reads...)
		cq.Nodes = append([]int(nil), q.Nodes...)
		out.queries = append(out.queries, &cq)
	}
	return out
}
