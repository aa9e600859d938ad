package planner

import (
	"strings"

	"github.com/sluicedata/sluice/parser"
)

// closest returns the candidate nearest to name by edit distance (case-insensitive), or "" when
// none is near enough to be a plausible misspelling: at most a third of the name's length, and
// at least one edit allowed for names of three characters or more.
func closest(name string, candidates []string) string {
	name = strings.ToLower(name)
	best, bestD := "", maxDistance(name)+1
	for _, c := range candidates {
		if d := parser.EditDistance(name, strings.ToLower(c)); d < bestD {
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
