package eval

import (
	"github.com/sluicedata/sluice/executor/state"
	"math"
	"slices"
)

// quantiles estimates quantiles of a stream of numbers. Up to qExact values are kept as they are
// and the answer is exact: linear interpolation between the closest ranks (PostgreSQL's
// percentile_cont, numpy's default), so the median of 1, 2, 3, 4 is 2.5. Beyond that the values
// go into a DDSketch (Masson, Rim, Lee: "DDSketch: a fast and fully-mergeable quantile sketch
// with relative-error guarantees", VLDB 2019) with 1% relative accuracy: logarithmic buckets
// keyed by ⌈log_γ |x|⌉, γ = 1.01/0.99, for positive and negative values, and a zero bucket for
// |x| < 1e-9. An estimate is then within 1% of a value whose rank is the requested one. Merging
// adds bucket counts, so it is exact (a merged sketch equals the sketch of all the values).
// NaN values are ignored.
type quantiles struct {
	exact []float64 // sorted, while the sketch is unused
	dense bool
	pos   ddStore
	neg   ddStore
	zero  uint64
}

const (
	qExact    = 512
	ddAlpha   = 0.01
	ddMinAbs  = 1e-9
	ddMaxBins = 4096
)

var (
	ddGamma    = (1 + ddAlpha) / (1 - ddAlpha)
	ddLogGamma = math.Log(ddGamma)
)

func (q *quantiles) add(x float64) {
	if x != x {
		return
	}
	if !q.dense {
		i, _ := slices.BinarySearch(q.exact, x)
		q.exact = slices.Insert(q.exact, i, x)
		if len(q.exact) > qExact {
			q.toSketch()
		}
		return
	}
	q.addSketch(x, 1)
}

func (q *quantiles) toSketch() {
	q.dense = true
	for _, x := range q.exact {
		q.addSketch(x, 1)
	}
	q.exact = nil
}

func (q *quantiles) addSketch(x float64, n uint64) {
	switch {
	case x >= ddMinAbs:
		q.pos.add(ddIndex(x), n)
	case x <= -ddMinAbs:
		q.neg.add(ddIndex(-x), n)
	default:
		q.zero += n
	}
}

func ddIndex(x float64) int32 {
	return int32(math.Ceil(math.Log(x) / ddLogGamma))
}

// ddValue is the representative of bucket i, within ddAlpha of every value in it.
func ddValue(i int32) float64 {
	return 2 * math.Pow(ddGamma, float64(i)) / (ddGamma + 1)
}

func (q *quantiles) count() uint64 {
	if !q.dense {
		return uint64(len(q.exact))
	}
	return q.neg.total() + q.zero + q.pos.total()
}

// quantile returns the p-quantile; ok is false when there are no values.
func (q *quantiles) quantile(p float64) (float64, bool) {
	n := q.count()
	if n == 0 {
		return 0, false
	}
	if !q.dense {
		return exactQuantile(q.exact, p), true
	}
	rank := p * float64(n-1)
	if r, ok := q.neg.find(rank, true); ok {
		return -ddValue(r), true
	}
	rank -= float64(q.neg.total())
	if rank < float64(q.zero) {
		return 0, true
	}
	r, _ := q.pos.find(rank-float64(q.zero), false)
	return ddValue(r), true
}

// exactQuantile interpolates in sorted values.
func exactQuantile(s []float64, p float64) float64 {
	pos := p * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(s)-1)
	return s[lo] + (s[hi]-s[lo])*(pos-float64(lo))
}

func (q *quantiles) merge(o *quantiles) {
	if !o.dense {
		for _, x := range o.exact {
			q.add(x)
		}
		return
	}
	if !q.dense {
		q.toSketch()
	}
	q.zero += o.zero
	q.pos.merge(&o.pos)
	q.neg.merge(&o.neg)
}

func (q *quantiles) save(e *state.Encoder) {
	e.Bool(q.dense)
	if !q.dense {
		e.Uint(uint64(len(q.exact)))
		for _, x := range q.exact {
			e.Float(x)
		}
		return
	}
	e.Uint(q.zero)
	q.pos.save(e)
	q.neg.save(e)
}

func (q *quantiles) load(d *state.Decoder) {
	*q = quantiles{dense: d.Bool()}
	if !q.dense {
		n := d.Len()
		for range n {
			q.exact = append(q.exact, d.Float())
		}
		if !slices.IsSorted(q.exact) || n > qExact {
			d.Fail()
		}
		return
	}
	q.zero = d.Uint()
	q.pos.load(d)
	q.neg.load(d)
}

// ddStore is a dense run of bucket counts starting at index off. When it would span more than
// ddMaxBins buckets, the lowest ones are folded together (DDSketch's collapsing store), which
// only affects the accuracy of the smallest magnitudes.
type ddStore struct {
	off  int32
	bins []uint64
}

func (s *ddStore) add(i int32, n uint64) {
	if len(s.bins) == 0 {
		s.off, s.bins = i, []uint64{0}
	}
	if i < s.off {
		s.bins = append(make([]uint64, s.off-i), s.bins...)
		s.off = i
	}
	if j := int(i - s.off); j >= len(s.bins) {
		s.bins = state.GrowTo(s.bins, j+1)
	}
	s.bins[i-s.off] += n
	s.collapse()
}

func (s *ddStore) collapse() {
	extra := len(s.bins) - ddMaxBins
	if extra <= 0 {
		return
	}
	var low uint64
	for _, c := range s.bins[:extra+1] {
		low += c
	}
	s.bins = append([]uint64{low}, s.bins[extra+1:]...)
	s.off += int32(extra)
}

func (s *ddStore) total() uint64 {
	var t uint64
	for _, c := range s.bins {
		t += c
	}
	return t
}

// find returns the bucket holding 0-based rank (counting from the highest bucket when
// descending); ok is false when the store holds no more than rank values.
func (s *ddStore) find(rank float64, descending bool) (int32, bool) {
	var cum float64
	for k := range s.bins {
		j := k
		if descending {
			j = len(s.bins) - 1 - k
		}
		cum += float64(s.bins[j])
		if cum > rank {
			return s.off + int32(j), true
		}
	}
	return s.off + int32(len(s.bins)-1), false
}

func (s *ddStore) merge(o *ddStore) {
	for j, c := range o.bins {
		if c > 0 {
			s.add(o.off+int32(j), c)
		}
	}
}

func (s *ddStore) save(e *state.Encoder) {
	e.Int(int64(s.off))
	e.Uint(uint64(len(s.bins)))
	for _, c := range s.bins {
		e.Uint(c)
	}
}

func (s *ddStore) load(d *state.Decoder) {
	s.off = int32(d.Int())
	n := d.Len()
	s.bins = make([]uint64, n)
	for j := range s.bins {
		s.bins[j] = d.Uint()
	}
}
