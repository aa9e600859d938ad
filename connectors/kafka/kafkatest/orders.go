package kafkatest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Order is one generated order, as the example pipeline (queries/kafka/pipeline.sql) reads it.
type Order struct {
	ID       string
	Customer string
	Amount   float64
	Country  string // as sent: mixed case, sometimes padded
	TS       int64  // event time, epoch ms
	Kind     string // ok, duplicate (a resend of an earlier order), test, refund, malformed
}

// OrderGen generates orders for the example pipeline, deterministically for a seed: mostly
// valid orders, plus resends of earlier orders (duplicates), test customers, non-positive
// amounts and malformed records. Event times advance by Step from Start with up to Jitter of
// disorder.
type OrderGen struct {
	Start  time.Time
	Step   time.Duration
	Jitter time.Duration
	rng    *rand.Rand
	n      int
	recent []Order
}

// NewOrderGen returns a generator.
func NewOrderGen(seed uint64, start time.Time, step time.Duration) *OrderGen {
	return &OrderGen{Start: start, Step: step, Jitter: step * 10, rng: rand.New(rand.NewPCG(seed, 7))}
}

var countries = []string{"fr", "DE", " us ", "Uk", "jp"}

// Next returns the next order.
func (g *OrderGen) Next() Order {
	g.n++
	roll := g.rng.IntN(100)
	if roll < 5 && len(g.recent) > 0 {
		o := g.recent[g.rng.IntN(len(g.recent))]
		o.Kind = "duplicate"
		return o
	}
	o := Order{ID: fmt.Sprintf("o%06d", g.n), Customer: fmt.Sprintf("c%02d", g.rng.IntN(40)),
		Amount: float64(g.rng.IntN(49999)+1) / 100, Country: countries[g.rng.IntN(len(countries))],
		TS: g.Start.Add(time.Duration(g.n)*g.Step - time.Duration(g.rng.Int64N(int64(g.Jitter)+1))).UnixMilli(), Kind: "ok"}
	switch {
	case roll < 7:
		o.Customer, o.Kind = "test-"+o.Customer, "test"
	case roll < 9:
		o.Amount, o.Kind = -o.Amount, "refund"
	case roll < 10:
		o.Kind = "malformed"
	}
	if o.Kind == "ok" {
		g.recent = append(g.recent, o)
		if len(g.recent) > 50 {
			g.recent = g.recent[1:]
		}
	}
	return o
}

// Key is the record key: the customer.
func (o Order) Key() []byte { return []byte(o.Customer) }

// JSON is the record value (a truncated object for a malformed order).
func (o Order) JSON() []byte {
	s := fmt.Sprintf(`{"event_id":%q,"customer_id":%q,"amount":%.2f,"country":%q,"ts":%d}`, o.ID, o.Customer, o.Amount, o.Country, o.TS)
	if o.Kind == "malformed" {
		return []byte(s[:len(s)/2])
	}
	return []byte(s)
}

// Revenue is one row of the pipeline's output topic.
type Revenue struct {
	Country     string
	WindowStart int64
	Orders      int64
	Revenue     float64
}

// ExpectedRevenue computes what the example pipeline delivers for orders (none late): valid
// orders once each, per upper-cased country and 10 s tumbling window, sorted by window then
// country.
func ExpectedRevenue(orders []Order) []Revenue {
	byKey := map[string]*Revenue{}
	for _, o := range orders {
		if o.Kind != "ok" {
			continue
		}
		c := strings.ToUpper(strings.TrimSpace(o.Country))
		ws := o.TS - ((o.TS%10000)+10000)%10000
		k := fmt.Sprint(ws, c)
		if byKey[k] == nil {
			byKey[k] = &Revenue{Country: c, WindowStart: ws}
		}
		byKey[k].Orders++
		byKey[k].Revenue += o.Amount
	}
	out := make([]Revenue, 0, len(byKey))
	for _, r := range byKey {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Revenue) int {
		if a.WindowStart != b.WindowStart {
			return int(a.WindowStart - b.WindowStart)
		}
		return strings.Compare(a.Country, b.Country)
	})
	return out
}
