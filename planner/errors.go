package planner

import (
	"fmt"

	"github.com/sluicedata/sluice/parser"
)

// Planning errors use the parser's Error and ErrorList, so that a file's parse and planning
// errors print alike: one "file:line:col: message" per line.

// errSink collects the errors of a planning run.
type errSink struct {
	list parser.ErrorList
}

func (e *errSink) add(pos parser.Pos, format string, args ...any) {
	e.list = append(e.list, &parser.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (e *errSink) count() int { return len(e.list) }
