CREATE STREAM codes (id INT, s STRING)
  WITH (connector = 'file', path = 'fn04_codes.jsonl', format = 'json');

CREATE STREAM regex_out WITH (connector = 'file', path = 'out/regex_out.jsonl', format = 'json') AS
  SELECT id, REGEXP_EXTRACT(s, '[0-9]+') AS digits, REGEXP_EXTRACT(s, '([a-z]+)-([0-9]+)', 0) AS whole,
         REGEXP_EXTRACT(s, '([a-z]+)-([0-9]+)', 1) AS word, REGEXP_EXTRACT(s, '([a-z]+)-([0-9]+)', 2) AS num,
         REGEXP_MATCHES(s, '^[a-z]+-[0-9]+$') AS is_pair, REGEXP_MATCHES(s, '^[A-Z]+[0-9]*$') AS is_upper
  FROM codes;
