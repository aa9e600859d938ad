package executor

import "time"

// Clock tells the wall-clock time in epoch milliseconds: processing time (arrival times, the
// watermark of streams without event time) and the "at" of error records. Tests inject a fixed
// or manual clock.
type Clock interface {
	Now() int64
}

// SystemClock is the real wall clock.
type SystemClock struct{}

// Now returns time.Now in epoch milliseconds.
func (SystemClock) Now() int64 { return time.Now().UnixMilli() }
