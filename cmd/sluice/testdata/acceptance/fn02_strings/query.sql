CREATE STREAM strs (id INT, s STRING)
  WITH (connector = 'file', path = 'fn02_strs.jsonl', format = 'json');

CREATE STREAM str_out WITH (connector = 'file', path = 'out/str_out.jsonl', format = 'json') AS
  SELECT id, UPPER(s) AS up, LOWER(s) AS low, TRIM(s) AS trimmed, LENGTH(s) AS len,
         LENGTH(TRIM(s)) AS len_trimmed, SUBSTRING(s, 2, 3) AS sub_2_3, SUBSTRING(s, 3) AS sub_from_3,
         SUBSTRING(s, 1, 1) AS first_char, SUBSTRING(s, 4, 100) AS sub_long,
         CONCAT('<', COALESCE(s, 'null'), '>') AS wrapped, CONCAT(UPPER(COALESCE(s, '')), '|', LOWER(COALESCE(s, ''))) AS up_low,
         REPLACE(s, 'l', 'L') AS repl, REPLACE(s, 'o', '') AS no_o
  FROM strs;
