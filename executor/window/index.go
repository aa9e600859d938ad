package window

import "container/heap"

// Index tracks the open windows of a tumbling or hopping aggregate: for each window start, the
// groups (dense ids) that hold state in it, in the order they were added. Windows are closed in
// order of their start (all windows of one operator have the same size).
type Index struct {
	starts  startHeap
	buckets map[int64][]int32
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{buckets: map[int64][]int32{}} }

// Add records that group g holds state in the window starting at start.
func (x *Index) Add(start int64, g int32) {
	b, ok := x.buckets[start]
	if !ok {
		heap.Push(&x.starts, start)
	}
	x.buckets[start] = append(b, g)
}

// Len is the number of open windows.
func (x *Index) Len() int { return len(x.starts) }

// PopUntil removes the earliest open window if its start is ≤ limit, returning its start and its
// groups in insertion order.
func (x *Index) PopUntil(limit int64) (start int64, groups []int32, ok bool) {
	if len(x.starts) == 0 || x.starts[0] > limit {
		return 0, nil, false
	}
	start = heap.Pop(&x.starts).(int64)
	groups = x.buckets[start]
	delete(x.buckets, start)
	return start, groups, true
}

// Each calls f for every open window in ascending start order (for snapshots).
func (x *Index) Each(f func(start int64, groups []int32)) {
	s := append(startHeap(nil), x.starts...)
	for len(s) > 0 {
		st := heap.Pop(&s).(int64)
		f(st, x.buckets[st])
	}
}

type startHeap []int64

func (h startHeap) Len() int           { return len(h) }
func (h startHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h startHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *startHeap) Push(x any)        { *h = append(*h, x.(int64)) }
func (h *startHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}
