CREATE STREAM tv (id INT, a INT, b INT, s STRING, t STRING, p BOOLEAN, q BOOLEAN)
  WITH (connector = 'file', path = 'ex04_tv.jsonl', format = 'json');

CREATE STREAM cmp WITH (connector = 'file', path = 'out/cmp.jsonl', format = 'json') AS
  SELECT id, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge,
         s < t AS s_lt, s = t AS s_eq, s >= t AS s_ge
  FROM tv;

CREATE STREAM logic WITH (connector = 'file', path = 'out/logic.jsonl', format = 'json') AS
  SELECT id, p AND q AS p_and_q, p OR q AS p_or_q, NOT p AS not_p, p OR q AND NOT p AS prec,
         NOT (p AND q) AS not_and, a > b AND p AS cmp_and_p, p = TRUE AS p_is_true
  FROM tv;

CREATE STREAM kept_not_gt WITH (connector = 'file', path = 'out/kept_not_gt.jsonl', format = 'json') AS
  SELECT id FROM tv WHERE NOT (a > b);

CREATE STREAM kept_or WITH (connector = 'file', path = 'out/kept_or.jsonl', format = 'json') AS
  SELECT id FROM tv WHERE p OR q;
