CREATE STREAM ex10_src (id INT, ts TIMESTAMP, lo BIGINT, hi BIGINT)
  WITH (connector = 'file', path = 'ex10_src.jsonl', format = 'json');

CREATE STREAM ex10_out WITH (connector = 'file', path = 'out/ex10_out.jsonl', format = 'json') AS
  SELECT id, ts > FROM_UNIXTIME(lo) AS after_lo, ts = FROM_UNIXTIME(hi) AS at_hi,
         ts BETWEEN FROM_UNIXTIME(lo) AND FROM_UNIXTIME(hi) AS inside, TO_UNIXTIME(ts) - lo AS since_lo
  FROM ex10_src;

CREATE STREAM ex10_before WITH (connector = 'file', path = 'out/ex10_before.jsonl', format = 'json') AS
  SELECT id FROM ex10_src WHERE ts < FROM_UNIXTIME(1775044800000);
