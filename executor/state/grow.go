package state

// GrowTo extends s to n elements (new ones zero) and returns it; a longer s is returned as is.
// Operators and accumulators index their per-group or per-key state by dense ids, and call it
// when an id past the end is handed out.
func GrowTo[T any](s []T, n int) []T {
	if n <= len(s) {
		return s
	}
	return append(s, make([]T, n-len(s))...)
}
