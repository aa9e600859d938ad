package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/sluicedata/sluice/executor"
	"github.com/sluicedata/sluice/types"
)

// progress shows a live status line on stderr when it is a terminal: events read, events/s,
// watermark and errors.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	live  bool
	shown bool
	last  int64
	at    time.Time
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, live: ok && term.IsTerminal(int(f.Fd())), at: time.Now()}
}

func (p *progress) update(s executor.Snapshot) {
	if !p.live {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	read := rowsIn(s)
	now := time.Now()
	rate := float64(read-p.last) / now.Sub(p.at).Seconds()
	p.last, p.at = read, now
	fmt.Fprintf(p.w, "\r\033[K%d events read, %.0f events/s, watermark %s, %d errors", read, rate, watermark(s.Watermark), errorCount(s))
	p.shown = true
}

// done clears the status line before the summary is printed.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.live = false
}

func watermark(wm int64) string {
	switch {
	case wm <= types.MinTime:
		return "-"
	case wm >= types.MaxTime:
		return "end"
	}
	return types.FormatTimestamp(wm)
}

// rowsIn counts the records read: decoded rows plus those rejected by their source.
func rowsIn(s executor.Snapshot) int64 {
	n := int64(0)
	for _, v := range s.RowsRead {
		n += v
	}
	for reason, v := range s.Errors {
		if reason != "late" {
			n += v
		}
	}
	return n
}

func errorCount(s executor.Snapshot) int64 {
	n := int64(0)
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// summary is the one line printed at the end of a run.
func summary(s executor.Snapshot, wall time.Duration) string {
	out := int64(0)
	for _, v := range s.RowsWritten {
		out += v
	}
	var reasons []string
	for _, r := range s.Reasons() {
		reasons = append(reasons, fmt.Sprintf("%d %s", s.Errors[r], r))
	}
	sort.Strings(reasons)
	detail := ""
	if len(reasons) > 0 {
		detail = " (" + strings.Join(reasons, ", ") + ")"
	}
	return fmt.Sprintf("sluice: %d rows in, %d rows out, %d errors%s, %d late, %d filtered, %d duplicates, %s",
		rowsIn(s), out, errorCount(s), detail, s.Late, s.Filtered, s.Duplicates, wall.Round(time.Millisecond))
}
