package parser

import (
	"fmt"
	"reflect"
	"strings"
)

var posType = reflect.TypeOf(Pos{})

// zeroPositions clears every Pos inside v (a pointer, slice or interface holding AST nodes).
func zeroPositions(v any) { zeroValue(reflect.ValueOf(v)) }

func zeroValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			zeroValue(v.Elem())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			zeroValue(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == posType {
			v.Set(reflect.Zero(posType))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			zeroValue(v.Field(i))
		}
	}
}

// roundTrip checks that f's canonical form parses back to the same AST and prints the same.
func roundTrip(f *File) error {
	text := f.String()
	g, err := Parse(f.Name, text)
	if err != nil {
		return fmt.Errorf("canonical form does not parse:\n%s\n%v", text, err)
	}
	if again := g.String(); again != text {
		return fmt.Errorf("canonical form is not stable:\n%s\nprints as\n%s", text, again)
	}
	zeroPositions(f)
	zeroPositions(g)
	if !reflect.DeepEqual(f.Statements, g.Statements) {
		return fmt.Errorf("canonical form parses to another AST:\n%s\n--- original\n%s--- reparsed\n%s",
			text, dumpAST(f), dumpAST(g))
	}
	return nil
}

// dumpAST prints a node tree with positions, one field per line, skipping empty fields.
func dumpAST(v any) string {
	var b strings.Builder
	dump(&b, reflect.ValueOf(v), 0)
	return b.String()
}

func dump(b *strings.Builder, v reflect.Value, depth int) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	indent := strings.Repeat("  ", depth)
	switch v.Kind() {
	case reflect.Struct:
		b.WriteString(v.Type().Name())
		dumpFields(b, v, depth)
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			b.WriteString("\n" + indent + "- ")
			dump(b, v.Index(i), depth+1)
		}
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}

// dumpFields prints scalar fields on the node's line, then nested nodes below it.
func dumpFields(b *strings.Builder, v reflect.Value, depth int) {
	indent := strings.Repeat("  ", depth)
	var nested []int
	for i := 0; i < v.NumField(); i++ {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch {
		case f.IsZero() || (f.Kind() == reflect.Slice && f.Len() == 0):
		case f.Type() == posType:
			p := f.Interface().(Pos)
			if name == "At" {
				name = ""
			}
			fmt.Fprintf(b, " %s@%d:%d", name, p.Line, p.Col)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() != reflect.Pointer && f.Type().Elem().Kind() != reflect.Interface:
			fmt.Fprintf(b, " %s=%v", name, f.Interface())
		case f.Kind() == reflect.Pointer && f.Elem().Kind() != reflect.Struct:
			fmt.Fprintf(b, " %s=%v", name, f.Elem().Interface())
		case f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface || f.Kind() == reflect.Slice:
			nested = append(nested, i)
		default:
			fmt.Fprintf(b, " %s=%v", name, f.Interface())
		}
	}
	for _, i := range nested {
		f := v.Field(i)
		b.WriteString("\n" + indent + "  " + v.Type().Field(i).Name + ":")
		if f.Kind() != reflect.Slice {
			b.WriteString(" ")
		}
		dump(b, f, depth+1)
	}
}

// sexpr prints an expression fully parenthesised, to make precedence visible.
func sexpr(e Expr) string {
	switch e := e.(type) {
	case *Binary:
		return "(" + e.Op + " " + sexpr(e.L) + " " + sexpr(e.R) + ")"
	case *Unary:
		return "(" + e.Op + " " + sexpr(e.X) + ")"
	case *IsNull:
		return "(IS" + not(e.Not) + " NULL " + sexpr(e.X) + ")"
	case *In:
		return "(" + strings.TrimSpace(not(e.Not)+" IN ") + " " + sexpr(e.X) + " " + sexprs(e.List) + ")"
	case *Between:
		return "(" + strings.TrimSpace(not(e.Not)+" BETWEEN") + " " + sexpr(e.X) + " " + sexpr(e.Lo) + " " + sexpr(e.Hi) + ")"
	case *Like:
		return "(" + strings.TrimSpace(not(e.Not)+" LIKE") + " " + sexpr(e.X) + " " + sexpr(e.Pattern) + ")"
	case *Index:
		return "(INDEX " + sexpr(e.X) + " " + sexpr(e.Index) + ")"
	case *Field:
		return "(FIELD " + sexpr(e.X) + " " + e.Name.String() + ")"
	case *Call:
		return "(CALL " + e.Name.String() + " " + sexprs(e.Args) + ")"
	}
	return e.String()
}

func sexprs(es []Expr) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = sexpr(e)
	}
	return strings.Join(parts, " ")
}
