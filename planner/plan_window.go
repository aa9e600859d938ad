package planner

import (
	"strconv"

	"github.com/sluicedata/sluice/parser"
)

// duration converts a parsed duration to milliseconds, reporting a bad unit at its position;
// ok is false when it did.
func (p *planner) duration(d *parser.Duration) (ms int64, ok bool) {
	ms, msg := durationMs(strconv.FormatInt(d.Value, 10), d.Unit)
	if msg != "" {
		pos := d.UnitPos
		if !pos.IsValid() {
			pos = d.Pos()
		}
		p.errs.add(pos, "%s", msg)
	}
	return ms, msg == ""
}

// positiveDuration converts a duration that must be positive (WITHIN of joins and DEDUPLICATE).
func (p *planner) positiveDuration(d *parser.Duration, what string) int64 {
	ms, ok := p.duration(d)
	if ok && ms <= 0 {
		p.errs.add(d.Pos(), "%s must be positive, found %s", what, formatMs(ms))
	}
	return ms
}

// planWindow converts and validates a WINDOW clause; nil when there is none or it is invalid.
func (p *planner) planWindow(wc *parser.WindowClause) *Window {
	if wc == nil {
		return nil
	}
	w := &Window{}
	clauses := map[string]*parser.Duration{"SIZE": wc.Size, "ADVANCE BY": wc.Advance, "GAP": wc.Gap, "GRACE PERIOD": wc.Grace}
	switch wc.Kind {
	case "TUMBLING":
		w.Kind = Tumbling
	case "HOPPING":
		w.Kind = Hopping
	case "SESSION":
		w.Kind = Session
	default:
		p.errs.add(wc.Pos(), "unknown window kind %s%s; expected TUMBLING, HOPPING or SESSION", wc.Kind, didYouMean(wc.Kind, []string{"TUMBLING", "HOPPING", "SESSION"}))
		return nil
	}
	if !p.windowHasSizes(wc, w.Kind) {
		return nil
	}
	n := p.errs.count()
	for _, clause := range []string{"SIZE", "ADVANCE BY", "GAP", "GRACE PERIOD"} {
		if d := clauses[clause]; d != nil {
			*p.windowField(w, clause), _ = p.duration(d)
		}
	}
	if p.errs.count() > n {
		return nil
	}
	for _, pr := range windowProblems(w) {
		pos := wc.Pos()
		if d := clauses[pr.Clause]; d != nil {
			pos = d.Pos()
		}
		p.errs.add(pos, "%s", pr.Msg)
	}
	if p.errs.count() > n {
		return nil
	}
	return w
}

func (p *planner) windowField(w *Window, clause string) *int64 {
	switch clause {
	case "SIZE":
		return &w.Size
	case "ADVANCE BY":
		return &w.Advance
	case "GAP":
		return &w.Gap
	}
	return &w.Grace
}

// windowHasSizes checks that the clause has the sizes its kind needs.
func (p *planner) windowHasSizes(wc *parser.WindowClause, k WindowKind) bool {
	switch {
	case k == Session && wc.Gap == nil:
		p.errs.add(wc.Pos(), "SESSION window needs a gap: WINDOW SESSION (30 MINUTES)")
	case k != Session && wc.Size == nil:
		p.errs.add(wc.Pos(), "%s window needs SIZE: WINDOW %s (SIZE 1 MINUTE)", wc.Kind, wc.Kind)
	case k == Hopping && wc.Advance == nil:
		p.errs.add(wc.Pos(), "HOPPING window needs ADVANCE BY: WINDOW HOPPING (SIZE 5 MINUTES, ADVANCE BY 1 MINUTE)")
	default:
		return true
	}
	return false
}
