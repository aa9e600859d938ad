package connectors

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Validate checks the WITH (...) options of a source (isSource) or a sink of this connector:
// unknown options (with the closest valid name), options that apply only to the other side,
// values of the wrong type, and missing required options. The `connector` key itself is
// ignored. Errors come in a stable order: written options sorted by name, then missing ones.
//
// Each OptionError's Msg is a complete message that already contains any "did you mean" hint;
// Suggest repeats the suggested option name for tools (editors, the REPL). Option is the
// offending option's name, or "" for a missing required option.
func (s *Spec) Validate(opts map[string]string, isSource bool) []OptionError {
	var errs []OptionError
	if e := s.checkDirection(isSource); e != nil {
		errs = append(errs, *e)
	}
	for _, k := range sortedKeys(opts) {
		if e := s.checkOne(k, opts[k], isSource); e != nil {
			errs = append(errs, *e)
		}
	}
	errs = append(errs, s.checkRequired(opts, isSource)...)
	if check := specChecks[s.Name]; check != nil && len(errs) == 0 {
		errs = append(errs, check(s, opts, isSource)...)
	}
	return errs
}

// specChecks holds checks across options, or of a value beyond its type, per connector.
var specChecks = map[string]func(s *Spec, opts map[string]string, isSource bool) []OptionError{
	"s3":    checkS3,
	"kafka": checkKafka,
}

func checkS3(s *Spec, opts map[string]string, _ bool) []OptionError {
	if p := s.Get(opts, "path"); !strings.HasPrefix(p, "s3://") || len(p) == len("s3://") {
		return []OptionError{{Option: "path", Msg: fmt.Sprintf("option path: expected s3://bucket/prefix/, found '%s'", p)}}
	}
	return nil
}

func (s *Spec) checkDirection(isSource bool) *OptionError {
	if isSource && !s.Source {
		return &OptionError{Option: "connector", Msg: fmt.Sprintf("connector %s cannot be a source (it is a sink only)", s.Name)}
	}
	if !isSource && !s.Sink {
		return &OptionError{Option: "connector", Msg: fmt.Sprintf("connector %s cannot be a sink (it is a source only)", s.Name)}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkOne checks one written option.
func (s *Spec) checkOne(name, value string, isSource bool) *OptionError {
	if strings.EqualFold(name, "connector") {
		return nil
	}
	o, ok := s.Option(name)
	if !ok {
		return s.unknown(name)
	}
	if o.Use == SinkOnly && isSource {
		return &OptionError{Option: name, Msg: fmt.Sprintf("option %s applies only when %s is a sink, not to a source", name, s.Name)}
	}
	if o.Use == SourceOnly && !isSource {
		return &OptionError{Option: name, Msg: fmt.Sprintf("option %s applies only when %s is a source, not to a sink", name, s.Name)}
	}
	if msg := checkValue(o, value); msg != "" {
		return &OptionError{Option: name, Msg: "option " + name + ": " + msg}
	}
	return nil
}

// unknown builds the error of an option the connector does not have.
func (s *Spec) unknown(name string) *OptionError {
	sug := Suggest(name, s.candidates(name))
	msg := fmt.Sprintf("unknown option %s for connector %s", name, s.Name)
	if sug != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", sug)
	} else {
		msg += " (valid options: " + strings.Join(s.optionNames(), ", ") + ")"
	}
	return &OptionError{Option: name, Msg: msg, Suggest: sug}
}

// candidates lists the option names, patterns instantiated with the middle of name
// (`fields.temp.knd` gives `fields.temp.kind`).
func (s *Spec) candidates(name string) []string {
	mid := ""
	if i, j := strings.Index(name, "."), strings.LastIndex(name, "."); i >= 0 && j > i {
		mid = name[i+1 : j]
	}
	out := make([]string, len(s.Options))
	for i, o := range s.Options {
		out[i] = o.Name
		if o.Pattern() && mid != "" {
			out[i] = strings.Replace(o.Name, "*", mid, 1)
		}
	}
	return out
}

func (s *Spec) optionNames() []string {
	out := make([]string, len(s.Options))
	for i, o := range s.Options {
		out[i] = o.Name
	}
	return out
}

// checkRequired reports the required options that are missing or empty.
func (s *Spec) checkRequired(opts map[string]string, isSource bool) []OptionError {
	var errs []OptionError
	for _, o := range s.Options {
		if !o.Required || (o.Use == SinkOnly && isSource) || (o.Use == SourceOnly && !isSource) {
			continue
		}
		if v, ok := lookupFold(opts, o.Name); !ok || strings.TrimSpace(v) == "" {
			errs = append(errs, OptionError{Msg: fmt.Sprintf("connector %s requires option %s (%s)", s.Name, o.Name, o.Doc)})
		}
	}
	return errs
}

// checkValue returns "" when value suits the option's type, else "expected …, found …".
func checkValue(o *Option, value string) string {
	v := strings.TrimSpace(value)
	switch o.Type {
	case OptInt:
		if n, err := strconv.ParseInt(v, 10, 64); err != nil || n < 0 {
			return fmt.Sprintf("expected a whole number >= 0, found '%s'", value)
		}
	case OptFloat:
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return fmt.Sprintf("expected a number, found '%s'", value)
		}
	case OptBool:
		if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
			return fmt.Sprintf("expected true or false, found '%s'", value)
		}
	case OptDuration:
		return errText(ParseDuration(v))
	case OptSize:
		return errText(ParseSize(v))
	case OptTime:
		return errText(ParseTime(v))
	case OptEnum:
		return checkEnum(o, v)
	case OptURI:
		return checkURI(v)
	case OptPosition:
		return checkPosition(v)
	}
	return ""
}

func errText[T any](_ T, err error) string {
	if err != nil {
		return err.Error()
	}
	return ""
}

func checkEnum(o *Option, v string) string {
	for _, e := range o.Enum {
		if strings.EqualFold(e, v) {
			return ""
		}
	}
	msg := fmt.Sprintf("expected one of %s, found '%s'", strings.Join(o.Enum, ", "), v)
	if sug := Suggest(v, o.Enum); sug != "" {
		msg += fmt.Sprintf(" (did you mean '%s'?)", sug)
	}
	return msg
}

// URISchemes are the schemes an OptURI option accepts.
var URISchemes = []string{"file://", "s3://", "kafka://"}

func checkURI(v string) string {
	for _, s := range URISchemes {
		if strings.HasPrefix(strings.ToLower(v), s) && len(v) > len(s) {
			return ""
		}
	}
	return fmt.Sprintf("expected a URI file://dir/, s3://bucket/prefix/ or kafka://topic, found '%s'", v)
}

func checkPosition(v string) string {
	if strings.EqualFold(v, "earliest") || strings.EqualFold(v, "latest") {
		return ""
	}
	if _, err := ParseTime(v); err != nil {
		return fmt.Sprintf("expected earliest, latest, or a timestamp (RFC 3339 or epoch ms), found '%s'", v)
	}
	return ""
}
