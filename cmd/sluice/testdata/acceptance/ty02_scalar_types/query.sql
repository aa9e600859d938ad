CREATE STREAM ty02_src (id INT, flag BOOLEAN, big BIGINT, price DECIMAL(10, 2), birthday DATE, ts TIMESTAMP)
  WITH (connector = 'file', path = 'ty02_src.jsonl', format = 'json');

CREATE STREAM ty02_out WITH (connector = 'file', path = 'out/ty02_out.jsonl', format = 'json') AS
  SELECT id, flag, NOT flag AS not_flag, big, big + 1 AS big_next, price, price * 2 AS price2, birthday,
         CAST(ts AS DATE) AS ts_day
  FROM ty02_src;
