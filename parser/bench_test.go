package parser

import (
	"strings"
	"testing"
)

var benchStatements = []string{
	`CREATE STREAM orders (event_id STRING NOT NULL, customer_id STRING, amount DOUBLE, country STRING,
  ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'data/orders.jsonl', format = 'json', error_sink = 'file://errors/orders/')`,
	`CREATE STREAM big_orders AS SELECT event_id, customer_id, amount * 100 AS cents, UPPER(country) AS country, ts
  FROM orders WHERE amount > 10 DEDUPLICATE BY event_id WITHIN INTERVAL '1' HOUR`,
	`CREATE TABLE revenue WITH (connector = 'file', path = 'out/revenue.jsonl', format = 'json') AS
  SELECT country, window_start, window_end, COUNT(*) AS orders, SUM(amount) AS revenue FROM big_orders
  WINDOW TUMBLING (SIZE 10 SECONDS, GRACE PERIOD 2 SECONDS) GROUP BY country EMIT FINAL`,
	`SELECT o.event_id, c.name, CASE WHEN o.amount > 100 THEN 'big' ELSE 'small' END AS size
  FROM orders o LEFT JOIN customers c ON o.customer_id = c.id WHERE c.region IN ('eu', 'us') LIMIT 10`,
	`CREATE SINK lake FROM big_orders WITH (connector = 's3', path = 's3://processed/orders/', format = 'parquet')`,
}

// BenchmarkParse1000 parses a file of 1,000 statements (a mix of DDL, queries and sinks).
func BenchmarkParse1000(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		sb.WriteString(benchStatements[i%len(benchStatements)] + ";\n")
	}
	src := sb.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := Parse("bench.sql", src)
		if err != nil || len(f.Statements) != 1000 {
			b.Fatalf("parse failed: %v", err)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "stmts/s")
}
