CREATE STREAM d03_orders (id STRING, amount DOUBLE, seq INT)
  WITH (connector = 'file', path = 'd03_orders.jsonl', format = 'json');

CREATE STREAM d03_unique WITH (connector = 'file', path = 'out/d03_unique.jsonl', format = 'json') AS
  SELECT id, amount, seq FROM d03_orders WHERE amount > 10 DEDUPLICATE BY id;
