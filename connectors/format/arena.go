package format

import "unsafe"

const arenaChunk = 64 << 10

// arena hands out immutable strings copied into large chunks (see the package doc).
type arena struct{ buf []byte }

// str copies p into the arena and returns it as a string that aliases the arena.
func (a *arena) str(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	if cap(a.buf)-len(a.buf) < len(p) {
		a.buf = make([]byte, 0, max(arenaChunk, len(p)))
	}
	start := len(a.buf)
	a.buf = append(a.buf, p...)
	return unsafe.String(&a.buf[start], len(p))
}
