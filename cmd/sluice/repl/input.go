package repl

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"github.com/chzyer/readline"
)

// input is where lines come from: a line editor on a terminal, or plain lines.
type input interface {
	// readLine returns the next line without its newline; prompt is shown on a terminal. It
	// returns io.EOF at the end of the input and errInterrupt when Ctrl-C clears the line.
	readLine(prompt string) (string, error)
	save(entry string) // adds a history entry
	close()
}

var errInterrupt = errors.New("interrupted")

// Prompts: the first line of a statement, then its continuation lines (psql shows what is
// left open: a string, a quoted name or a comment).
const (
	promptFirst = "sluice> "
	promptMore  = "   ...> "
)

var promptOpen = map[lexState]string{inString: "   ..'> ", inDoubleQuoted: `   .."> `, inBackQuoted: "   ..`> ",
	inBlockComment: "   ..*> "}

func (s *session) prompt() string {
	if s.pending == "" {
		return promptFirst
	}
	if _, state := classify(s.pending); promptOpen[state] != "" {
		return promptOpen[state]
	}
	return promptMore
}

func (s *session) openInput() (input, error) {
	if !s.opts.Interactive {
		return &plainInput{r: bufio.NewReader(s.opts.In)}, nil
	}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 promptFirst,
		HistoryFile:            s.opts.HistoryFile,
		HistoryLimit:           1000,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		AutoComplete:           &completer{s: s},
		InterruptPrompt:        "^C",
		EOFPrompt:              `\q`,
	})
	if err != nil {
		return nil, err
	}
	s.setOutput(rl.Stdout(), rl.Stderr())
	return &ttyInput{rl: rl}, nil
}

// ttyInput is the line editor: history, Emacs keys, Ctrl-R search, tab completion.
type ttyInput struct{ rl *readline.Instance }

func (t *ttyInput) readLine(prompt string) (string, error) {
	t.rl.SetPrompt(prompt)
	line, err := t.rl.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", errInterrupt
	}
	return line, err
}

func (t *ttyInput) save(entry string) {
	if entry != "" {
		t.rl.SaveHistory(entry)
	}
}

func (t *ttyInput) close() { t.rl.Close() }

// plainInput reads lines without prompts (scripts, -e).
type plainInput struct{ r *bufio.Reader }

func (p *plainInput) readLine(string) (string, error) {
	line, err := p.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

func (p *plainInput) save(string) {}
func (p *plainInput) close()      {}
