package connectors

import (
	"fmt"
	"strings"
)

// Markdown renders the spec as documentation: a heading, its Doc and a table of its options
// (name, type, default, where it applies, description). The README's option tables come
// from it.
func (s *Spec) Markdown() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "### `%s`\n\n%s\n\n", s.Name, s.Doc)
	sb.WriteString("| option | type | default | applies to | description |\n|---|---|---|---|---|\n")
	for _, o := range s.Options {
		fmt.Fprintf(&sb, "| `%s` | %s | %s | %s | %s |\n", o.Name, o.typeDoc(), o.defaultDoc(), s.useDoc(o.Use), o.Doc)
	}
	return sb.String()
}

func (o *Option) typeDoc() string {
	if o.Type == OptEnum {
		return "`" + strings.Join(o.Enum, "` \\| `") + "`"
	}
	return o.Type.String()
}

func (o *Option) defaultDoc() string {
	switch {
	case o.Required:
		return "required"
	case o.Default == "":
		return ""
	}
	return "`" + o.Default + "`"
}

func (s *Spec) useDoc(u Use) string {
	switch {
	case u == SourceOnly || !s.Sink:
		return "source"
	case u == SinkOnly || !s.Source:
		return "sink"
	}
	return "source, sink"
}
