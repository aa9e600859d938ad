package planner

import (
	"strings"

	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

// scope is the set of columns a clause can name: the columns of the FROM clause's relation, in
// order, each with the qualifier (alias or stream name) it can be named by.
type scope struct {
	cols []scopeCol
}

type scopeCol struct {
	qual    string
	name    string
	t       types.Type
	notNull bool
}

// scopeOf returns the scope of a relation whose columns are all named by qual.
func scopeOf(s *types.Schema, qual string) *scope {
	sc := &scope{cols: make([]scopeCol, len(s.Fields))}
	for i, f := range s.Fields {
		sc.cols[i] = scopeCol{qual: qual, name: f.Name, t: f.Type, notNull: f.NotNull}
	}
	return sc
}

// concat is the scope of a join: left columns, then right columns.
func (s *scope) concat(o *scope) *scope {
	return &scope{cols: append(append([]scopeCol(nil), s.cols...), o.cols...)}
}

func (s *scope) hasQual(q string) bool {
	for _, c := range s.cols {
		if c.qual == q {
			return true
		}
	}
	return false
}

// find returns the index of the column named name (qualified by qual when qual != ""), -1 when
// there is none, or -2 when an unqualified name is ambiguous.
func (s *scope) find(qual, name string) int {
	found := -1
	for i, c := range s.cols {
		if c.name != name || (qual != "" && c.qual != qual) {
			continue
		}
		if found >= 0 {
			return -2
		}
		found = i
	}
	return found
}

// names lists the column names that can be written, for suggestions.
func (s *scope) names() []string {
	out := make([]string, 0, len(s.cols))
	for _, c := range s.cols {
		out = append(out, c.name)
	}
	return out
}

// quals lists the distinct qualifiers of the scope.
func (s *scope) quals() []string {
	var out []string
	for _, c := range s.cols {
		if c.qual != "" && !contains(out, c.qual) {
			out = append(out, c.qual)
		}
	}
	return out
}

// resolved is an identifier resolved against a scope: a column and the struct members that follow it.
type resolved struct {
	col     int
	members []string
	posOf   int // index in the identifier's parts of the first member
}

// resolve finds the column an identifier a.b.c names: a qualified column `q.col` when a is a
// qualifier of the scope with such a column, else the column a; the remaining parts are struct
// members. It returns an error message when no column matches.
func (s *scope) resolve(id *parser.Ident) (resolved, string) {
	parts := id.Parts
	if len(parts) >= 2 && s.hasQual(parts[0]) {
		switch i := s.find(parts[0], parts[1]); {
		case i >= 0:
			return resolved{col: i, members: parts[2:], posOf: 2}, ""
		case s.find("", parts[0]) < 0:
			return resolved{}, s.unknown(parts[0], parts[1])
		}
	}
	switch i := s.find("", parts[0]); {
	case i >= 0:
		return resolved{col: i, members: parts[1:], posOf: 1}, ""
	case i == -2:
		return resolved{}, "column " + parts[0] + " is ambiguous: qualify it as " + strings.Join(s.qualified(parts[0]), " or ")
	case len(parts) >= 2 && len(s.quals()) > 0:
		return resolved{}, "unknown column or alias " + parts[0] + " in " + strings.Join(parts, ".") +
			didYouMean(parts[0], append(s.quals(), s.names()...))
	}
	return resolved{}, s.unknown("", parts[0])
}

// qualified lists q.name for every column called name.
func (s *scope) qualified(name string) []string {
	var out []string
	for _, c := range s.cols {
		if c.name == name {
			out = append(out, c.qual+"."+name)
		}
	}
	return out
}

func (s *scope) unknown(qual, name string) string {
	if qual != "" {
		var cands []string
		for _, c := range s.cols {
			if c.qual == qual {
				cands = append(cands, c.name)
			}
		}
		return "unknown column " + name + " in " + qual + didYouMean(name, cands)
	}
	msg := "unknown column " + name + didYouMean(name, s.names())
	if name == "window_start" || name == "window_end" {
		msg += " (" + name + " needs a WINDOW clause)"
	}
	return msg
}
