package connectors

import "strings"

// Suggest returns the candidate closest to word by edit distance (case-insensitive, a swap of
// two adjacent letters counting as one edit), or "" when none is close: at most 1 edit for
// words of up to 4 letters, 2 for longer ones, and always fewer edits than the word's length.
// Ties go to the earliest candidate.
func Suggest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", maxEdits(len(w))+1
	for _, c := range candidates {
		if d := editDistance(w, strings.ToLower(c)); d < bestD && d < len(w) {
			best, bestD = c, d
		}
	}
	return best
}

func maxEdits(n int) int {
	if n <= 4 {
		return 1
	}
	return 2
}

// editDistance is the optimal-string-alignment distance between a and b (bytes).
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cur[j] = editStep(a, b, i, j, prev2, prev, cur)
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func editStep(a, b string, i, j int, prev2, prev, cur []int) int {
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
