package datagen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/connectors"
	"github.com/sluicedata/sluice/types"
)

var spec = connectors.DatagenSpec

// colConf is the `fields.<column>.*` settings of one column.
type colConf struct {
	kind     string // random, sequence, values; "" when not set
	min, max string
	step     int64
	length   int
	values   []string
	nullRate float64
}

// NewSource builds a datagen source from validated options. It checks what the planner could
// not: that every `fields.<column>` names a declared column and that values parse.
func NewSource(cfg connectors.SourceConfig) (*Source, error) {
	s := &Source{cfg: cfg, events: -1}
	if err := s.parseTop(cfg.Options); err != nil {
		return nil, fmt.Errorf("datagen source %s: %w", cfg.Stream, err)
	}
	confs, err := parseFields(cfg.Options, cfg.Schema)
	if err != nil {
		return nil, fmt.Errorf("datagen source %s: %w", cfg.Stream, err)
	}
	if s.gens, err = s.generators(confs); err != nil {
		return nil, fmt.Errorf("datagen source %s: %w", cfg.Stream, err)
	}
	return s, nil
}

func (s *Source) parseTop(opts map[string]string) error {
	var err error
	if ev := spec.Get(opts, "events"); ev != "" {
		if s.events, err = strconv.ParseInt(ev, 10, 64); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	s.rate, _ = strconv.ParseInt(spec.Get(opts, "rate"), 10, 64)
	if s.start, err = connectors.ParseTime(spec.Get(opts, "start")); err != nil {
		return fmt.Errorf("start: %w", err)
	}
	d, err := connectors.ParseDuration(spec.Get(opts, "interval"))
	if err != nil {
		return fmt.Errorf("interval: %w", err)
	}
	s.interval = d.Milliseconds()
	return nil
}

func (s *Source) seed() uint64 {
	n, _ := strconv.ParseInt(spec.Get(s.cfg.Options, "seed"), 10, 64)
	return uint64(n)
}

// parseFields groups the `fields.<column>.<setting>` options by column index.
func parseFields(opts map[string]string, schema *types.Schema) (map[int]*colConf, error) {
	confs := map[int]*colConf{}
	for key, val := range opts {
		o, ok := spec.Option(key)
		if !ok || !o.Pattern() {
			continue
		}
		col := o.Wildcard(key)
		c := schema.Index(col)
		if c < 0 {
			return nil, unknownColumn(key, col, schema)
		}
		if confs[c] == nil {
			confs[c] = &colConf{step: 1, length: 8}
		}
		if err := confs[c].set(o.Name[strings.LastIndexByte(o.Name, '.')+1:], val); err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
	}
	return confs, nil
}

func unknownColumn(key, col string, schema *types.Schema) error {
	msg := fmt.Sprintf("%s: no column %s", key, col)
	if sug := connectors.Suggest(col, schema.Names()); sug != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", sug)
	}
	return fmt.Errorf("%s", msg)
}

func (c *colConf) set(setting, val string) error {
	var err error
	switch setting {
	case "kind":
		c.kind = strings.ToLower(val)
	case "min":
		c.min = val
	case "max":
		c.max = val
	case "step":
		c.step, err = strconv.ParseInt(val, 10, 64)
	case "length":
		c.length, err = strconv.Atoi(val)
	case "values":
		c.values = strings.Split(val, ",")
	case "null_rate":
		c.nullRate, err = strconv.ParseFloat(val, 64)
		if err == nil && (c.nullRate < 0 || c.nullRate > 1) {
			err = fmt.Errorf("expected a fraction between 0 and 1, found %s", val)
		}
	}
	return err
}
