package format

import (
	"math"
	"strconv"
	"unsafe"
)

// bstr views b as a string without copying; the string must not outlive b's next change.
func bstr(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// parseInt parses an optionally signed run of decimal digits into an int64.
func parseInt(tok []byte) (int64, bool) {
	neg := len(tok) > 0 && tok[0] == '-'
	if neg || len(tok) > 0 && tok[0] == '+' {
		tok = tok[1:]
	}
	if len(tok) == 0 || len(tok) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range tok {
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	if neg {
		return -int64(u), u <= 1<<63
	}
	return int64(u), u < 1<<63
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseFloat parses a decimal number. Numbers of at most 15 significant digits and a small
// exponent take the exact fast path (Clinger); others go through strconv.
func parseFloat(tok []byte) (float64, bool) {
	if f, ok := fastFloat(tok); ok {
		return f, true
	}
	f, err := strconv.ParseFloat(bstr(tok), 64)
	return f, err == nil && !math.IsInf(f, 0)
}

func fastFloat(tok []byte) (float64, bool) {
	i, neg := 0, false
	if len(tok) > 0 && (tok[0] == '-' || tok[0] == '+') {
		neg, i = tok[0] == '-', 1
	}
	var m uint64
	nd, exp, start := 0, 0, i
	for ; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= '0' && c <= '9':
			m, nd = m*10+uint64(c-'0'), nd+1
		case c == '.' && exp == 0:
			exp = len(tok) - i - 1
		default:
			return 0, false
		}
	}
	if nd == 0 || nd > 15 || i == start {
		return 0, false
	}
	f := float64(m) / pow10[exp] // exp <= 15 digits after the point
	if neg {
		f = -f
	}
	return f, true
}

// parseIntegral parses a number token as a whole number: a plain integer, or a number with a
// fraction or exponent whose value is integral (12.0, 1e3).
func parseIntegral(tok []byte, integral bool) (int64, bool) {
	if integral {
		return parseInt(tok)
	}
	f, ok := parseFloat(tok)
	if !ok || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		return 0, false
	}
	return int64(f), true
}

// parseDecimal parses a decimal number (optionally with an exponent) into the unscaled value of
// DECIMAL(p,s), rounding half away from zero beyond s fraction digits. It reports a message
// when the text is not a number or does not fit p.
func parseDecimal(tok []byte, p, s int) (int64, string) {
	d, ok := splitDecimal(tok)
	if !ok {
		return 0, "not a number"
	}
	return d.scale(p, s)
}

// decimalDigits is a number as significant digits with the decimal point after dp of them.
type decimalDigits struct {
	neg    bool
	digits []byte // without leading zeros
	dp     int
}

func splitDecimal(tok []byte) (decimalDigits, bool) {
	var d decimalDigits
	i := 0
	if len(tok) > 0 && (tok[0] == '-' || tok[0] == '+') {
		d.neg, i = tok[0] == '-', 1
	}
	sawPoint, nd := false, 0
	for ; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= '0' && c <= '9':
			nd++
			d.addDigit(c, sawPoint)
		case c == '.' && !sawPoint:
			sawPoint = true
		case c == 'e' || c == 'E':
			e, ok := parseInt(tok[i+1:])
			if !ok || e > 1000 || e < -1000 {
				return d, false
			}
			d.dp += int(e)
			return d, nd > 0
		default:
			return d, false
		}
	}
	return d, nd > 0
}

func (d *decimalDigits) addDigit(c byte, fraction bool) {
	if c == '0' && len(d.digits) == 0 {
		if fraction {
			d.dp--
		}
		return
	}
	d.digits = append(d.digits, c)
	if !fraction {
		d.dp++
	}
}

func (d decimalDigits) scale(p, s int) (int64, string) {
	p = min(max(p, 1), 18)
	if d.dp > p-s && len(d.digits) > 0 {
		return 0, "does not fit DECIMAL(" + strconv.Itoa(p) + "," + strconv.Itoa(s) + ")"
	}
	var u int64
	for k := 0; k < d.dp+s; k++ {
		u *= 10
		if k >= 0 && k < len(d.digits) {
			u += int64(d.digits[k] - '0')
		}
	}
	if r := d.dp + s; r >= 0 && r < len(d.digits) && d.digits[r] >= '5' {
		u++
	}
	if u >= decimalLimit[p] {
		return 0, "does not fit DECIMAL(" + strconv.Itoa(p) + "," + strconv.Itoa(s) + ")"
	}
	if d.neg {
		u = -u
	}
	return u, ""
}

// decimalLimit[p] is 10^p: the smallest unscaled value that does not fit precision p.
var decimalLimit = func() (l [19]int64) {
	l[0] = 1
	for i := 1; i < len(l); i++ {
		l[i] = l[i-1] * 10
	}
	return l
}()
