package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests drive `sluice repl` through a real pseudo-terminal, as a person would: tmux runs
// it, send-keys types, capture-pane reads the screen. tmux is a Debian package that .ci/test.sh
// installs (`apt-get install -y tmux`).

const replOrders = `{"id": 1, "country": "DE", "amount": 10.5, "ts": "2026-01-01T00:00:01Z"}
{"id": 2, "country": "FR", "amount": 20, "ts": "2026-01-01T00:00:20Z"}
{"id": 3, "country": "DE", "amount": 5, "ts": "2026-01-01T00:00:40Z"}
{"id": 4, "country": "DE", "amount": 7.25, "ts": "2026-01-01T00:01:05Z"}
{"id": 5, "country": "FR", "amount": 1, "ts": "2026-01-01T00:01:30Z"}
`

// TestReplTerminal: a multi-line CREATE STREAM, a windowed SELECT rendered as a table, tab
// completion, Ctrl-C during a push query over an unbounded source (the REPL and the next
// statement still work), a sink into the lake and a query on lake.<sink>, and \q.
func TestReplTerminal(t *testing.T) {
	term := startRepl(t, buildSluice(t), replDir(t))
	term.typeLine("CREATE STREAM orders (")
	term.waitFor("the continuation prompt", `^   \.\.\.>$`)
	term.typeLine("  id BIGINT, country STRING, amount DOUBLE, ts TIMESTAMP,")
	term.typeLine("  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND")
	term.typeLine(") WITH (connector = 'file', path = 'orders.jsonl', format = 'json');")
	term.waitFor("the stream", `^Created stream orders$`)

	term.typeLine("SELECT country, window_start, COUNT(*) AS n, SUM(amount) AS total FROM orders")
	term.typeLine("  WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY country EMIT FINAL;")
	screen := term.waitFor("the window table", `^\(4 rows\)$`)
	for _, row := range []string{
		`^country +\| window_start +\| +n +\| total$`,
		`^DE +\| 2026-01-01T00:00:00\.000Z \| +2 \| +15\.5$`,
		`^FR +\| 2026-01-01T00:01:00\.000Z \| +1 \| +1\.0$`,
	} {
		mustShow(t, screen, row)
	}

	term.mark()
	term.keys("DESCRIBE ord", "Tab")
	term.waitFor("the completed name", `^sluice> DESCRIBE orders$`)
	term.typeLine(";")
	term.waitFor("the description", `^ts +TIMESTAMP +event time, watermark delay 1s$`)

	term.typeLine("CREATE STREAM ticks (n BIGINT) WITH (connector = 'datagen', rate = '20', fields.n.kind = 'sequence');")
	term.typeLine("CREATE SINK tick_file FROM ticks WITH (connector = 'file', path = 'ticks.jsonl', format = 'json');")
	term.waitFor("the persistent query", `^Started query tick_file`)
	term.typeLine("SELECT n FROM ticks EMIT CHANGES;")
	term.waitFor("rows of the push query", `^ +3$`)
	term.keys("C-c")
	term.waitFor("the cancelled query", `^Query terminated by Ctrl-C after \d+ rows\.$`)
	term.waitFor("the prompt", `^sluice>$`)
	term.typeLine("SHOW QUERIES;")
	term.waitFor("the persistent query, still running", `^tick_file +\| RUNNING +\| ticks +\| tick_file +\|`)

	term.typeLine("CREATE SINK orders_lake FROM orders WITH (connector = 'file', path = 'lake/orders',")
	term.typeLine("  format = 'parquet', partition_by = 'country');")
	term.waitFor("the sink to finish", `^Query orders_lake is done: 5 rows in, 5 rows out\.$`)
	term.typeLine("SELECT country, COUNT(*) AS n FROM lake.orders_lake GROUP BY country ORDER BY country;")
	screen = term.waitFor("the lake answer", `^\(2 rows\)$`)
	mustShow(t, screen, `^DE +\| 3$`)
	mustShow(t, screen, `^FR +\| 2$`)

	term.typeLine(`\q`)
	term.waitExit(0)
}

// TestReplHistoryAcrossRestart: a statement typed in one session is the first Up arrow of the
// next (history in $SLUICE_HISTORY), and runs again.
func TestReplHistoryAcrossRestart(t *testing.T) {
	bin, dir := buildSluice(t), replDir(t)
	term := startRepl(t, bin, dir)
	term.typeLine("SHOW")
	term.typeLine("  STREAMS;")
	term.waitFor("the answer", `^NAME +ORIGIN +CONNECTOR`)
	term.typeLine(`\q`)
	term.waitExit(0)
	if b, _ := os.ReadFile(filepath.Join(dir, "history")); !strings.Contains(string(b), "SHOW STREAMS;\n") {
		t.Fatalf("history file holds %q, want the statement on one line", b)
	}

	term = startRepl(t, bin, dir)
	term.keys("Up")
	term.waitFor("the statement from the last session", `^sluice> SHOW STREAMS;$`)
	term.mark()
	term.keys("Enter")
	term.waitFor("its answer again", `^NAME +ORIGIN +CONNECTOR`)
	term.typeLine(`\q`)
	term.waitExit(0)
}

// TestReplErrorsKeepItWorking: a parse error, a planning error inside a multi-line statement,
// an unterminated string cleared with Ctrl-C, a runtime error and Ctrl-C at the prompt each
// leave the REPL ready for the next statement.
func TestReplErrorsKeepItWorking(t *testing.T) {
	term := startRepl(t, buildSluice(t), replDir(t))
	term.typeLine("CREATE STREAM orders (id BIGINT, amount DOUBLE) WITH (connector = 'file', path = 'orders.jsonl', format = 'json');")
	term.waitFor("the stream", `^Created stream orders$`)

	term.typeLine("SELEC id FROM orders;")
	screen := term.waitFor("the parse error", `^ERROR 1:1: expected SELECT, found 'SELEC'`)
	mustShow(t, screen, `^LINE 1: SELEC id FROM orders;\n        \^$`)

	term.typeLine("SELECT id,")
	term.typeLine("       amout FROM orders;")
	screen = term.waitFor("the planning error", `^ERROR 2:8: unknown column amout \(did you mean amount\?\)$`)
	mustShow(t, screen, `^LINE 2:        amout FROM orders;\n               \^$`)

	term.typeLine("SELECT 'unfinished")
	term.waitFor("the open-string prompt", `^   \.\.'>$`)
	term.keys("C-c")
	term.waitFor("a fresh prompt", `^sluice>$`)

	term.typeLine("CREATE STREAM gone (a INT) WITH (connector = 'file', path = 'missing.jsonl', format = 'json');")
	term.typeLine("SELECT a FROM gone;")
	term.waitFor("the runtime error", `^ERROR: source "gone": .*no such file or directory$`)
	term.keys("C-c")

	term.typeLine("SELECT id, amount FROM orders WHERE id = 4;")
	screen = term.waitFor("a working statement", `^\(1 row\)$`)
	mustShow(t, screen, `^ +4 \| +7\.25$`)
	term.typeLine(`\q`)
	term.waitExit(0)
}

// replDir is a scratch folder with orders.jsonl.
func replDir(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "orders.jsonl"), []byte(replOrders), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func mustShow(t *testing.T, screen, re string) {
	t.Helper()
	if !regexp.MustCompile("(?m)" + re).MatchString(screen) {
		t.Errorf("the screen does not show %s:\n%s", re, screen)
	}
}

// tmuxRepl is `sluice repl` in a tmux pane.
type tmuxRepl struct {
	t      *testing.T
	sock   string
	status string // the file paneScript writes the REPL's exit status to
	from   int    // screen lines before this one are not searched by waitFor
}

// paneScript runs in the pane. A shell with job control starts the REPL as a person's shell
// would (its own process group, in the foreground of the terminal, so Ctrl-C reaches only it),
// waits for it and writes its exit status to a file. The shell, not tmux, learns the status:
// tmux built with libutempter (Debian's) sets SIGCHLD to SIG_DFL while its utempter helper runs
// after a pane's terminal closes, and a pane process whose exit is signalled in that window is
// never reaped, so #{pane_dead_status} stays empty (tmux/tmux#311, #4559). The terminal closes
// before the parent is signalled; on a loaded machine the gap is wide enough to hit the window
// (seen after \q in TestReplTerminal). Arguments: $1 the directory, $2 the status file, then
// the command.
const paneScript = `cd "$1" || exit 1
status=$2
shift 2
set -m
"$@"
echo $? > "$status.tmp" && mv "$status.tmp" "$status"`

func startRepl(t *testing.T, bin, dir string) *tmuxRepl {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatal("tmux is not installed: the REPL terminal tests need it (Debian: apt-get install -y tmux; .ci/test.sh installs it)")
	}
	tmp := t.TempDir()
	m := &tmuxRepl{t: t, sock: filepath.Join(tmp, "tmux.sock"), status: filepath.Join(tmp, "exit-status")}
	m.tmux("new-session", "-d", "-x", "200", "-y", "50", "-s", "repl", "/bin/sh", "-c", paneScript, "sh", dir, m.status,
		"env", "HOME="+dir, "SLUICE_HISTORY="+filepath.Join(dir, "history"), "NO_COLOR=1", bin, "repl", "--lake", "lake")
	m.tmux("set-option", "-t", "repl", "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-S", m.sock, "kill-server").Run() })
	m.waitFor("the first prompt", `^sluice>$`)
	return m
}

func (m *tmuxRepl) tmux(args ...string) string {
	m.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", m.sock}, args...)...).CombinedOutput()
	if err != nil {
		m.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// typeLine types text and Enter. tmux reads a trailing ';' as a command separator, so it is
// escaped.
func (m *tmuxRepl) typeLine(text string) {
	m.mark()
	if strings.HasSuffix(text, ";") {
		text = strings.TrimSuffix(text, ";") + `\;`
	}
	m.tmux("send-keys", "-t", "repl", "-l", text)
	m.tmux("send-keys", "-t", "repl", "Enter")
}

// keys sends tmux key names (C-c, Tab, Up, Enter) or plain text without ';'.
func (m *tmuxRepl) keys(keys ...string) {
	m.tmux(append([]string{"send-keys", "-t", "repl"}, keys...)...)
}

// screen returns the pane's lines, scrollback included, without trailing spaces (tmux drops
// them) and trailing blank lines.
func (m *tmuxRepl) screen() []string {
	out := m.tmux("capture-pane", "-p", "-J", "-t", "repl", "-S", "-2000")
	lines := strings.Split(strings.TrimRight(out, "\n "), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// mark makes waitFor look only at what the screen shows from the current line on.
func (m *tmuxRepl) mark() { m.from = max(0, len(m.screen())-1) }

// waitFor waits until a line matching re (several lines when re spans them) shows after the
// mark, and returns the screen from the mark.
func (m *tmuxRepl) waitFor(what, re string) string {
	m.t.Helper()
	rx := regexp.MustCompile("(?m)" + re)
	var text string
	for deadline := time.Now().Add(45 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		lines := m.screen()
		text = strings.Join(lines[min(m.from, len(lines)):], "\n")
		if rx.MatchString(text) {
			return text
		}
	}
	m.t.Fatalf("waiting for %s (%s), the screen shows:\n%s", what, re, text)
	return ""
}

// waitExit waits for the REPL to exit with code (a shell reports 128+n for signal n).
func (m *tmuxRepl) waitExit(code int) {
	m.t.Helper()
	var got string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(m.status); err == nil {
			if got = strings.TrimSpace(string(b)); got == strconv.Itoa(code) {
				return
			}
			break
		}
	}
	pane := m.tmux("display-message", "-p", "-t", "repl", "dead=#{pane_dead} status=#{pane_dead_status} signal=#{pane_dead_signal}")
	m.t.Fatalf("the REPL did not exit with %d (exit status %q, pane %s); the screen shows:\n%s", code, got,
		strings.TrimSpace(pane), strings.Join(m.screen(), "\n"))
}
