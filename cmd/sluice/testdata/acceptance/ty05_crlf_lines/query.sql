CREATE STREAM ty05_json (id INT, s STRING)
  WITH (connector = 'file', path = 'ty05_src.jsonl', format = 'json');
CREATE STREAM ty05_csv (id INT, s STRING, x DOUBLE)
  WITH (connector = 'file', path = 'ty05_src.csv', format = 'csv');

CREATE STREAM ty05_out_json WITH (connector = 'file', path = 'out/ty05_out_json.jsonl', format = 'json') AS SELECT id, CONCAT(s, '|') AS s FROM ty05_json;
CREATE STREAM ty05_out_csv WITH (connector = 'file', path = 'out/ty05_out_csv.jsonl', format = 'json') AS SELECT id, CONCAT(s, '|') AS s, x * 2 AS x2 FROM ty05_csv;
