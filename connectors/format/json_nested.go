package format

import (
	"strings"

	"github.com/sluicedata/sluice/types"
)

// nested parses a value of any type t into the Value conventions of types/value.go. It serves
// ARRAY, MAP and STRUCT columns and their elements (allocating, unlike the scalar columns).
func (d *JSONDecoder) nested(t *types.Type, depth int) (any, *RecordError) {
	if depth > maxDepth {
		return nil, decodeErr("JSON nested deeper than %d levels", maxDepth)
	}
	switch d.ws() {
	case 0:
		return nil, errEOF
	case 'n':
		return nil, d.literal("null")
	}
	switch t.Kind {
	case types.KindArray:
		return d.array(t, depth)
	case types.KindMap:
		return d.mapValue(t, depth)
	case types.KindStruct:
		return d.structValue(t, depth)
	}
	return d.scalar(t)
}

// scalar parses a scalar as an element of a nested value.
func (d *JSONDecoder) scalar(t *types.Type) (any, *RecordError) {
	switch types.Storage(t.Kind) {
	case types.StoreI64:
		return wrap(d.int64Value(t))
	case types.StoreF64:
		return wrap(d.float64Value())
	case types.StoreBool:
		return wrap(d.boolValue())
	case types.StoreStr:
		s, err := d.stringValue(t.Kind)
		return string(s), err
	}
	return nil, schemaErr("unsupported type %s", t)
}

func wrap[T any](x T, err *RecordError) (any, *RecordError) {
	if err != nil {
		return nil, err
	}
	return x, nil
}

func (d *JSONDecoder) array(t *types.Type, depth int) (any, *RecordError) {
	if d.data[d.pos] != '[' {
		return nil, d.mismatch(t, "")
	}
	out := []any{}
	err := d.members(']', func() *RecordError {
		x, err := d.nested(t.Elem, depth+1)
		out = append(out, x)
		return err
	})
	return out, err
}

func (d *JSONDecoder) mapValue(t *types.Type, depth int) (any, *RecordError) {
	if d.data[d.pos] != '{' {
		return nil, d.mismatch(t, "")
	}
	out := map[string]any{}
	err := d.members('}', func() *RecordError {
		key, err := d.objectKey()
		if err != nil {
			return err
		}
		x, err := d.nested(t.Elem, depth+1)
		out[key] = x
		return err
	})
	return out, err
}

func (d *JSONDecoder) structValue(t *types.Type, depth int) (any, *RecordError) {
	if d.data[d.pos] != '{' {
		return nil, d.mismatch(t, "")
	}
	out := make([]any, len(t.Fields))
	err := d.members('}', func() *RecordError {
		key, err := d.objectKey()
		if err != nil {
			return err
		}
		f, i, ok := t.Field(key)
		if !ok {
			return d.skipDepth(depth + 1)
		}
		out[i], err = d.nested(&f.Type, depth+1)
		if err != nil && err.Reason == reasonSchema {
			err = err.inColumn(f.Name)
		}
		return err
	})
	return out, err
}

// objectKey consumes `"key":` and returns the key.
func (d *JSONDecoder) objectKey() (string, *RecordError) {
	if d.ws() != '"' {
		return "", d.unexpected("a string key")
	}
	k, err := d.str()
	if err != nil {
		return "", err
	}
	key := strings.Clone(bstr(k))
	if d.ws() != ':' {
		return "", d.unexpected("':'")
	}
	d.pos++
	return key, nil
}
