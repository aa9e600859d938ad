package planner

// windowProblems lists what is wrong with a window's sizes, each with the clause it concerns
// ("SIZE", "ADVANCE BY", "GAP", "GRACE PERIOD"), so the caller can place the error.
func windowProblems(w *Window) []windowProblem {
	var out []windowProblem
	switch w.Kind {
	case Session:
		if w.Gap <= 0 {
			out = append(out, windowProblem{"GAP", "session gap must be positive, found " + formatMs(w.Gap)})
		}
	default:
		if w.Size <= 0 {
			out = append(out, windowProblem{"SIZE", "window size must be positive, found " + formatMs(w.Size)})
		}
	}
	if w.Kind == Hopping {
		out = append(out, hopProblems(w)...)
	}
	if w.Grace < 0 {
		out = append(out, windowProblem{"GRACE PERIOD", "grace period must not be negative, found " + formatMs(w.Grace)})
	}
	return out
}

func hopProblems(w *Window) []windowProblem {
	switch {
	case w.Advance <= 0:
		return []windowProblem{{"ADVANCE BY", "hop advance must be positive, found " + formatMs(w.Advance)}}
	case w.Advance > w.Size:
		return []windowProblem{{"ADVANCE BY", "hop advance " + formatMs(w.Advance) + " is larger than the window size " + formatMs(w.Size) + " (rows would fall between windows)"}}
	}
	return nil
}

type windowProblem struct {
	Clause string
	Msg    string
}

// describeWindow prints a window for EXPLAIN: "TUMBLING(size=1m grace=2s)".
func describeWindow(w *Window) string {
	s := w.Kind.String() + "("
	switch w.Kind {
	case Session:
		s += "gap=" + formatMs(w.Gap)
	case Hopping:
		s += "size=" + formatMs(w.Size) + " advance=" + formatMs(w.Advance)
	default:
		s += "size=" + formatMs(w.Size)
	}
	if w.Grace > 0 {
		s += " grace=" + formatMs(w.Grace)
	}
	return s + ")"
}
