CREATE STREAM ty07_src (id INT, p DECIMAL(12, 2), q DECIMAL(12, 2), r DECIMAL(12, 2))
  WITH (connector = 'file', path = 'ty07_src.jsonl', format = 'json');
CREATE STREAM ty07_tens (g STRING, p DECIMAL(5, 2))
  WITH (connector = 'file', path = 'ty07_tens.jsonl', format = 'json');

CREATE STREAM ty07_out WITH (connector = 'file', path = 'out/ty07_out.jsonl', format = 'json') AS
  SELECT id, p, p + q AS sum_pq, p + q = r AS exact_sum, p - q AS diff, p * q AS prod, p * q * 100 = p * (q * 100) AS assoc
  FROM ty07_src;

CREATE TABLE ty07_sums WITH (connector = 'file', path = 'out/ty07_sums.jsonl', format = 'json') AS
  SELECT g, SUM(p) AS total, SUM(p) * 10 = 10 AS is_one_tenth_times_ten, COUNT(*) AS n
  FROM ty07_tens
  GROUP BY g
  EMIT FINAL;
