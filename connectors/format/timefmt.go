package format

import "github.com/sluicedata/sluice/types"

const msPerDay = 86400000

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian date.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + era*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func daysIn(y, m int64) int64 {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// num reads n digits of b at i.
func num(b []byte, i, n int) (int64, bool) {
	if i+n > len(b) {
		return 0, false
	}
	var v int64
	for _, c := range b[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// parseDate parses YYYY-MM-DD into days since the epoch.
func parseDate(b []byte) (int64, bool) {
	if len(b) != 10 {
		return 0, false
	}
	return parseDatePrefix(b)
}

func parseDatePrefix(b []byte) (int64, bool) {
	y, ok1 := num(b, 0, 4)
	m, ok2 := num(b, 5, 2)
	d, ok3 := num(b, 8, 2)
	if !ok1 || !ok2 || !ok3 || b[4] != '-' || b[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

// parseTimestamp parses RFC 3339 ("2026-11-25T10:00:00.123Z", "…+02:00"), also with a space
// instead of T, without a zone (UTC), or a date alone (midnight UTC), into epoch ms. Digits
// beyond milliseconds are truncated.
func parseTimestamp(b []byte) (int64, bool) {
	days, ok := parseDatePrefix(b)
	if !ok {
		return 0, false
	}
	if len(b) == 10 {
		return days * msPerDay, true
	}
	if len(b) < 19 || (b[10] != 'T' && b[10] != 't' && b[10] != ' ') {
		return 0, false
	}
	ms, ok := parseClock(b[11:19])
	if !ok {
		return 0, false
	}
	frac, rest := parseFraction(b[19:])
	off, ok := parseZone(rest)
	return days*msPerDay + ms + frac - off, ok
}

// parseClock parses HH:MM:SS into ms.
func parseClock(b []byte) (int64, bool) {
	h, ok1 := num(b, 0, 2)
	mi, ok2 := num(b, 3, 2)
	s, ok3 := num(b, 6, 2)
	if !ok1 || !ok2 || !ok3 || b[2] != ':' || b[5] != ':' || h > 23 || mi > 59 || s > 59 {
		return 0, false
	}
	return ((h*60+mi)*60 + s) * 1000, true
}

// parseFraction parses ".ddd…" into ms and returns the rest.
func parseFraction(b []byte) (int64, []byte) {
	if len(b) < 2 || b[0] != '.' {
		return 0, b
	}
	i, ms := 1, int64(0)
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if i <= 3 {
			ms = ms*10 + int64(b[i]-'0')
		}
	}
	if i == 1 {
		return 0, b
	}
	for k := i; k <= 3; k++ {
		ms *= 10
	}
	return ms, b[i:]
}

// parseZone parses "", "Z" or "±HH:MM" ("±HHMM") into an offset in ms.
func parseZone(b []byte) (int64, bool) {
	if len(b) == 0 {
		return 0, true
	}
	if len(b) == 1 && (b[0] == 'Z' || b[0] == 'z') {
		return 0, true
	}
	if b[0] != '+' && b[0] != '-' {
		return 0, false
	}
	h, ok1 := num(b, 1, 2)
	mpos := 3
	if len(b) == 6 && b[3] == ':' {
		mpos = 4
	} else if len(b) != 5 {
		return 0, false
	}
	m, ok2 := num(b, mpos, 2)
	if !ok1 || !ok2 || h > 23 || m > 59 {
		return 0, false
	}
	off := (h*60 + m) * 60000
	if b[0] == '-' {
		off = -off
	}
	return off, true
}

// AppendTimestamp appends epoch ms as RFC 3339 UTC with milliseconds, without quotes.
func AppendTimestamp(dst []byte, ms int64) []byte {
	days, rem := floorDiv(ms, msPerDay), ms-floorDiv(ms, msPerDay)*msPerDay
	y, _, _ := civilFromDays(days)
	if y < 0 || y > 9999 {
		return append(dst, types.FormatTimestamp(ms)...)
	}
	dst = AppendDate(dst, days)
	dst = append(dst, 'T')
	dst = append2(dst, rem/3600000)
	dst = append(dst, ':')
	dst = append2(dst, rem/60000%60)
	dst = append(dst, ':')
	dst = append2(dst, rem/1000%60)
	dst = append(dst, '.')
	dst = append(dst, byte('0'+rem%1000/100), byte('0'+rem%100/10), byte('0'+rem%10))
	return append(dst, 'Z')
}

// AppendDate appends epoch days as YYYY-MM-DD, without quotes.
func AppendDate(dst []byte, days int64) []byte {
	y, m, d := civilFromDays(days)
	if y < 0 || y > 9999 {
		return append(dst, types.FormatDate(days)...)
	}
	dst = append2(dst, y/100)
	dst = append2(dst, y%100)
	dst = append(dst, '-')
	dst = append2(dst, m)
	dst = append(dst, '-')
	return append2(dst, d)
}

func append2(dst []byte, v int64) []byte {
	return append(dst, byte('0'+v/10), byte('0'+v%10))
}
