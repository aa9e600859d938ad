package duck

import "context"

// Refresh makes the views again, so that sinks and error folders written since Open (or the
// last Refresh) show; the REPL calls it before each lake query.
func (d *DB) Refresh(ctx context.Context) error {
	d.tables = nil
	return d.makeViews(ctx)
}
