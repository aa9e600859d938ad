"""binfmt: stdlib-only writers of the binary input formats SQL.md names, for acceptance data.

parquet(columns, nrows): a minimal Parquet file - one row group, one uncompressed PLAIN data
page (v1) per column, flat REQUIRED or OPTIONAL columns of INT32, INT64, DOUBLE, BOOLEAN,
BYTE_ARRAY (UTF8) and INT64 TIMESTAMP_MILLIS; the footer in Thrift's compact protocol. (Checked
once against github.com/parquet-go/parquet-go, which reads it back with the same values.)
avro_container(schema, records): an Avro object container file, codec null, one block."""
import struct

T_BOOLEAN, T_INT32, T_INT64, T_DOUBLE, T_BYTE_ARRAY = 0, 1, 2, 5, 6
CT_UTF8, CT_TIMESTAMP_MILLIS = 0, 9


def uvarint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zz(n):
    return uvarint((n << 1) ^ (n >> 63))


class Struct:
    """Thrift compact-protocol struct writer: fields in increasing id order."""

    def __init__(self):
        self.buf = bytearray()
        self.last = 0

    def _head(self, fid, t):
        d = fid - self.last
        if 0 < d <= 15:
            self.buf.append((d << 4) | t)
        else:
            self.buf.append(t)
            self.buf += zz(fid)
        self.last = fid

    def i32(self, fid, v):
        self._head(fid, 5)
        self.buf += zz(v)
        return self

    def i64(self, fid, v):
        self._head(fid, 6)
        self.buf += zz(v)
        return self

    def binary(self, fid, v):
        if isinstance(v, str):
            v = v.encode()
        self._head(fid, 8)
        self.buf += uvarint(len(v)) + v
        return self

    def struct(self, fid, s):
        self._head(fid, 12)
        self.buf += s.end()
        return self

    def lst(self, fid, etype, items):
        self._head(fid, 9)
        n = len(items)
        self.buf += bytes([(n << 4) | etype]) if n < 15 else bytes([0xF0 | etype]) + uvarint(n)
        for it in items:
            if etype == 12:
                self.buf += it.end()
            elif etype == 8:
                b = it.encode() if isinstance(it, str) else it
                self.buf += uvarint(len(b)) + b
            else:
                self.buf += zz(it)
        return self

    def end(self):
        return bytes(self.buf) + b"\x00"


def plain(ptype, vals):
    if ptype == T_INT64:
        return b"".join(struct.pack("<q", v) for v in vals)
    if ptype == T_INT32:
        return b"".join(struct.pack("<i", v) for v in vals)
    if ptype == T_DOUBLE:
        return b"".join(struct.pack("<d", v) for v in vals)
    if ptype == T_BYTE_ARRAY:
        out = b""
        for v in vals:
            b = v.encode() if isinstance(v, str) else v
            out += struct.pack("<I", len(b)) + b
        return out
    if ptype == T_BOOLEAN:
        out = bytearray((len(vals) + 7) // 8)
        for i, v in enumerate(vals):
            if v:
                out[i // 8] |= 1 << (i % 8)
        return bytes(out)
    raise ValueError(ptype)


def def_levels(vals):
    """Definition levels (bit width 1) as a bit-packed run, with the 4-byte length prefix."""
    groups = (len(vals) + 7) // 8
    bits = bytearray(groups)
    for i, v in enumerate(vals):
        if v is not None:
            bits[i // 8] |= 1 << (i % 8)
    run = uvarint((groups << 1) | 1) + bytes(bits)
    return struct.pack("<I", len(run)) + run


def parquet(columns, nrows):
    """columns: [(name, ptype, converted_type or None, optional: bool, values)]; returns bytes."""
    out = bytearray(b"PAR1")
    chunks = []
    for name, ptype, ct, optional, vals in columns:
        body = (def_levels(vals) if optional else b"") + plain(ptype, [v for v in vals if v is not None])
        dph = Struct().i32(1, len(vals)).i32(2, 0).i32(3, 3).i32(4, 3)
        ph = Struct().i32(1, 0).i32(2, len(body)).i32(3, len(body)).struct(5, dph).end()
        offset = len(out)
        out += ph + body
        size = len(ph) + len(body)
        md = (Struct().i32(1, ptype).lst(2, 5, [0, 3]).lst(3, 8, [name]).i32(4, 0).i64(5, len(vals))
              .i64(6, size).i64(7, size).i64(9, offset))
        chunks.append((Struct().i64(2, offset).struct(3, md), size))
    schema = [Struct().binary(4, "schema").i32(5, len(columns))]
    for name, ptype, ct, optional, _ in columns:
        s = Struct().i32(1, ptype).i32(3, 1 if optional else 0).binary(4, name)
        if ct is not None:
            s.i32(6, ct)
        schema.append(s)
    rg = Struct().lst(1, 12, [c for c, _ in chunks]).i64(2, sum(sz for _, sz in chunks)).i64(3, nrows)
    meta = Struct().i32(1, 1).lst(2, 12, schema).i64(3, nrows).lst(4, 12, [rg]).binary(6, "sluice acceptance oracle").end()
    out += meta + struct.pack("<I", len(meta)) + b"PAR1"
    return bytes(out)



# ---------------------------------------------------------------- Avro

def avro_long(n):
    return zz(n)


def avro_string(s):
    b = s.encode() if isinstance(s, str) else s
    return zz(len(b)) + b


def avro_value(t, v):
    """Binary encoding of v for the Avro schema t (primitives, nullable unions, arrays,
    timestamp-millis longs)."""
    if isinstance(t, list):  # a union: index of the branch, then the value
        i = t.index("null") if v is None else next(k for k, b in enumerate(t) if b != "null")
        return zz(i) + (b"" if v is None else avro_value(t[i], v))
    if isinstance(t, dict):
        if t["type"] == "array":
            items = b"".join(avro_value(t["items"], x) for x in v)
            return (zz(len(v)) + items if v else b"") + zz(0)
        return avro_value(t["type"], v)
    if t in ("int", "long"):
        return zz(v)
    if t == "double":
        return struct.pack("<d", v)
    if t == "boolean":
        return b"\x01" if v else b"\x00"
    if t == "string":
        return avro_string(v)
    raise ValueError(t)


def avro_container(schema, records):
    """An Avro object container file (codec null, one block) of records (dicts) for a record
    schema."""
    import json
    sync = bytes(range(16))
    meta = zz(2) + avro_string("avro.schema") + avro_string(json.dumps(schema)) + avro_string("avro.codec") + avro_string("null") + zz(0)
    data = b"".join(b"".join(avro_value(f["type"], r[f["name"]]) for f in schema["fields"]) for r in records)
    return b"Obj\x01" + meta + sync + zz(len(records)) + zz(len(data)) + data + sync
