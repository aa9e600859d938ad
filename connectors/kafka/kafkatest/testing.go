package kafkatest

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Start starts a broker for the test on a random port with its log in a temporary folder (so
// Restart keeps the data) and stops it when the test ends. Auto-created topics get partitions
// partitions.
func Start(t testing.TB, partitions int) *Broker {
	t.Helper()
	b, err := New(Options{Partitions: partitions, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// Context returns a context that ends with the test or after d.
func Context(t testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// MustCreateTopic creates topic with partitions partitions or fails the test.
func (b *Broker) MustCreateTopic(t testing.TB, topic string, partitions int) {
	t.Helper()
	if err := b.CreateTopic(Context(t, 30*time.Second), topic, partitions); err != nil {
		t.Fatalf("create topic %s: %v", topic, err)
	}
}

// MustProduce writes values (with keys when not nil) to topic or fails the test.
func (b *Broker) MustProduce(t testing.TB, topic string, keys, values [][]byte) {
	t.Helper()
	if err := b.Produce(Context(t, 30*time.Second), topic, keys, values); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

// MustReadAll returns every record of topic present now, or fails the test.
func (b *Broker) MustReadAll(t testing.TB, topic string) []*kgo.Record {
	t.Helper()
	recs, err := b.ReadAll(Context(t, 30*time.Second), topic)
	if err != nil {
		t.Fatalf("read %s: %v", topic, err)
	}
	return recs
}

// Values returns the records' values as strings.
func Values(recs []*kgo.Record) []string {
	out := make([]string, len(recs))
	for i, r := range recs {
		out[i] = string(r.Value)
	}
	return out
}

// KcatMissing is the message of a test that needs kcat and does not find it.
const KcatMissing = "kcat is not installed: run `apt-get install kcat` (Debian package kcat 1.7) or `bash .ci/services/kafka.sh`"

// Kcat returns the path of kcat, or fails the test with the command that installs it.
func Kcat(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("kcat")
	if err != nil {
		t.Fatal(KcatMissing)
	}
	return p
}

// RunKcat runs kcat against the broker (`-b addr` first) with args and stdin, and returns its
// standard output; a failure or a run longer than a minute fails the test.
func (b *Broker) RunKcat(t testing.TB, stdin []byte, args ...string) []byte {
	t.Helper()
	ctx := Context(t, time.Minute)
	cmd := exec.CommandContext(ctx, Kcat(t), append([]string{"-b", b.Addr}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("kcat %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// KcatProduce writes one record per line with kcat (`key<TAB>value` lines when keyed).
func (b *Broker) KcatProduce(t testing.TB, topic string, lines []string, keyed bool) {
	t.Helper()
	args := []string{"-P", "-t", topic}
	if keyed {
		args = append(args, "-K", "\t")
	}
	b.RunKcat(t, []byte(strings.Join(lines, "\n")+"\n"), args...)
}

// KcatConsume reads topic from the beginning to its current end with kcat and returns one line
// per record formatted by format (kcat -f syntax, e.g. "%p\t%k\t%s\n").
func (b *Broker) KcatConsume(t testing.TB, topic, format string) []string {
	t.Helper()
	out := b.RunKcat(t, nil, "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", format)
	s := strings.TrimSuffix(string(out), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
