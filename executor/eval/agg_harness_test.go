package eval

import "testing"

func runAgg(t *testing.T, in *testInput) string { return "" }
