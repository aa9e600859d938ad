package executor

import "github.com/sluicedata/sluice/executor/state"

// runs cuts the rows of a batch into runs in which no group repeats, for EMIT CHANGES: the rows
// of a run are updated together and each still gets its own group's result after the run.
type runs struct {
	last []int32 // per group: the run that last touched it
	id   int32
}

// next starts the runs of a new batch.
func (r *runs) next() { r.id++ }

// repeats records that the next row touches group g and reports whether the current run touched
// g already: the caller then flushes the run up to this row, which starts a new one.
func (r *runs) repeats(g int32) bool {
	r.last = state.GrowTo(r.last, int(g)+1)
	rep := r.last[g] == r.id
	if rep {
		r.id++
	}
	r.last[g] = r.id
	return rep
}

// forget clears group g, whose id is handed out again.
func (r *runs) forget(g int32) {
	if int(g) < len(r.last) {
		r.last[g] = 0
	}
}
