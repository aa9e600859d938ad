package lake

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/sluicedata/sluice/types"
)

// ManifestKey is where a sink describes itself, relative to its folder.
const ManifestKey = "_sluice/manifest.json"

// Manifest describes a sink's folder so that the lake describes itself: `sluice query` makes a
// view of it, `sluice lake ddl` a table.
type Manifest struct {
	Version     int               `json:"version"`
	Sink        string            `json:"sink"`
	Format      string            `json:"format"`
	Ext         string            `json:"ext"`
	Columns     []ManifestColumn  `json:"columns"`      // data columns, partition keys included, in order
	PartitionBy []ManifestColumn  `json:"partition_by"` // folder levels in order
	EventTime   string            `json:"event_time,omitempty"`
	Options     map[string]string `json:"options,omitempty"`
}

// ManifestColumn is one column: its name and SQL type (as SQL prints it, e.g. DECIMAL(10,2)),
// with Type the structured form. Derived is "dt" or "hour" for partition levels computed from
// event time.
type ManifestColumn struct {
	Name    string   `json:"name"`
	SQLType string   `json:"type"`
	NotNull bool     `json:"not_null,omitempty"`
	Derived string   `json:"derived,omitempty"`
	Type    TypeJSON `json:"type_tree"`
}

// TypeJSON is a types.Type as JSON.
type TypeJSON struct {
	Kind      string           `json:"kind"`
	Precision int              `json:"precision,omitempty"`
	Scale     int              `json:"scale,omitempty"`
	Elem      *TypeJSON        `json:"elem,omitempty"`
	Fields    []ManifestColumn `json:"fields,omitempty"`
}

// NewManifest describes a sink.
func NewManifest(sink string, f Format, s *types.Schema, p *Partitioning, opts map[string]string) *Manifest {
	m := &Manifest{Version: 1, Sink: sink, Format: f.Name, Ext: f.Ext, Options: opts}
	for _, fd := range s.Fields {
		m.Columns = append(m.Columns, columnOf(fd))
	}
	for _, k := range p.Keys {
		c := columnOf(types.Field{Name: k.Name, Type: k.Type})
		c.Derived = [...]string{"", "dt", "hour"}[k.Derived]
		m.PartitionBy = append(m.PartitionBy, c)
	}
	if s.EventTime && s.TimeCol >= 0 && s.TimeCol < len(s.Fields) {
		m.EventTime = s.Fields[s.TimeCol].Name
	}
	return m
}

func columnOf(f types.Field) ManifestColumn {
	return ManifestColumn{Name: f.Name, SQLType: f.Type.String(), NotNull: f.NotNull, Type: typeJSON(f.Type)}
}

func typeJSON(t types.Type) TypeJSON {
	j := TypeJSON{Kind: t.Kind.String(), Precision: t.Precision, Scale: t.Scale}
	if t.Elem != nil {
		e := typeJSON(*t.Elem)
		j.Elem = &e
	}
	for _, f := range t.Fields {
		j.Fields = append(j.Fields, columnOf(f))
	}
	return j
}

// SQLType returns the types.Type of a TypeJSON.
func (j TypeJSON) SQLType() (types.Type, error) {
	for k := types.KindNull; k <= types.KindStruct; k++ {
		if k.String() != j.Kind {
			continue
		}
		t := types.Type{Kind: k, Precision: j.Precision, Scale: j.Scale}
		if j.Elem != nil {
			e, err := j.Elem.SQLType()
			if err != nil {
				return t, err
			}
			t.Elem = &e
		}
		for _, f := range j.Fields {
			ft, err := f.Type.SQLType()
			if err != nil {
				return t, err
			}
			t.Fields = append(t.Fields, types.Field{Name: f.Name, Type: ft, NotNull: f.NotNull})
		}
		return t, nil
	}
	return types.Type{}, fmt.Errorf("manifest: unknown type kind %q", j.Kind)
}

// Schema returns the data columns as a types.Schema.
func (m *Manifest) Schema() (*types.Schema, error) {
	s := types.NewSchema()
	for _, c := range m.Columns {
		t, err := c.Type.SQLType()
		if err != nil {
			return nil, err
		}
		s.Fields = append(s.Fields, types.Field{Name: c.Name, Type: t, NotNull: c.NotNull})
	}
	return s, nil
}

// WriteManifest stores m under prefix (the sink's folder key, "" for the store's root).
func WriteManifest(ctx context.Context, st Store, prefix string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return Put(ctx, st, joinKey(prefix, ManifestKey), bytes.NewReader(append(b, '\n')))
}

// ReadManifest loads the manifest stored under prefix.
func ReadManifest(ctx context.Context, st Store, prefix string) (*Manifest, error) {
	r, err := st.Get(ctx, joinKey(prefix, ManifestKey))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	m := &Manifest{}
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("%s: %w", joinKey(prefix, ManifestKey), err)
	}
	return m, nil
}

// joinKey joins object-key parts with '/', skipping empty ones.
func joinKey(parts ...string) string {
	var b bytes.Buffer
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("/")) {
			b.WriteByte('/')
		}
		b.WriteString(p)
	}
	return b.String()
}
