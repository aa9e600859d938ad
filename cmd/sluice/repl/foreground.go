package repl

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
)

// foreground is the statement running in front of the user: Ctrl-C cancels it.
type foreground struct {
	mu          sync.Mutex
	cancel      context.CancelFunc
	interrupted bool
}

// interrupt cancels the running foreground statement, if any.
func (f *foreground) interrupt() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cancel != nil {
		f.cancel()
		f.interrupted = true
	}
}

func (f *foreground) set(cancel context.CancelFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cancel, f.interrupted = cancel, false
}

// clear ends the foreground statement and reports whether Ctrl-C cancelled it.
func (f *foreground) clear() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cancel = nil
	return f.interrupted
}

// inForeground runs fn with a context that Ctrl-C cancels, and reports whether it did.
func (s *session) inForeground(fn func(ctx context.Context) error) (interrupted bool, err error) {
	ctx, cancel := context.WithCancel(s.root)
	defer cancel()
	s.fg.set(cancel)
	s.notes.hold(true)
	err = fn(ctx)
	interrupted = s.fg.clear()
	s.notes.hold(false)
	return interrupted, err
}

// notices are messages from background queries (finished, failed). They are held while a
// foreground statement prints, so as not to cut into its table, and shown after it.
type notices struct {
	mu      sync.Mutex
	w       io.Writer
	held    bool
	pending []string
}

func (n *notices) add(format string, args ...any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	msg := fmt.Sprintf(format, args...)
	if n.held {
		n.pending = append(n.pending, msg)
		return
	}
	io.WriteString(n.w, msg+"\n")
}

func (n *notices) hold(on bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.held = on
}

// flush prints the held messages.
func (n *notices) flush() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.pending) > 0 {
		io.WriteString(n.w, strings.Join(n.pending, "\n")+"\n")
		n.pending = nil
	}
}
