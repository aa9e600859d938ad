CREATE STREAM words (id INT, s STRING)
  WITH (connector = 'file', path = 'ex06_words.jsonl', format = 'json');

CREATE STREAM likes WITH (connector = 'file', path = 'out/likes.jsonl', format = 'json') AS
  SELECT id, s LIKE 'a%' AS starts_a, s LIKE '%c' AS ends_c, s LIKE '%mid%' AS has_mid, s LIKE 'a_c' AS a_any_c, s LIKE 'a.c' AS a_dot_c, s LIKE 'a*c' AS a_star_c, s LIKE 'A%' AS upper_a, s LIKE '' AS empty_pat, s LIKE '%' AS anything, s LIKE '__' AS two_any, s LIKE 'a%c' AS a_pct_c, s LIKE '100%' AS pct_end, s NOT LIKE 'a%' AS not_starts_a
  FROM words;
