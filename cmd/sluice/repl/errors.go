package repl

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sluicedata/sluice/parser"
)

// showError prints an error. A parse or planning error names its line and column, and the
// line is shown with a caret under the column (as psql does):
//
//	ERROR 1:15: unknown stream or table ordrs (did you mean orders?)
//	LINE 1: SELECT * FROM ordrs;
//	                      ^
//
// src is the statement's text; an error in a script shows the script's line, one in another
// file (\run) that file's line.
func (s *session) showError(src string, err error) {
	var list parser.ErrorList
	var one *parser.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = parser.ErrorList{one}
	default:
		fmt.Fprintf(s.err, "%s: %s\n", s.errorLabel(), err)
		return
	}
	for _, e := range list {
		fmt.Fprintf(s.err, "%s %s: %s\n", s.errorLabel(), e.Pos, e.Msg)
		s.showLine(src, e.Pos)
	}
}

// showLine prints line pos.Line of the statement (or of pos.File) with a caret under pos.Col.
func (s *session) showLine(src string, pos parser.Pos) {
	lines := strings.Split(src, "\n")
	switch {
	case pos.File != "" && pos.File == s.inputName():
		lines = s.script
	case pos.File != "":
		b, err := os.ReadFile(s.path(pos.File))
		if err != nil {
			return
		}
		lines = strings.Split(string(b), "\n")
	}
	if pos.Line < 1 || pos.Line > len(lines) {
		return
	}
	line := strings.TrimRight(lines[pos.Line-1], "\r")
	prefix := fmt.Sprintf("LINE %d: ", pos.Line)
	fmt.Fprintf(s.err, "%s%s\n%s%s\n", prefix, line, strings.Repeat(" ", len(prefix)), s.caret(line, pos.Col))
}

// caret returns the padding and the caret under byte column col (1-based) of line: tabs stay
// tabs so that the caret lines up, other characters count one each.
func (s *session) caret(line string, col int) string {
	col = max(1, min(col, len(line)+1))
	var b strings.Builder
	for _, r := range line[:col-1] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String() + s.colored("^", red)
}

// path resolves a file name against the base directory.
func (s *session) path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(s.opts.BaseDir, name)
}

const red = "\033[1;31m"

func (s *session) colored(text, color string) string {
	if !s.opts.Color || !s.opts.Interactive {
		return text
	}
	return color + text + "\033[0m"
}

func (s *session) errorLabel() string { return s.colored("ERROR", red) }
