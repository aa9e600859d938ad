// Package planner turns parsed Sluice SQL into the physical operator DAG the executor runs.
//
// A Planner (NewSession) keeps the catalog of streams, tables, sinks and queries; Plan binds
// and type-checks each statement of a file, builds a logical plan per query, rewrites it with
// the rules of rules.go (predicate pushdown, column pruning, projection merging) and appends
// its operators to one DAG in which a source read by several queries is a single node.
// PlanFile does all of it for one file. Explain and ExplainDot print a DAG; the EXPLAIN
// statement and the golden files of testdata/ use the same printer.
//
// Choices made where SQL.md is silent (ksqlDB for syntax, Flink for event time):
//   - Integer literals are INT when they fit 32 bits, else BIGINT; literals with a decimal point
//     or an exponent are DOUBLE (Flink would say DECIMAL), so `temp * 1.8 + 32` is float64 math.
//   - Numeric widening only (INT → BIGINT → DECIMAL → DOUBLE); a STRING is never turned into a
//     number implicitly. DECIMAL ± DECIMAL keeps the integer digits and the scale of the wider
//     operand (capped at 18 digits); DECIMAL * DECIMAL adds precisions and scales; division with
//     a DECIMAL operand is DOUBLE division.
//   - A STRING literal compared to a TIMESTAMP or DATE is read at plan time (RFC 3339, or
//     "YYYY-MM-DD[ hh:mm[:ss]]" in UTC); a bad one is a planning error.
//   - GROUP BY takes expressions over the input; a name that is no input column may name a
//     select-list alias (as in PostgreSQL).
//   - A windowed aggregate's output is keyed by its group keys plus window_start and
//     window_end; it carries event time (the executor stamps rows with window_end - 1 ms).
//   - EMIT FINAL without WINDOW or GROUP BY, SELECT DISTINCT, RIGHT/FULL joins and OVER windows
//     are planning errors with a hint, not silent rewrites.
//   - A stream–table join keeps the stream's event time (the table is looked up as of it); a
//     stream–stream join has event time when both sides do.
//   - Sources keep their whole declared schema (NOT NULL checks and error records need it);
//     pruning narrows what flows into joins and what derived tables compute.
//   - INSERT INTO matches the select list to the target's columns by name, widening types;
//     target columns not selected are NULL unless NOT NULL (an error).
//   - TERMINATE stops a query; what it wrote stays readable when it has a connector (read back
//     through it), else it goes away with the query. DROP of an entry another query reads is
//     an error.
//   - Planning is all or nothing per Plan call: on any error the session is left unchanged and
//     every error of the file is returned, one "file:line:col: message" per line.
package planner
