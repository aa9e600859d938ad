package planner

import (
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/parser"
)

// withClause is a statement's WITH (...) options: lower-case names → raw values, and where each
// was written.
type withClause struct {
	opts map[string]string
	at   map[string]*parser.Option
	pos  parser.Pos // the start of the list (or the statement), for options that are missing
}

// readWith collects WITH options, reporting an option written twice.
func (p *planner) readWith(list []*parser.Option, stmt parser.Pos) *withClause {
	w := &withClause{opts: map[string]string{}, at: map[string]*parser.Option{}, pos: stmt}
	if len(list) > 0 {
		w.pos = list[0].KeyPos // problems of the whole list are shown at its start
	}
	for _, o := range list {
		key := strings.ToLower(o.Key)
		if _, dup := w.at[key]; dup {
			p.errs.add(o.KeyPos, "option %s is given twice", key)
			continue
		}
		w.opts[key], w.at[key] = o.Text(), o
	}
	if c, ok := w.opts["connector"]; ok {
		w.opts["connector"] = strings.ToLower(c)
	}
	return w
}

// posOf is where option name was written (the statement when it was not).
func (w *withClause) posOf(name string) parser.Pos {
	if o, ok := w.at[name]; ok {
		return o.KeyPos
	}
	return w.pos
}

func (w *withClause) valuePos(name string) parser.Pos {
	if o, ok := w.at[name]; ok && o.ValPos.IsValid() {
		return o.ValPos
	}
	return w.posOf(name)
}

// connector validates the options against the spec of their connector (as a source or a sink)
// and returns the connector's name, or "" when it is missing or unknown.
func (p *planner) connector(w *withClause, isSource bool) string {
	name, ok := w.opts["connector"]
	if !ok {
		p.errs.add(w.pos, "missing option connector: expected WITH (connector = '%s', ...)", strings.Join(connectors.Names(), "' | '"))
		return ""
	}
	spec, ok := connectors.Lookup(name)
	if !ok {
		p.errs.add(w.valuePos("connector"), "unknown connector '%s'%s; expected one of %s", name,
			didYouMean(name, connectors.Names()), strings.Join(connectors.Names(), ", "))
		return ""
	}
	for _, e := range spec.Validate(w.opts, isSource) {
		p.errs.add(w.errorPos(e), "%s", e.Msg)
	}
	return spec.Name
}

// errorPos places an option error: at the option's name when the name is the problem (unknown,
// wrong side), at its value when the value is, at the connector option when one is missing.
func (w *withClause) errorPos(e connectors.OptionError) parser.Pos {
	name := strings.ToLower(e.Option)
	switch {
	case name == "":
		return w.posOf("connector") // a missing option: where the connector is named
	case name == "connector" || strings.HasPrefix(e.Msg, "unknown option") || strings.Contains(e.Msg, "applies only"):
		return w.posOf(name)
	}
	return w.valuePos(name)
}

// sinkOptions keeps the options of a declared stream that apply to its connector as a sink
// (INSERT INTO a declared stream writes through its connector; error_sink, group_id, start...
// belong to reading it).
func sinkOptions(connector string, opts map[string]string) map[string]string {
	return sideOptions(connector, opts, connectors.SourceOnly)
}

// sideOptions returns opts without the options of the given use (SourceOnly or SinkOnly).
func sideOptions(connector string, opts map[string]string, drop connectors.Use) map[string]string {
	spec, ok := connectors.Lookup(connector)
	out := map[string]string{}
	for k, v := range opts {
		if ok {
			if o, found := spec.Option(k); found && o.Use == drop {
				continue
			}
		}
		out[k] = v
	}
	return out
}
