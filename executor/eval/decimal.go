package eval

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// DECIMAL(p,s) values are unscaled int64s (12.34 in DECIMAL(5,2) is 1234). These helpers rescale
// and round them; every operation reports ok=false instead of overflowing, and the kernels turn
// that into NULL. Rounding is half away from zero everywhere (ROUND, CAST, rescaling down).

var pow10tab = func() [19]int64 {
	var t [19]int64
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

// pow10 returns 10^n for 0 <= n <= 18.
func pow10(n int) (int64, bool) {
	if n < 0 || n >= len(pow10tab) {
		return 0, false
	}
	return pow10tab[n], true
}

// mulOK multiplies without overflow.
func mulOK(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(a), uabs(b))
	return signed(hi, lo, (a < 0) != (b < 0))
}

func uabs(a int64) uint64 {
	if a < 0 {
		return uint64(-a)
	}
	return uint64(a)
}

// signed turns a 128-bit magnitude and a sign into an int64 when it fits.
func signed(hi, lo uint64, neg bool) (int64, bool) {
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return -int64(lo), true
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

// divRound divides a by d (> 0), rounding half away from zero.
func divRound(a, d int64) int64 {
	q, r := a/d, a%d
	if r < 0 {
		r = -r
	}
	if uint64(r)*2 >= uint64(d) {
		if a < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

// rescale changes the scale of an unscaled value from s to t digits.
func rescale(v int64, s, t int) (int64, bool) {
	switch {
	case t == s:
		return v, true
	case t > s:
		p, ok := pow10(t - s)
		if !ok {
			return 0, v == 0
		}
		return mulOK(v, p)
	}
	p, ok := pow10(s - t)
	if !ok {
		return 0, true
	}
	return divRound(v, p), true
}

// mulDivRound computes a*b/d rounded half away from zero with a 128-bit intermediate
// (d > 0), so that DECIMAL products may exceed int64 before they are scaled down.
func mulDivRound(a, b, d int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(a), uabs(b))
	neg := (a < 0) != (b < 0)
	if hi >= uint64(d) {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, uint64(d))
	if r >= uint64(d)-r {
		q++
	}
	if q == 0 && r == 0 {
		neg = false
	}
	return signed(0, q, neg)
}

// fitsPrecision reports whether an unscaled value has at most p digits (p <= 0 means 18).
func fitsPrecision(v int64, p int) bool {
	if p <= 0 || p > 18 {
		return true
	}
	lim := pow10tab[p]
	return v < lim && v > -lim
}

// decToFloat converts an unscaled decimal to float64.
func decToFloat(v int64, s int) float64 {
	if s == 0 {
		return float64(v)
	}
	return float64(v) / math.Pow10(s)
}

// floatToDec converts f to an unscaled decimal with s digits, rounding half away from zero.
func floatToDec(f float64, s int) (int64, bool) {
	x := math.Round(f * math.Pow10(s))
	if math.IsNaN(x) || x >= 9.223372036854775e18 || x <= -9.223372036854775e18 {
		return 0, false
	}
	return int64(x), true
}

// formatDecimal prints an unscaled decimal with exactly s fractional digits.
func formatDecimal(v int64, s int) string {
	if s <= 0 {
		return strconv.FormatInt(v, 10)
	}
	neg := v < 0
	digits := strconv.FormatUint(uabs(v), 10)
	if len(digits) <= s {
		digits = strings.Repeat("0", s-len(digits)+1) + digits
	}
	out := digits[:len(digits)-s] + "." + digits[len(digits)-s:]
	if neg {
		return "-" + out
	}
	return out
}

// parseDecimal reads a decimal literal ("-12.345", "1e3", " 7 ") into an unscaled value with s
// digits, rounding half away from zero. Anything else reports ok=false.
func parseDecimal(str string, s int) (int64, bool) {
	str = strings.TrimSpace(str)
	mant, exp := str, 0
	if i := strings.IndexAny(str, "eE"); i >= 0 {
		e, err := strconv.Atoi(str[i+1:])
		if err != nil || e > 40 || e < -40 {
			return 0, false
		}
		mant, exp = str[:i], e
	}
	neg := false
	if mant != "" && (mant[0] == '-' || mant[0] == '+') {
		neg, mant = mant[0] == '-', mant[1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" || !allDigits(intPart) || !allDigits(frac) {
		return 0, false
	}
	return scaleDigits(intPart+frac, len(frac)-exp, s, neg)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// scaleDigits turns the digit string of value digits×10^-have into an unscaled value with
// want digits.
func scaleDigits(digits string, have, want int, neg bool) (int64, bool) {
	digits = strings.TrimLeft(digits, "0")
	round := false
	if drop := have - want; drop > 0 {
		if drop > len(digits) {
			digits = ""
		} else {
			round = digits[len(digits)-drop] >= '5'
			digits = digits[:len(digits)-drop]
		}
	} else {
		digits += strings.Repeat("0", -drop)
	}
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > 18 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		v = v*10 + int64(digits[i]-'0')
	}
	if round {
		v++
	}
	if neg {
		v = -v
	}
	return v, true
}
