package planner

import "strings"

// closest returns the candidate nearest to name by edit distance (case-insensitive), or "" when
// none is near enough to be a plausible misspelling: at most a third of the name's length, and
// at least one edit allowed for names of three characters or more.
func closest(name string, candidates []string) string {
	name = strings.ToLower(name)
	best, bestD := "", maxDistance(name)+1
	for _, c := range candidates {
		if d := editDistance(name, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func maxDistance(name string) int {
	n := len(name) / 3
	if n < 1 && len(name) >= 3 {
		n = 1
	}
	if n > 3 {
		n = 3
	}
	return n
}

// didYouMean formats a suggestion suffix for error messages.
func didYouMean(name string, candidates []string) string {
	if c := closest(name, candidates); c != "" {
		return " (did you mean " + c + "?)"
	}
	return ""
}

// editDistance is the Damerau–Levenshtein distance (optimal string alignment) of a and b.
func editDistance(a, b string) int {
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
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
