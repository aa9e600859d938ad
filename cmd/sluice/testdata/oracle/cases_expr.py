"""Cases on expressions: arithmetic, comparison and logic, NULL predicates, LIKE, CASE, CAST,
COALESCE and NULLIF. Each oracle evaluates the select list of its query in Python, row by row,
following SQL.md "Types" and "Expressions and functions"."""
import operator as op

from sqlo import (Case, add, and3, between3, case, cmp3, fdiv, idiv, imod, in3, jlines, keep,
                  like, mul, not3, or3, sub)


def sink(name):
    return "WITH (connector = 'file', path = 'out/%s.jsonl', format = 'json')" % name


@case("ex01_int_arith")
def ex01():
    """Integer + - * / % on INT and BIGINT: / truncates toward zero (7 / 2 = 3, -7 / 2 = -3),
    % takes the sign of the dividend, precedence and left associativity."""
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (1, 3), (-1, 3), (0, 5), (9, 3), (-9, 3),
             (100, 7), (-100, 7), (2, -9), (13, 13), (-13, 4), (None, 3), (3, None), (46341, 46340)]
    rows = []
    for i, (a, b) in enumerate(pairs, 1):
        c = None if a is None else 10_000_000_000 + a  # needs BIGINT
        rows.append({"id": i, "a": a, "b": b, "c": c})
    q = """
CREATE STREAM ints (id INT, a INT, b INT, c BIGINT)
  WITH (connector = 'file', path = 'ex01_ints.jsonl', format = 'json');

CREATE STREAM int_arith %s AS
  SELECT id, a + b AS plus, a - b AS minus, a * b AS times, a / b AS quot, a %% b AS rem,
         -a AS neg, c / b AS big_quot, c %% b AS big_rem, c + a * b AS big_mix,
         a + b * 2 - 1 AS prec1, (a + b) * 2 AS prec2, a - b - 1 AS left_sub,
         100 / b / 2 AS left_div, a * b %% 5 AS mul_rem
  FROM ints;
""" % sink("int_arith")
    out = []
    for r in rows:
        a, b, c = r["a"], r["b"], r["c"]
        out.append({
            "id": r["id"], "plus": add(a, b), "minus": sub(a, b), "times": mul(a, b),
            "quot": idiv(a, b), "rem": imod(a, b), "neg": None if a is None else -a,
            "big_quot": idiv(c, b), "big_rem": imod(c, b), "big_mix": add(c, mul(a, b)),
            "prec1": sub(add(a, mul(b, 2)), 1), "prec2": mul(add(a, b), 2),
            "left_sub": sub(sub(a, b), 1), "left_div": idiv(idiv(100, b), 2),
            "mul_rem": imod(mul(a, b), 5),
        })
    return Case(q, {"ex01_ints.jsonl": jlines(rows)}, {"int_arith": out})


@case("ex02_div_by_zero")
def ex02():
    """Division by zero yields NULL, never a crash: INT / 0, INT % 0, MOD(x, 0), DOUBLE / 0.0,
    DOUBLE / -0.0, a literal / 0 (SQL.md Types: "division by zero yields NULL")."""
    data = [(5, 0, 1.5, 0.0), (0, 0, 0.0, 0.0), (-5, 0, -2.5, -0.0), (6, 3, 3.0, 2.0),
            (None, 0, None, 0.0), (5, None, 1.0, None), (-8, 3, -1.0, 4.0)]
    rows = [{"id": i, "a": a, "b": b, "x": x, "y": y} for i, (a, b, x, y) in enumerate(data, 1)]
    q = """
CREATE STREAM divs (id INT, a INT, b INT, x DOUBLE, y DOUBLE)
  WITH (connector = 'file', path = 'ex02_divs.jsonl', format = 'json');

CREATE STREAM div_zero %s AS
  SELECT id, a / b AS int_div, a %% b AS int_rem, MOD(a, b) AS int_mod, x / y AS dbl_div,
         a / y AS int_by_dbl, x / b AS dbl_by_int, a / 0 AS by_lit_zero, x / 0.0 AS dbl_by_lit
  FROM divs;
""" % sink("div_zero")
    out = []
    for r in rows:
        a, b, x, y = r["a"], r["b"], r["x"], r["y"]
        out.append({"id": r["id"], "int_div": idiv(a, b), "int_rem": imod(a, b), "int_mod": imod(a, b),
                    "dbl_div": fdiv(x, y), "int_by_dbl": fdiv(a, y), "dbl_by_int": fdiv(x, b),
                    "by_lit_zero": idiv(a, 0), "dbl_by_lit": fdiv(x, 0.0)})
    return Case(q, {"ex02_divs.jsonl": jlines(rows)}, {"div_zero": out})


@case("ex03_double_arith")
def ex03():
    """DOUBLE arithmetic and mixed INT/DOUBLE: any DOUBLE operand makes / a real division."""
    data = [(1.5, 0.25, 7), (-2.75, 4.0, -7), (0.1, 0.2, 3), (1e10, -3.5, 1), (-0.5, -0.125, 0),
            (100.0, 3.0, 10), (None, 2.0, 5), (2.5, None, None)]
    rows = [{"id": i, "x": x, "y": y, "n": n} for i, (x, y, n) in enumerate(data, 1)]
    q = """
CREATE STREAM dbls (id INT, x DOUBLE, y DOUBLE, n INT)
  WITH (connector = 'file', path = 'ex03_dbls.jsonl', format = 'json');

CREATE STREAM dbl_arith %s AS
  SELECT id, x + y AS plus, x - y AS minus, x * y AS times, x / y AS quot, -x AS neg,
         x + n AS x_plus_n, n * 1.5 AS n_times, n / 2.0 AS n_half, CAST(n AS DOUBLE) / 4 AS n_quarter,
         n / 4 AS n_int_quarter, x * 2 + y / 2 AS mix
  FROM dbls;
""" % sink("dbl_arith")
    out = []
    for r in rows:
        x, y, n = r["x"], r["y"], r["n"]
        out.append({"id": r["id"], "plus": add(x, y), "minus": sub(x, y), "times": mul(x, y),
                    "quot": fdiv(x, y), "neg": None if x is None else -x,
                    "x_plus_n": add(x, n), "n_times": mul(n, 1.5), "n_half": fdiv(n, 2.0),
                    "n_quarter": fdiv(n, 4), "n_int_quarter": idiv(n, 4),
                    "mix": add(mul(x, 2), fdiv(y, 2))})
    return Case(q, {"ex03_dbls.jsonl": jlines(rows)}, {"dbl_arith": out})


@case("ex04_compare_3vl")
def ex04():
    """Comparisons and AND/OR/NOT under three-valued logic (NULL compares to NULL), and WHERE
    keeping only TRUE rows."""
    bools = [True, False, None]
    nums = [(1, 2), (2, 2), (3, 2), (None, 2), (2, None), (None, None), (-1, -5), (0, 0), (5, 9)]
    strs = [("apple", "banana"), ("pear", "pear"), ("zoo", "yak"), (None, "a"), ("b", None),
            ("ab", "abc"), ("abc", "ab"), ("", "a"), ("same", "same")]
    rows = []
    i = 0
    for p in bools:
        for qv in bools:
            a, b = nums[i]
            s, t = strs[i]
            i += 1
            rows.append({"id": i, "a": a, "b": b, "s": s, "t": t, "p": p, "q": qv})
    q = """
CREATE STREAM tv (id INT, a INT, b INT, s STRING, t STRING, p BOOLEAN, q BOOLEAN)
  WITH (connector = 'file', path = 'ex04_tv.jsonl', format = 'json');

CREATE STREAM cmp %s AS
  SELECT id, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge,
         s < t AS s_lt, s = t AS s_eq, s >= t AS s_ge
  FROM tv;

CREATE STREAM logic %s AS
  SELECT id, p AND q AS p_and_q, p OR q AS p_or_q, NOT p AS not_p, p OR q AND NOT p AS prec,
         NOT (p AND q) AS not_and, a > b AND p AS cmp_and_p, p = TRUE AS p_is_true
  FROM tv;

CREATE STREAM kept_not_gt %s AS
  SELECT id FROM tv WHERE NOT (a > b);

CREATE STREAM kept_or %s AS
  SELECT id FROM tv WHERE p OR q;
""" % (sink("cmp"), sink("logic"), sink("kept_not_gt"), sink("kept_or"))
    cmp, logic, kn, ko = [], [], [], []
    for r in rows:
        a, b, s, t, p, qv = r["a"], r["b"], r["s"], r["t"], r["p"], r["q"]
        cmp.append({"id": r["id"], "eq": cmp3(op.eq, a, b), "ne": cmp3(op.ne, a, b),
                    "lt": cmp3(op.lt, a, b), "le": cmp3(op.le, a, b), "gt": cmp3(op.gt, a, b),
                    "ge": cmp3(op.ge, a, b), "s_lt": cmp3(op.lt, s, t), "s_eq": cmp3(op.eq, s, t),
                    "s_ge": cmp3(op.ge, s, t)})
        logic.append({"id": r["id"], "p_and_q": and3(p, qv), "p_or_q": or3(p, qv), "not_p": not3(p),
                      "prec": or3(p, and3(qv, not3(p))), "not_and": not3(and3(p, qv)),
                      "cmp_and_p": and3(cmp3(op.gt, a, b), p), "p_is_true": cmp3(op.eq, p, True)})
        if keep(not3(cmp3(op.gt, a, b))):
            kn.append({"id": r["id"]})
        if keep(or3(p, qv)):
            ko.append({"id": r["id"]})
    return Case(q, {"ex04_tv.jsonl": jlines(rows)},
                {"cmp": cmp, "logic": logic, "kept_not_gt": kn, "kept_or": ko})


@case("ex05_null_in_between")
def ex05():
    """IS [NOT] NULL, IN and NOT IN (with a NULL in the list), BETWEEN (inclusive, and with the
    bounds reversed or NULL)."""
    data = [(1, 0, 5, "x"), (2, 2, 2, "y"), (5, None, 9, "z"), (6, 1, None, None), (None, 0, 9, "x"),
            (3, 3, 1, "X"), (-1, -2, 0, "xy"), (4, 4, 4, "")]
    rows = [{"id": i, "a": a, "lo": lo, "hi": hi, "s": s} for i, (a, lo, hi, s) in enumerate(data, 1)]
    q = """
CREATE STREAM np (id INT, a INT, lo INT, hi INT, s STRING)
  WITH (connector = 'file', path = 'ex05_np.jsonl', format = 'json');

CREATE STREAM null_in_between %s AS
  SELECT id, a IS NULL AS a_null, s IS NOT NULL AS s_not_null,
         a IN (1, 2, 3) AS in_list, a IN (1, NULL) AS in_with_null, a NOT IN (1, 2) AS not_in,
         a NOT IN (1, NULL) AS not_in_null, s IN ('x', 'y') AS s_in,
         a BETWEEN 2 AND 5 AS btw, a NOT BETWEEN 2 AND 5 AS not_btw, a BETWEEN 5 AND 2 AS btw_rev,
         a BETWEEN lo AND hi AS btw_cols
  FROM np;

CREATE STREAM where_in %s AS
  SELECT id FROM np WHERE a IN (1, 2, 5, NULL) OR s IS NULL;
""" % (sink("null_in_between"), sink("where_in"))
    out, wi = [], []
    for r in rows:
        a, lo, hi, s = r["a"], r["lo"], r["hi"], r["s"]
        out.append({"id": r["id"], "a_null": a is None, "s_not_null": s is not None,
                    "in_list": in3(a, [1, 2, 3]), "in_with_null": in3(a, [1, None]),
                    "not_in": not3(in3(a, [1, 2])), "not_in_null": not3(in3(a, [1, None])),
                    "s_in": in3(s, ["x", "y"]), "btw": between3(a, 2, 5),
                    "not_btw": not3(between3(a, 2, 5)), "btw_rev": between3(a, 5, 2),
                    "btw_cols": between3(a, lo, hi)})
        if keep(or3(in3(a, [1, 2, 5, None]), s is None)):
            wi.append({"id": r["id"]})
    return Case(q, {"ex05_np.jsonl": jlines(rows)}, {"null_in_between": out, "where_in": wi})


@case("ex06_like")
def ex06():
    """LIKE: % any run, _ exactly one character (a non-ASCII letter is one), everything else
    literal (., *, +, [, ( are not regular-expression syntax), case-sensitive; NOT LIKE; NULL."""
    strs = ["abc", "a.c", "axc", "ABC", "a", "", None, "xyz", "a(c", "a*c", "ac", "aXbc",
            "in the middle", "a+c", "a[c", "aéc", "abcabc", "mid", "100%"]
    rows = [{"id": i, "s": s} for i, s in enumerate(strs, 1)]
    pats = [("starts_a", "a%"), ("ends_c", "%c"), ("has_mid", "%mid%"), ("a_any_c", "a_c"),
            ("a_dot_c", "a.c"), ("a_star_c", "a*c"), ("upper_a", "A%"), ("empty_pat", ""),
            ("anything", "%"), ("two_any", "__"), ("a_pct_c", "a%c"), ("pct_end", "100%")]
    sel = ", ".join("s LIKE '%s' AS %s" % (p, n) for n, p in pats)
    q = """
CREATE STREAM words (id INT, s STRING)
  WITH (connector = 'file', path = 'ex06_words.jsonl', format = 'json');

CREATE STREAM likes %s AS
  SELECT id, %s, s NOT LIKE 'a%%' AS not_starts_a
  FROM words;
""" % (sink("likes"), sel)
    out = []
    for r in rows:
        o = {"id": r["id"]}
        for n, p in pats:
            o[n] = like(r["s"], p)
        o["not_starts_a"] = not3(like(r["s"], "a%"))
        out.append(o)
    return Case(q, {"ex06_words.jsonl": jlines(rows)}, {"likes": out})


@case("ex07_case")
def ex07():
    """Searched and simple CASE: first true branch wins, a NULL condition is not true, no ELSE
    gives NULL, a NULL operand of a simple CASE matches no WHEN (not even WHEN NULL)."""
    data = [(12, "x"), (7, "y"), (5, "z"), (None, None), (11, "x"), (-3, "Y"), (6, "")]
    rows = [{"id": i, "a": a, "s": s} for i, (a, s) in enumerate(data, 1)]
    q = """
CREATE STREAM cs (id INT, a INT, s STRING)
  WITH (connector = 'file', path = 'ex07_cs.jsonl', format = 'json');

CREATE STREAM cases %s AS
  SELECT id,
         CASE WHEN a > 10 THEN 'big' WHEN a > 5 THEN 'mid' ELSE 'small' END AS bucket,
         CASE WHEN a > 10 THEN 'big' END AS only_big,
         CASE s WHEN 'x' THEN 1 WHEN 'y' THEN 2 ELSE 0 END AS code,
         CASE s WHEN 'x' THEN 'ex' WHEN NULL THEN 'was null' END AS simple_no_else,
         CASE WHEN a IS NULL THEN -1 ELSE a * 2 END AS doubled,
         CASE WHEN a > 0 AND s = 'x' THEN 'pos x' WHEN a > 0 OR s = 'x' THEN 'pos or x' ELSE 'other' END AS combo
  FROM cs;
""" % sink("cases")
    out = []
    for r in rows:
        a, s = r["a"], r["s"]
        gt10, gt5, gt0 = cmp3(op.gt, a, 10), cmp3(op.gt, a, 5), cmp3(op.gt, a, 0)
        isx = cmp3(op.eq, s, "x")
        size = "big" if gt10 is True else "mid" if gt5 is True else "small"
        code = 1 if s == "x" else 2 if s == "y" else 0
        combo = "pos x" if and3(gt0, isx) is True else "pos or x" if or3(gt0, isx) is True else "other"
        out.append({"id": r["id"], "bucket": size, "only_big": "big" if gt10 is True else None,
                    "code": code, "simple_no_else": "ex" if s == "x" else None,
                    "doubled": -1 if a is None else a * 2, "combo": combo})
    return Case(q, {"ex07_cs.jsonl": jlines(rows)}, {"cases": out})


@case("ex08_cast")
def ex08():
    """CAST between types on values whose result no engine disputes: INT to STRING/DOUBLE/BIGINT,
    integral DOUBLE to BIGINT, numeric STRING to INT/BIGINT/DOUBLE, 'true'/'false' to BOOLEAN,
    BIGINT to INT in range, DOUBLE with a short decimal form to STRING, NULL to anything."""
    data = [(42, 3.0, "17", "2.5", "true", 123456789012, 2.5),
            (-7, -4.0, "-8", "-0.125", "false", -5, -0.125),
            (0, 0.0, "0", "1e3", "true", 2147483647, 10.75),
            (None, None, None, None, None, None, None)]
    rows = [{"id": i, "i": a, "d": d, "s_int": si, "s_dbl": sd, "s_bool": sb, "big": bg, "frac": fr}
            for i, (a, d, si, sd, sb, bg, fr) in enumerate(data, 1)]
    q = """
CREATE STREAM casts (id INT, i INT, d DOUBLE, s_int STRING, s_dbl STRING, s_bool STRING,
                     big BIGINT, frac DOUBLE)
  WITH (connector = 'file', path = 'ex08_casts.jsonl', format = 'json');

CREATE STREAM cast_out %s AS
  SELECT id, CAST(i AS STRING) AS i_str, CAST(i AS DOUBLE) / 2 AS i_dbl_half,
         CAST(i AS BIGINT) * 1000000000 AS i_big, CAST(d AS BIGINT) AS d_big,
         CAST(s_int AS INT) + 1 AS s_int_plus, CAST(s_int AS BIGINT) AS s_big,
         CAST(s_dbl AS DOUBLE) * 2 AS s_dbl_twice, CAST(s_bool AS BOOLEAN) AS s_bool_val,
         CAST(big AS STRING) AS big_str, CAST(frac AS STRING) AS frac_str,
         CONCAT(CAST(i AS VARCHAR), '!') AS i_varchar
  FROM casts
  WHERE id < 4;

CREATE STREAM cast_nulls %s AS
  SELECT id, CAST(i AS STRING) AS i_str, CAST(d AS BIGINT) AS d_big, CAST(s_int AS INT) AS s_int,
         CAST(s_bool AS BOOLEAN) AS s_bool_val
  FROM casts
  WHERE id = 4;
""" % (sink("cast_out"), sink("cast_nulls"))
    out, nul = [], []
    for r in rows:
        if r["id"] == 4:
            nul.append({"id": 4, "i_str": None, "d_big": None, "s_int": None, "s_bool_val": None})
            continue
        out.append({"id": r["id"], "i_str": str(r["i"]), "i_dbl_half": r["i"] / 2,
                    "i_big": r["i"] * 1_000_000_000, "d_big": int(r["d"]),
                    "s_int_plus": int(r["s_int"]) + 1, "s_big": int(r["s_int"]),
                    "s_dbl_twice": float(r["s_dbl"]) * 2, "s_bool_val": r["s_bool"] == "true",
                    "big_str": str(r["big"]), "frac_str": repr(r["frac"]),
                    "i_varchar": str(r["i"]) + "!"})
    return Case(q, {"ex08_casts.jsonl": jlines(rows)}, {"cast_out": out, "cast_nulls": nul})


@case("ex09_coalesce_nullif")
def ex09():
    """COALESCE returns its first non-NULL argument (NULL when all are); NULLIF(a, b) is NULL
    when a = b, else a."""
    data = [(None, None, 3, None), (1, 2, 3, "a"), (None, 2, None, ""), (None, None, None, "b"),
            (5, 5, 0, None), (0, None, 7, "")]
    rows = [{"id": i, "a": a, "b": b, "c": c, "s": s} for i, (a, b, c, s) in enumerate(data, 1)]
    q = """
CREATE STREAM cn (id INT, a INT, b INT, c INT, s STRING)
  WITH (connector = 'file', path = 'ex09_cn.jsonl', format = 'json');

CREATE STREAM coalesce_nullif %s AS
  SELECT id, COALESCE(a, b, c) AS first_abc, COALESCE(a, b) AS first_ab, COALESCE(s, 'none') AS s_or,
         COALESCE(a, 0) + COALESCE(b, 0) AS total, NULLIF(a, b) AS a_unless_b, NULLIF(s, '') AS s_blank_null,
         NULLIF(c, 0) AS c_nonzero, COALESCE(NULLIF(s, ''), 'blank') AS s_label
  FROM cn;
""" % sink("coalesce_nullif")

    def coalesce(*xs):
        return next((x for x in xs if x is not None), None)

    def nullif(x, y):
        return None if x is not None and y is not None and x == y else x
    out = []
    for r in rows:
        a, b, c, s = r["a"], r["b"], r["c"], r["s"]
        out.append({"id": r["id"], "first_abc": coalesce(a, b, c), "first_ab": coalesce(a, b),
                    "s_or": coalesce(s, "none"), "total": coalesce(a, 0) + coalesce(b, 0),
                    "a_unless_b": nullif(a, b), "s_blank_null": nullif(s, ""), "c_nonzero": nullif(c, 0),
                    "s_label": coalesce(nullif(s, ""), "blank")})
    return Case(q, {"ex09_cn.jsonl": jlines(rows)}, {"coalesce_nullif": out})
