package planner

import (
	"github.com/sluicedata/sluice/parser"
	"github.com/sluicedata/sluice/types"
)

var scalarTypes = map[string]types.Type{
	"BOOLEAN": types.Bool, "INT": types.Int, "BIGINT": types.BigInt, "DOUBLE": types.Double,
	"STRING": types.String, "BYTES": types.Bytes, "TIMESTAMP": types.Timestamp, "DATE": types.Date,
}

// resolveType converts a parsed type name into a types.Type.
func (p *planner) resolveType(t *parser.TypeName) types.Type {
	if st, ok := scalarTypes[t.Name]; ok {
		return st
	}
	switch t.Name {
	case "DECIMAL":
		return p.decimalType(t)
	case "ARRAY":
		return types.ArrayOf(p.resolveType(t.Elem))
	case "MAP":
		if t.Key != nil && t.Key.Name != "STRING" {
			p.errs.add(t.Key.Pos(), "MAP keys must be STRING, found %s", t.Key.Name)
		}
		return types.MapOf(p.resolveType(t.Value))
	case "STRUCT":
		return p.structType(t)
	}
	p.errs.add(t.Pos(), "unknown type %s", t.Name)
	return types.Null
}

// decimalType reads DECIMAL(p, s); DECIMAL alone is DECIMAL(18, 0) and DECIMAL(p) has scale 0.
func (p *planner) decimalType(t *parser.TypeName) types.Type {
	prec, scale := types.MaxDecimalPrecision, 0
	if len(t.Params) > 0 {
		prec = t.Params[0]
	}
	if len(t.Params) > 1 {
		scale = t.Params[1]
	}
	if prec < 1 || prec > types.MaxDecimalPrecision || scale < 0 || scale > prec {
		p.errs.add(t.Pos(), "DECIMAL(%d,%d): precision must be 1 to %d and scale 0 to the precision", prec, scale, types.MaxDecimalPrecision)
		return types.Decimal(types.MaxDecimalPrecision, 0)
	}
	return types.Decimal(prec, scale)
}

func (p *planner) structType(t *parser.TypeName) types.Type {
	fields := make([]types.Field, len(t.Fields))
	seen := map[string]bool{}
	for i, f := range t.Fields {
		name := f.Name.Last()
		if seen[name] {
			p.errs.add(f.Pos(), "duplicate STRUCT member %s", name)
		}
		seen[name] = true
		fields[i] = types.Field{Name: name, Type: p.resolveType(f.Type)}
	}
	return types.StructOf(fields...)
}
