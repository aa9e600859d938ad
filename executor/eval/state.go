package eval

// Accumulator state is saved with executor/state's Encoder and read with its Decoder, the codec
// of operator snapshots: loading checks lengths and never panics.

// growTo extends s to n elements (new ones zero).
func growTo[T any](s []T, n int) []T {
	if n <= len(s) {
		return s
	}
	return append(s, make([]T, n-len(s))...)
}
