package parser

import "strings"

// EditDistance is the optimal-string-alignment Damerau–Levenshtein distance: insertions,
// deletions, substitutions and transpositions of adjacent characters each cost 1.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cur[j] = editStep(ra, rb, i, j, prev2, prev, cur)
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

func editStep(a, b []rune, i, j int, prev2, prev, cur []int) int {
	cost := 1
	if a[i-1] == b[j-1] {
		cost = 0
	}
	d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
	if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
		d = min(d, prev2[j-2]+1)
	}
	return d
}

// closest returns the candidate nearest to word (case-insensitive), if it is close enough to
// be a plausible misspelling: one edit for words of up to three letters, two for longer ones.
func closest(word string, candidates []string) (string, bool) {
	w := strings.ToUpper(word)
	limit := 1
	if len(w) > 3 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		if d := EditDistance(w, strings.ToUpper(c)); d < bestD && d > 0 {
			best, bestD = c, d
		}
	}
	return best, best != ""
}

// didYouMean returns " (did you mean X?)" for a close candidate, else "".
func didYouMean(word string, candidates []string) string {
	if c, ok := closest(word, candidates); ok {
		return " (did you mean " + c + "?)"
	}
	return ""
}
