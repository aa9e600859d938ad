package datagen

import (
	"math"
	"strconv"
	"strings"

	"github.com/sluicedata/sluice/connectors/format"
	"github.com/sluicedata/sluice/types"
)

// NEXMark-like event tables (after the Flink/Beam NEXMark benchmark). A `nexmark` source fills
// each declared column whose name is one of its event's fields (case-insensitive); other
// columns get the generic generators. Ids start at 1000; event i is person 1000+i in the
// person table and auction 1000+i in the auction table, and bids refer to recent auctions
// (half of them to one of the 10 newest) and persons. Prices are in cents.
//
//	bid:     auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
//	         date_time TIMESTAMP, extra STRING
//	person:  id BIGINT, name STRING, email_address STRING, credit_card STRING, city STRING,
//	         state STRING, date_time TIMESTAMP, extra STRING
//	auction: id BIGINT, item_name STRING, description STRING, initial_bid BIGINT,
//	         reserve BIGINT, date_time TIMESTAMP, expires TIMESTAMP, seller BIGINT,
//	         category BIGINT, extra STRING
type nexField struct {
	name string
	typ  types.Type
	ints func(h hasher, e *event) int64
	strs func(h hasher, e *event, dst []byte) []byte
}

var nexmarkTables = map[string][]nexField{
	"bid": {
		{name: "auction", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return recent(h.at(e, 1), h.at(e, 2), e.i/16+1) }},
		{name: "bidder", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return recent(h.at(e, 3), h.at(e, 4), e.i/50+1) }},
		{name: "price", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return price(h.at(e, 5)) }},
		{name: "channel", typ: types.String, strs: pick(6, channels)},
		{name: "url", typ: types.String, strs: url},
		{name: "date_time", typ: types.Timestamp, ints: func(_ hasher, e *event) int64 { return e.ts }},
		{name: "extra", typ: types.String, strs: word(7, 8)},
	},
	"person": {
		{name: "id", typ: types.BigInt, ints: func(_ hasher, e *event) int64 { return 1000 + e.i }},
		{name: "name", typ: types.String, strs: personName},
		{name: "email_address", typ: types.String, strs: email},
		{name: "credit_card", typ: types.String, strs: creditCard},
		{name: "city", typ: types.String, strs: pick(4, cities)},
		{name: "state", typ: types.String, strs: pick(5, states)},
		{name: "date_time", typ: types.Timestamp, ints: func(_ hasher, e *event) int64 { return e.ts }},
		{name: "extra", typ: types.String, strs: word(7, 8)},
	},
	"auction": {
		{name: "id", typ: types.BigInt, ints: func(_ hasher, e *event) int64 { return 1000 + e.i }},
		{name: "item_name", typ: types.String, strs: word(1, 10)},
		{name: "description", typ: types.String, strs: word(2, 20)},
		{name: "initial_bid", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return price(h.at(e, 3)) }},
		{name: "reserve", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return price(h.at(e, 3)) + int64(h.at(e, 4)%100000) }},
		{name: "date_time", typ: types.Timestamp, ints: func(_ hasher, e *event) int64 { return e.ts }},
		{name: "expires", typ: types.Timestamp, ints: func(h hasher, e *event) int64 { return e.ts + int64(1+h.at(e, 5)%10)*10000 }},
		{name: "seller", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return recent(h.at(e, 6), h.at(e, 7), e.i/3+1) }},
		{name: "category", typ: types.BigInt, ints: func(h hasher, e *event) int64 { return 10 + int64(h.at(e, 8)%5) }},
		{name: "extra", typ: types.String, strs: word(9, 8)},
	},
}

var (
	channels  = []string{"Google", "Facebook", "Baidu", "Apple"}
	cities    = []string{"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"}
	states    = []string{"AZ", "CA", "ID", "OR", "WA", "WY"}
	firstName = []string{"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"}
	lastName  = []string{"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"}
)

// nexmarkFields returns the columns of a NEXMark event table.
func nexmarkFields(event string) []types.Field {
	var out []types.Field
	for _, f := range nexmarkTables[event] {
		out = append(out, types.Field{Name: f.name, Type: f.typ})
	}
	return out
}

// nexmarkGen returns the generator of column f in the event's table, or nil when the table
// has no such field or its values do not suit the column's type.
func nexmarkGen(event string, f types.Field, seed uint64) generator {
	for _, nf := range nexmarkTables[event] {
		if !strings.EqualFold(nf.name, f.Name) {
			continue
		}
		h := hasher(seed)
		if nf.ints != nil && types.Storage(f.Type.Kind) != types.StoreAny {
			return &nexInts{f: nf.ints, h: h}
		}
		if nf.strs != nil && f.Type.Kind == types.KindString {
			return &nexStrs{f: nf.strs, h: h}
		}
	}
	return nil
}

type nexInts struct {
	f       func(h hasher, e *event) int64
	h       hasher
	scratch []byte
}

func (g *nexInts) next(b *format.Builder, v *types.Vector, e *event) {
	g.scratch = appendInt(b, v, g.f(g.h, e)*unit(v.Type), g.scratch)
}

type nexStrs struct {
	f       func(h hasher, e *event, dst []byte) []byte
	h       hasher
	scratch []byte
}

func (g *nexStrs) next(b *format.Builder, v *types.Vector, e *event) {
	g.scratch = g.f(g.h, e, g.scratch[:0])
	v.Str = append(v.Str, b.String(g.scratch))
}

// hasher derives deterministic pseudo-random numbers from (seed, event, salt), so that fields
// of one event can agree (an auction's reserve is above its initial bid) across columns.
type hasher uint64

func (h hasher) at(e *event, salt uint64) uint64 {
	x := uint64(h) ^ uint64(e.i)*0x9e3779b97f4a7c15 ^ salt*0xbf58476d1ce4e5b9
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// recent picks one of the n ids so far (from 1000): half the time one of the 10 newest.
func recent(a, b uint64, n int64) int64 {
	if a%2 == 0 {
		return 1000 + n - 1 - int64(b%uint64(min(n, 10)))
	}
	return 1000 + int64(b%uint64(n))
}

// price is a log-uniform price in cents between 1.00 and 1,000,000.00.
func price(x uint64) int64 {
	f := float64(x>>11) / (1 << 53)
	return int64(math.Round(math.Pow(10, f*6) * 100))
}

func pick(salt uint64, list []string) func(h hasher, e *event, dst []byte) []byte {
	return func(h hasher, e *event, dst []byte) []byte {
		return append(dst, list[h.at(e, salt)%uint64(len(list))]...)
	}
}

func word(salt uint64, n int) func(h hasher, e *event, dst []byte) []byte {
	return func(h hasher, e *event, dst []byte) []byte { return appendHashWord(dst, h.at(e, salt), n) }
}

// appendHashWord appends n lower-case letters derived from x.
func appendHashWord(dst []byte, x uint64, n int) []byte {
	for range n {
		x = x*6364136223846793005 + 1442695040888963407
		dst = append(dst, byte('a'+(x>>33)%26))
	}
	return dst
}

func url(h hasher, e *event, dst []byte) []byte {
	dst = append(dst, "https://www.nexmark.com/"...)
	dst = appendHashWord(dst, h.at(e, 8), 5)
	dst = append(dst, '/')
	dst = appendHashWord(dst, h.at(e, 9), 5)
	return append(dst, "/item.htm?query=1"...)
}

func personName(h hasher, e *event, dst []byte) []byte {
	dst = append(dst, firstName[h.at(e, 1)%uint64(len(firstName))]...)
	dst = append(dst, ' ')
	return append(dst, lastName[h.at(e, 2)%uint64(len(lastName))]...)
}

func email(h hasher, e *event, dst []byte) []byte {
	dst = append(dst, strings.ToLower(firstName[h.at(e, 1)%uint64(len(firstName))])...)
	dst = append(dst, '.')
	dst = strconv.AppendInt(dst, 1000+e.i, 10)
	return append(dst, "@nexmark.com"...)
}

func creditCard(h hasher, e *event, dst []byte) []byte {
	x := h.at(e, 3)
	for i := range 4 {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, byte('0'+x%10), byte('0'+x/10%10), byte('0'+x/100%10), byte('0'+x/1000%10))
		x /= 10000
	}
	return dst
}
