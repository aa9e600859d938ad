package connectors

// OptionType is the type of an option's value, checked at planning time.
type OptionType uint8

const (
	OptString   OptionType = iota
	OptInt                 // a whole number
	OptBool                // true or false
	OptDuration            // "60s", "5m", "200ms" (Go duration syntax)
	OptSize                // "128MB", "64KiB", "1000"
	OptEnum                // one of Option.Enum
	OptURI                 // an error_sink or lake URI: file://, s3://, kafka://
)

// Option is one WITH (...) option of a connector.
type Option struct {
	Name     string
	Type     OptionType
	Required bool
	Default  string
	Enum     []string
	Doc      string
	Use      Use // where the option applies
}

// Use says whether an option applies to a source, a sink or both.
type Use uint8

const (
	Both Use = iota
	SourceOnly
	SinkOnly
)

// Spec describes one connector: its name, whether it can be a source and/or a sink, whether
// it is bounded as a source, and its options.
type Spec struct {
	Name    string
	Doc     string
	Source  bool
	Sink    bool
	Bounded bool
	Options []Option
}

// OptionError is one problem with one option; the planner adds the option's position.
type OptionError struct {
	Option  string // the option's name ("" for a missing required one: see Msg)
	Msg     string
	Suggest string // the closest valid option name for an unknown one
}
