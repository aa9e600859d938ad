CREATE STREAM lx05_src (id INT, name STRING)
  WITH (connector = 'file', path = 'lx05_it''s.jsonl', format = 'json', error_sink = 'file://errors/o''neil/');

CREATE STREAM lx05_out WITH (connector = 'file', path = 'out/lx05_out.jsonl', format = 'json') AS
  SELECT id, name, name LIKE '%''%' AS has_quote, REPLACE(name, '''', '"') AS dq, CONCAT(COALESCE(name, '?'), '''s') AS poss,
         '''' AS one, '''''' AS two, 'a''''b' AS a2b, '' AS empty
  FROM lx05_src
  WHERE name <> 'x' OR name IS NULL;

CREATE STREAM lx05_exact WITH (connector = 'file', path = 'out/lx05_exact.jsonl', format = 'json') AS
  SELECT id FROM lx05_src WHERE name = 'O''Brien' OR name = 'it''''s' OR name = '''quoted''';
