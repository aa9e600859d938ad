// Package window assigns rows to windows (tumbling, hopping, session) and tracks open windows by
// their end so that an operator can close them as the watermark passes. Times are epoch ms.
package window

// floorDiv divides rounding toward minus infinity (times before 1970 are negative).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// TumblingStart returns the start of the tumbling window [k*size, (k+1)*size) that contains t.
func TumblingStart(t, size int64) int64 { return floorDiv(t, size) * size }

// HoppingStarts appends to out the starts of every hopping window [s, s+size) containing t, with
// s a multiple of advance, in ascending order.
func HoppingStarts(t, size, advance int64, out []int64) []int64 {
	last := floorDiv(t, advance) * advance
	first := last
	for first-advance > t-size {
		first -= advance
	}
	for s := first; s <= last; s += advance {
		out = append(out, s)
	}
	return out
}

// Closed reports whether a window ending at end (exclusive) with the given grace has closed
// under watermark wm: it closes when the watermark reaches end + grace.
func Closed(end, grace, wm int64) bool { return wm >= end+grace }

// Session is one session window of a key: [Start, End) where End is the last row's time plus
// the gap.
type Session struct{ Start, End int64 }

// Of returns the session of a single row at t.
func Of(t, gap int64) Session { return Session{t, t + gap} }

// Overlaps reports whether two sessions share time: a row closer than the gap to a session's
// rows (or inside it) joins it.
func (s Session) Overlaps(o Session) bool { return s.Start < o.End && o.Start < s.End }

// Union is the smallest session covering both.
func (s Session) Union(o Session) Session {
	return Session{min(s.Start, o.Start), max(s.End, o.End)}
}
