package eval

import (
	"github.com/sluicedata/sluice/executor/state"
	"math"
	"math/bits"
	"slices"
)

// hll is a HyperLogLog sketch with 2^14 registers (standard error 0.81%), written here rather
// than taken from a library so that its state encoding is ours to keep stable. It starts exact:
// up to hllSmall distinct 64-bit hashes are kept sorted (so small cardinalities are exact, and a
// group costs bytes, not 16 KiB), then turns into dense 6-bit-valued registers. The estimate uses
// Otmar Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog
// sketches", 2017), which is unbiased over the whole range without empirical tables.
type hll struct {
	small []uint64 // sorted distinct hashes, while regs is nil
	regs  []uint8
}

const (
	hllP     = 14
	hllM     = 1 << hllP
	hllQ     = 64 - hllP
	hllSmall = 512
)

func (h *hll) add(x uint64) {
	if h.regs != nil {
		h.addDense(x)
		return
	}
	i, found := slices.BinarySearch(h.small, x)
	if found {
		return
	}
	h.small = slices.Insert(h.small, i, x)
	if len(h.small) > hllSmall {
		h.densify()
	}
}

func (h *hll) addDense(x uint64) {
	idx := x >> hllQ
	rank := uint8(min(bits.LeadingZeros64(x<<hllP), hllQ) + 1)
	if rank > h.regs[idx] {
		h.regs[idx] = rank
	}
}

func (h *hll) densify() {
	h.regs = make([]uint8, hllM)
	for _, x := range h.small {
		h.addDense(x)
	}
	h.small = nil
}

// merge folds o into h.
func (h *hll) merge(o *hll) {
	if o.regs == nil {
		for _, x := range o.small {
			h.add(x)
		}
		return
	}
	if h.regs == nil {
		h.densify()
	}
	for i, r := range o.regs {
		h.regs[i] = max(h.regs[i], r)
	}
}

// estimate returns the number of distinct values.
func (h *hll) estimate() int64 {
	if h.regs == nil {
		return int64(len(h.small))
	}
	var c [hllQ + 2]int
	for _, r := range h.regs {
		c[r]++
	}
	m := float64(hllM)
	z := m * hllTau(1-float64(c[hllQ+1])/m)
	for k := hllQ; k >= 1; k-- {
		z = 0.5 * (z + float64(c[k]))
	}
	z += m * hllSigma(float64(c[0])/m)
	return int64(math.Round(m * m / (2 * math.Ln2) / z))
}

func hllSigma(x float64) float64 {
	if x == 1 {
		return math.Inf(1)
	}
	y, z := 1.0, x
	for {
		x *= x
		prev := z
		z += x * y
		y += y
		if z == prev {
			return z
		}
	}
}

func hllTau(x float64) float64 {
	if x == 0 || x == 1 {
		return 0
	}
	y, z := 1.0, 1-x
	for {
		x = math.Sqrt(x)
		prev := z
		y *= 0.5
		z -= (1 - x) * (1 - x) * y
		if z == prev {
			return z / 3
		}
	}
}

func (h *hll) save(e *state.Encoder) {
	if h.regs == nil {
		e.Byte(0)
		e.Uint(uint64(len(h.small)))
		for _, x := range h.small {
			e.U64(x)
		}
		return
	}
	e.Byte(1)
	e.Raw(h.regs)
}

func (h *hll) load(d *state.Decoder) {
	*h = hll{}
	switch d.Byte() {
	case 0:
		n := d.Len()
		for range n {
			h.small = append(h.small, d.U64())
		}
		if !slices.IsSorted(h.small) || len(h.small) > hllSmall {
			d.Fail()
		}
	case 1:
		h.regs = d.Raw(hllM)
		if slices.Max(append(h.regs, 0)) > hllQ+1 {
			d.Fail()
		}
	default:
		d.Fail()
	}
}
