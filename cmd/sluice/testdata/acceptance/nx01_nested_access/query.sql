CREATE STREAM nx_events (
  id       STRING,
  customer STRUCT<name STRING, address STRUCT<city STRING, zip STRING>>,
  attrs    MAP<STRING, STRING>,
  scores   ARRAY<INT>,
  items    ARRAY<STRUCT<sku STRING, qty INT>>
) WITH (connector = 'file', path = 'nx_events.jsonl', format = 'json');

CREATE STREAM nx01_out WITH (connector = 'file', path = 'out/nx01_out.jsonl', format = 'json') AS
  SELECT id, customer.name AS name, customer.address.city AS city, attrs['color'] AS color,
         scores[1] AS first_score, scores[3] AS third_score, items[1].sku AS first_sku, items[2].qty AS second_qty
  FROM nx_events;
