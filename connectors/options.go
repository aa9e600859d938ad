package connectors

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// More option types (additive to spec.go).
const (
	OptFloat    OptionType = iota + 16 // a decimal number such as 0.25
	OptTime                            // a timestamp: RFC 3339 or epoch milliseconds
	OptPosition                        // a stream position: earliest, latest, or a timestamp
)

var optionTypeNames = map[OptionType]string{
	OptString: "string", OptInt: "integer", OptBool: "boolean", OptDuration: "duration",
	OptSize: "size", OptEnum: "enum", OptURI: "URI", OptFloat: "number", OptTime: "timestamp",
	OptPosition: "position",
}

// String names the type for documentation and messages.
func (t OptionType) String() string {
	if s, ok := optionTypeNames[t]; ok {
		return s
	}
	return fmt.Sprintf("OptionType(%d)", uint8(t))
}

// Error makes an OptionError an error; it returns Msg.
func (e OptionError) Error() string { return e.Msg }

// Pattern reports whether the option's name is a pattern such as `fields.*.kind`, where `*`
// stands for a non-empty part (a column name) checked at runtime.
func (o *Option) Pattern() bool { return strings.Contains(o.Name, "*") }

// Matches reports whether an option written as name (case-insensitive) is this option.
func (o *Option) Matches(name string) bool {
	pre, suf, ok := strings.Cut(o.Name, "*")
	if !ok {
		return strings.EqualFold(o.Name, name)
	}
	return len(name) > len(pre)+len(suf) && hasPrefixFold(name, pre) && hasSuffixFold(name, suf)
}

// Wildcard returns the part of name that the option's `*` matched ("" for a plain option).
func (o *Option) Wildcard(name string) string {
	pre, suf, ok := strings.Cut(o.Name, "*")
	if !ok || !o.Matches(name) {
		return ""
	}
	return name[len(pre) : len(name)-len(suf)]
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }
func hasSuffixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p)
}

// Option returns the option that name (case-insensitive, patterns included) refers to.
func (s *Spec) Option(name string) (*Option, bool) {
	for i := range s.Options {
		if s.Options[i].Matches(name) {
			return &s.Options[i], true
		}
	}
	return nil, false
}

// Get returns the value of option name in opts, or its default; enum values are lower-cased.
func (s *Spec) Get(opts map[string]string, name string) string {
	o, ok := s.Option(name)
	v, set := lookupFold(opts, name)
	if !set && ok {
		v = o.Default
	}
	if ok && o.Type == OptEnum {
		v = strings.ToLower(v)
	}
	return v
}

// lookupFold finds key in opts, exactly first, then case-insensitively.
func lookupFold(opts map[string]string, key string) (string, bool) {
	if v, ok := opts[key]; ok {
		return v, true
	}
	for k, v := range opts {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return "", false
}

// BoundedWith reports whether a source of this connector with these options ends by itself:
// file and stdin always; datagen when `events` is set; kafka and kinesis when `end` is set; s3
// when `discovery` is not set (the objects present at start are read once).
func (s *Spec) BoundedWith(opts map[string]string) bool {
	switch s.Name {
	case "datagen":
		return s.Get(opts, "events") != ""
	case "kafka", "kinesis":
		return s.Get(opts, "end") != ""
	case "s3":
		return s.Get(opts, "discovery") == ""
	}
	return s.Bounded
}

var sizeUnits = map[string]int64{
	"": 1, "b": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
	"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40,
}

// ParseSize parses a byte size: "1000", "128MB" (10^6), "64KiB" (2^10), case-insensitive.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' })
	if i < 0 {
		i = len(t)
	}
	unit, ok := sizeUnits[strings.ToLower(strings.TrimSpace(t[i:]))]
	n, err := strconv.ParseFloat(t[:i], 64)
	if !ok || err != nil || i == 0 || n < 0 {
		return 0, fmt.Errorf("expected a size such as 128MB or 64KiB, found '%s'", s)
	}
	return int64(n * float64(unit)), nil
}

// ParseDuration parses a Go duration ("60s", "5m", "200ms") that must be positive.
func ParseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("expected a positive duration such as 60s, 5m or 200ms, found '%s'", s)
	}
	return d, nil
}

// ParseTime parses a timestamp option: RFC 3339 (with or without fractional seconds) or epoch
// milliseconds. It returns epoch milliseconds.
func ParseTime(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if n, err := strconv.ParseInt(t, 10, 64); err == nil {
		return n, nil
	}
	if tm, err := time.Parse(time.RFC3339Nano, t); err == nil {
		return tm.UnixMilli(), nil
	}
	return 0, fmt.Errorf("expected an RFC 3339 timestamp or epoch milliseconds, found '%s'", s)
}
