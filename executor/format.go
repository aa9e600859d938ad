package executor

import "time"

// fmtDuration prints milliseconds as a Go duration ("1h0m0s" → "1h", "1.5s").
func fmtDuration(ms int64) string {
	return shortDuration(time.Duration(ms) * time.Millisecond)
}

func shortDuration(d time.Duration) string {
	s := d.String()
	for _, suffix := range []string{"m0s", "h0m"} {
		if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
			s = s[:len(s)-len(suffix)+1]
		}
	}
	return s
}
