package connectors

// DatagenSpec is the `datagen` source: deterministic synthetic events.
//
// Per-column generators use dotted options `fields.<column>.<setting>`; the column names are
// checked against the declared columns when the source is built (the planner only checks the
// setting names and value types).
var DatagenSpec = &Spec{
	Name:   "datagen",
	Doc:    "Generates deterministic synthetic events: NEXMark-like bids, persons or auctions, or values per declared column. Bounded when `events` is set.",
	Source: true,
	Options: []Option{
		{Name: "kind", Type: OptEnum, Enum: []string{"columns", "nexmark"}, Default: "columns",
			Doc: "`nexmark`: NEXMark-like events (see `nexmark.event`), values chosen by column name; `columns`: one generator per declared column (see `fields.*`)"},
		{Name: "nexmark.event", Type: OptEnum, Enum: []string{"bid", "person", "auction"}, Default: "bid",
			Doc: "which NEXMark event a `nexmark` source generates"},
		{Name: "events", Type: OptInt,
			Doc: "number of events to generate; the source is bounded when set, unbounded otherwise"},
		{Name: "rate", Type: OptInt, Default: "0",
			Doc: "events per second; 0 = as fast as possible"},
		{Name: "seed", Type: OptInt, Default: "1",
			Doc: "random seed: the same seed gives the same events"},
		{Name: "start", Type: OptTime, Default: "2026-01-01T00:00:00Z",
			Doc: "event time of the first event (RFC 3339 or epoch ms)"},
		{Name: "interval", Type: OptDuration, Default: "10ms",
			Doc: "event-time step between consecutive events"},
		{Name: "fields.*.kind", Type: OptEnum, Enum: []string{"random", "sequence", "values"}, Default: "random",
			Doc: "generator of a column: `random` (uniform in [min, max]), `sequence` (min, min+step, … wrapping after max), `values` (uniform pick from `values`); a TIMESTAMP column without a generator gets the event time"},
		{Name: "fields.*.min", Type: OptString,
			Doc: "smallest value (a number, or a timestamp for TIMESTAMP columns); default 0, 1 for sequences"},
		{Name: "fields.*.max", Type: OptString,
			Doc: "largest value (a number, or a timestamp for TIMESTAMP columns); default 1000"},
		{Name: "fields.*.step", Type: OptInt, Default: "1",
			Doc: "increment of a `sequence`"},
		{Name: "fields.*.length", Type: OptInt, Default: "8",
			Doc: "length of random STRING/BYTES values and of random ARRAY values"},
		{Name: "fields.*.values", Type: OptString,
			Doc: "comma-separated values picked by a `values` generator (parsed as the column's type)"},
		{Name: "fields.*.null_rate", Type: OptFloat, Default: "0",
			Doc: "fraction of NULL values, between 0 and 1 (never for NOT NULL columns)"},
		errorSinkOption,
	},
}
