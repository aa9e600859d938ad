CREATE STREAM err05_a (id INT, v INT)
  WITH (connector = 'file', path = 'err05_a.jsonl', format = 'json', error_sink = 'file://errors/shared/');
CREATE STREAM err05_b (id INT, v INT)
  WITH (connector = 'file', path = 'err05_b.jsonl', format = 'json', error_sink = 'file://errors/shared/');

CREATE STREAM err05_out_a WITH (connector = 'file', path = 'out/err05_out_a.jsonl', format = 'json') AS SELECT id, v FROM err05_a;
CREATE STREAM err05_out_b WITH (connector = 'file', path = 'out/err05_out_b.jsonl', format = 'json') AS SELECT id, v FROM err05_b;
