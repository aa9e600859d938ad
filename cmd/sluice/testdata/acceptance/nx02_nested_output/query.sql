CREATE STREAM nx_events (
  id       STRING,
  customer STRUCT<name STRING, address STRUCT<city STRING, zip STRING>>,
  attrs    MAP<STRING, STRING>,
  scores   ARRAY<INT>,
  items    ARRAY<STRUCT<sku STRING, qty INT>>
) WITH (connector = 'file', path = 'nx_events.jsonl', format = 'json');

CREATE STREAM nx02_out WITH (connector = 'file', path = 'out/nx02_out.jsonl', format = 'json') AS
  SELECT id, scores, customer, attrs, SPLIT(CONCAT(id, '-x-y'), '-') AS parts
  FROM nx_events
  WHERE id IN ('n1', 'n2', 'n5');
