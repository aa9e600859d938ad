package planner

// A rule rewrites a query's logical plan into an equivalent, cheaper one. Rules run once each,
// in the order of this list; each lives in its own rule_*.go file.
type rule struct {
	name  string
	apply func(lnode) lnode
}

var rules = []rule{
	{"push_filters", pushFilters},                       // WHERE moves below projections, into join sides and below GROUP BY keys
	{"prune_columns", pruneColumns},                     // columns nobody reads are not computed or carried into joins
	{"merge_projections", mergeProjects},                // a projection over a projection becomes one
	{"drop_identity_projections", dropIdentityProjects}, // SELECT * of a derived table costs nothing
}

// optimize applies every rule in order.
func optimize(n lnode) lnode {
	for _, r := range rules {
		n = r.apply(n)
	}
	return n
}

// RuleNames lists the rewrite rules in the order they run.
func RuleNames() []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.name
	}
	return out
}

// transformUp applies f to every node bottom-up.
func transformUp(n lnode, f func(lnode) lnode) lnode {
	kids := n.children()
	if len(kids) > 0 {
		nk := make([]lnode, len(kids))
		changed := false
		for i, k := range kids {
			nk[i] = transformUp(k, f)
			changed = changed || nk[i] != k
		}
		if changed {
			n = n.with(nk)
		}
	}
	return f(n)
}
