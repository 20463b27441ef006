#!/usr/bin/env python3
"""Canonical ABI byte vectors from the spec's Python reference.

Usage: gen.py DEFINITIONS_PY OUT_JSON [--seed N] [--count N]

DEFINITIONS_PY is design/mvp/canonical-abi/definitions.py of WebAssembly/component-model (fetched, never copied into
this repository). The script runs the reference's own lift, lower, load and store on random values of random WIT types
(with edge cases: NaNs, surrogate neighbours, empty lists, 32 flags, nested variants, wide discriminants, handles) and
writes what they produced: flat core values, memory bytes, every realloc call, the handle table, the lifted value or a
trap. tests/Wit.Runtime.Tests/Canonical replays every vector through our implementation and expects the same bytes.

Two places where the reference needs an embedder are filled here, the same way the C# test fills them:
- realloc is a bump allocator (start 4096, each block aligned, the old block's first min(old, new) bytes copied), called
  directly instead of through canon_lift's task machinery, whose only observable effect is the call itself;
- NaNs are lowered as in the deterministic profile (DETERMINISTIC_PROFILE = True): the canonical NaN.
"""

import importlib.util
import json
import random
import struct
import sys

MEM_SIZE = 1 << 16
ALLOC_START = 4096
VALUE_AT = 64


def load_reference(path):
    spec = importlib.util.spec_from_file_location("cabi_definitions", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["cabi_definitions"] = module
    spec.loader.exec_module(module)
    module.DETERMINISTIC_PROFILE = True
    return module


class Types:
    """Random WIT types: each is (reference type, WIT expression); named types add declarations to self.decls."""

    PRIMS = ["bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char", "string"]

    def __init__(self, d, rng):
        self.d = d
        self.rng = rng
        self.decls = []
        self.resources = {}
        self.n = 0

    def fresh(self, prefix):
        self.n += 1
        return f"{prefix}{self.n}"

    def prim(self, name):
        d = self.d
        cls = {"bool": d.BoolType, "s8": d.S8Type, "u8": d.U8Type, "s16": d.S16Type, "u16": d.U16Type,
               "s32": d.S32Type, "u32": d.U32Type, "s64": d.S64Type, "u64": d.U64Type, "f32": d.F32Type,
               "f64": d.F64Type, "char": d.CharType, "string": d.StringType}[name]
        return (cls(), name)

    def resource(self, name, local):
        if name not in self.resources:
            self.decls.append(f"resource {name};")
            self.resources[name] = local
        return name

    def random(self, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.3:
            return self.prim(rng.choice(self.PRIMS))
        kind = rng.choice(["list", "fixed", "tuple", "record", "variant", "enum", "option", "result", "flags",
                           "own", "borrow", "list"])
        return self.make(kind, depth)

    def make(self, kind, depth, size=None):
        d, rng = self.d, self.rng
        if kind == "list":
            t, w = self.random(depth - 1)
            return (d.ListType(t), f"list<{w}>")
        if kind == "fixed":
            t, w = self.random(depth - 1)
            n = size or rng.randint(1, 4)
            return (d.ListType(t, n), f"list<{w}, {n}>")
        if kind == "tuple":
            parts = [self.random(depth - 1) for _ in range(size or rng.randint(1, 4))]
            return (d.TupleType([p[0] for p in parts]), "tuple<" + ", ".join(p[1] for p in parts) + ">")
        if kind == "record":
            name = self.fresh("rec")
            parts = [self.random(depth - 1) for _ in range(size or rng.randint(1, 4))]
            fields = [d.FieldType(f"f{i}", p[0]) for i, p in enumerate(parts)]
            self.decls.append(f"record {name} {{ " + ", ".join(f"f{i}: {p[1]}" for i, p in enumerate(parts)) + " }")
            return (d.RecordType(fields), name)
        if kind == "variant":
            name = self.fresh("var")
            count = size or rng.randint(1, 4)
            cases, texts = [], []
            for i in range(count):
                if rng.random() < 0.3:
                    cases.append(d.CaseType(f"c{i}", None))
                    texts.append(f"c{i}")
                else:
                    t, w = self.random(depth - 1)
                    cases.append(d.CaseType(f"c{i}", t))
                    texts.append(f"c{i}({w})")
            self.decls.append(f"variant {name} {{ " + ", ".join(texts) + " }")
            return (d.VariantType(cases), name)
        if kind == "enum":
            name = self.fresh("en")
            labels = [f"e{i}" for i in range(size or rng.randint(1, 5))]
            self.decls.append(f"enum {name} {{ " + ", ".join(labels) + " }")
            return (d.EnumType(labels), name)
        if kind == "option":
            t, w = self.random(depth - 1)
            return (d.OptionType(t), f"option<{w}>")
        if kind == "result":
            shape = rng.choice(["both", "ok", "err", "none"])
            ok = self.random(depth - 1) if shape in ("both", "ok") else None
            err = self.random(depth - 1) if shape in ("both", "err") else None
            text = {"both": f"result<{ok and ok[1]}, {err and err[1]}>", "ok": f"result<{ok and ok[1]}>",
                    "err": f"result<_, {err and err[1]}>", "none": "result"}[shape]
            return (d.ResultType(ok and ok[0], err and err[0]), text)
        if kind == "flags":
            name = self.fresh("fl")
            labels = [f"g{i}" for i in range(size or rng.choice([1, 3, 8, 9, 16, 17, 31, 32]))]
            self.decls.append(f"flags {name} {{ " + ", ".join(labels) + " }")
            return (d.FlagsType(labels), name)
        if kind in ("own", "borrow"):
            local = rng.random() < 0.2 and kind == "borrow"
            name = self.resource("res-local" if local else "res", local)
            rt = self.rt(name)
            return ((d.OwnType if kind == "own" else d.BorrowType)(rt), f"{kind}<{name}>")
        raise ValueError(kind)

    def rt(self, name):
        return RESOURCE_TYPES[name]


RESOURCE_TYPES = {}

ASCII = [chr(c) for c in range(0x20, 0x7f)]
LATIN1 = [chr(c) for c in range(0x80, 0x100)]
BMP = ["\u0100", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\ufffd", "\uffff", "\u4e2d", "\u00e9"]
ASTRAL = ["\U00010000", "\U0001f600", "\U0010ffff"]


def random_string(rng):
    pools = rng.choice([[ASCII], [ASCII, LATIN1], [LATIN1], [ASCII, BMP], [ASCII, ASTRAL], [ASCII, LATIN1, BMP, ASTRAL]])
    n = rng.choice([0, 0, 1, 2, 5, 13, 40])
    return "".join(rng.choice(rng.choice(pools)) for _ in range(n))


def source_string(d, rng, s, ptr_type):
    """The spec's String value: (text, source encoding, tagged code units)."""
    enc = rng.choice(["utf8", "utf16", "latin1+utf16"])
    if enc == "utf8":
        return (s, enc, len(s.encode("utf-8")))
    units = len(s.encode("utf-16-le")) // 2
    if enc == "utf16":
        return (s, enc, units)
    if all(ord(c) < 256 for c in s) and rng.random() < 0.7:
        return (s, enc, len(s))
    return (s, enc, units | d.utf16_tag(ptr_type))


F32_EDGES = [0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0x7fbfffff,
             0x00000001, 0x7f7fffff, 0x3f800000]
F64_EDGES = [0, 1 << 63, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0xfff8000000000001,
             0x7ff0000000000001, 0x0000000000000001, 0x7fefffffffffffff, 0x3ff0000000000000]
CHAR_EDGES = [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff]
INT_RANGES = {"U8Type": (0, 255), "U16Type": (0, 65535), "U32Type": (0, 2**32 - 1), "U64Type": (0, 2**64 - 1),
              "S8Type": (-128, 127), "S16Type": (-2**15, 2**15 - 1), "S32Type": (-2**31, 2**31 - 1),
              "S64Type": (-2**63, 2**63 - 1)}


def random_value(d, rng, t, ptr_type):
    """A random value of reference type t, in the reference's representation."""
    name = type(t).__name__
    if name == "BoolType":
        return rng.random() < 0.5
    if name in INT_RANGES:
        lo, hi = INT_RANGES[name]
        return rng.choice([lo, hi, 0, min(hi, 1), max(lo, -1), rng.randint(lo, hi), rng.randint(lo, hi)])
    if name == "F32Type":
        bits = rng.choice(F32_EDGES + [rng.getrandbits(32)] * 3)
        return struct.unpack("<f", struct.pack("<I", bits))[0]
    if name == "F64Type":
        bits = rng.choice(F64_EDGES + [rng.getrandbits(64)] * 3)
        return struct.unpack("<d", struct.pack("<Q", bits))[0]
    if name == "CharType":
        c = rng.choice(CHAR_EDGES + [rng.randint(0, 0xd7ff), rng.randint(0xe000, 0x10ffff)])
        return chr(c)
    if name == "StringType":
        return source_string(d, rng, random_string(rng), ptr_type)
    if name == "ListType":
        n = t.l if t.l is not None else rng.choice([0, 0, 1, 2, 3, 5])
        return [random_value(d, rng, t.t, ptr_type) for _ in range(n)]
    if name == "TupleType":
        return {str(i): random_value(d, rng, u, ptr_type) for i, u in enumerate(t.ts)}
    if name == "RecordType":
        return {f.label: random_value(d, rng, f.t, ptr_type) for f in t.fields}
    if name in ("VariantType", "EnumType", "OptionType", "ResultType"):
        cases = d.despecialize(t).cases
        c = rng.choice(cases)
        return {c.label: None if c.t is None else random_value(d, rng, c.t, ptr_type)}
    if name == "FlagsType":
        mode = rng.choice(["none", "all", "random"])
        return {l: (mode == "all") or (mode == "random" and rng.random() < 0.5) for l in t.labels}
    if name in ("OwnType", "BorrowType"):
        return rng.choice([0, 1, 7, 2**32 - 1, rng.getrandbits(32)])
    raise ValueError(name)


def f32_bits(f):
    return struct.unpack("<I", struct.pack("<f", f))[0]


def f64_bits(f):
    return struct.unpack("<Q", struct.pack("<d", f))[0]


def encode(d, t, v):
    """A reference value as JSON, directed by its type (records and tuples as arrays, cases as [index, payload])."""
    name = type(t).__name__
    if name == "BoolType":
        return bool(v)
    if name in INT_RANGES:
        return str(v)
    if name == "F32Type":
        return f"{f32_bits(v):08x}"
    if name == "F64Type":
        return f"{f64_bits(v):016x}"
    if name == "CharType":
        return ord(v)
    if name == "StringType":
        s, enc, units = v
        return {"s": s, "enc": enc, "units": str(units)}
    if name == "ListType":
        return [encode(d, t.t, e) for e in v]
    if name in ("TupleType", "RecordType"):
        fields = d.despecialize(t).fields
        return [encode(d, f.t, v[f.label]) for f in fields]
    if name in ("VariantType", "EnumType", "OptionType", "ResultType"):
        cases = d.despecialize(t).cases
        [(label, payload)] = v.items()
        index = [c.label for c in cases].index(label)
        c = cases[index]
        return [index, None if c.t is None else encode(d, c.t, payload)]
    if name == "FlagsType":
        return str(d.pack_flags_into_int(v, t.labels))
    if name in ("OwnType", "BorrowType"):
        return str(v)
    raise ValueError(name)


def encode_flat(kinds, values):
    out = []
    for k, v in zip(kinds, values):
        if k == "f32":
            out.append(["f32", f"{f32_bits(v):08x}"])
        elif k == "f64":
            out.append(["f64", f"{f64_bits(v):016x}"])
        else:
            out.append([k, str(v)])
    return out


def decode_flat(items):
    out = []
    for k, v in items:
        if k == "f32":
            out.append(struct.unpack("<f", struct.pack("<I", int(v, 16)))[0])
        elif k == "f64":
            out.append(struct.unpack("<d", struct.pack("<Q", int(v, 16)))[0])
        else:
            out.append(int(v))
    return out


class Harness:
    """One memory, one instance with its handle table, and the contexts lower (a task) and lift (a subtask) use."""

    def __init__(self, d, encoding, ptr_type, impl_of):
        self.d = d
        self.memory = d.MemInst(bytearray(MEM_SIZE), ptr_type)
        self.next = ALLOC_START
        self.reallocs = []
        store = d.Store()
        self.inst = d.ComponentInstance(store)
        opts = d.LiftLowerOptions(string_encoding=encoding, memory=self.memory)
        harness = self

        class Context(d.LiftLowerContext):
            def reallocate(self, old, old_size, alignment, new_size):
                return harness.realloc(old, old_size, alignment, new_size)

        # The local resource is implemented by this instance (a borrow of it lowers to its rep).
        for name, local in impl_of.items():
            RESOURCE_TYPES[name].impl = self.inst if local else d.ComponentInstance(store)
        self.task = d.Task(None, opts, self.inst, None, None)
        self.subtask = d.Subtask()
        self.lower_cx = Context(opts, self.inst, self.task)
        self.lift_cx = Context(opts, self.inst, self.subtask)

    def realloc(self, old, old_size, alignment, new_size):
        ptr = (self.next + alignment - 1) // alignment * alignment
        if ptr + new_size <= MEM_SIZE:
            n = min(old_size, new_size)
            self.memory.bytes[ptr:ptr + n] = self.memory.bytes[old:old + n]
        self.next = ptr + new_size
        self.reallocs.append([str(old), str(old_size), str(alignment), str(new_size), str(ptr)])
        return ptr

    def handles(self):
        out = []
        for i, h in enumerate(self.inst.handles.array):
            if h is not None:
                name = [n for n, rt in RESOURCE_TYPES.items() if rt is h.rt][0]
                out.append([i, name, str(h.rep), h.own, h.num_lends, h.borrow_scope is not None])
        return out

    def used(self):
        """The memory's non-zero bytes as [offset, hex] runs (runs closer than 16 bytes merged)."""
        data = bytes(self.memory.bytes)
        runs, i = [], 0
        while i < len(data):
            if data[i] == 0:
                i += 1
                continue
            start = end = i
            while i < len(data) and i - end < 16:
                if data[i] != 0:
                    end = i
                i += 1
            runs.append([start, data[start:end + 1].hex()])
        return runs


def holds_borrow_of(d, t, rt):
    """Whether t holds a borrow of rt (the reference's contains() asserts on flags, so walk here)."""
    t = d.despecialize(t)
    if isinstance(t, d.BorrowType):
        return t.rt is rt
    if isinstance(t, d.ListType):
        return holds_borrow_of(d, t.t, rt)
    if isinstance(t, d.RecordType):
        return any(holds_borrow_of(d, f.t, rt) for f in t.fields)
    if isinstance(t, d.VariantType):
        return any(c.t is not None and holds_borrow_of(d, c.t, rt) for c in t.cases)
    return False


def run_vector(d, rng, types, t, wit, encoding, ptr_type, mode, impl_of):
    h = Harness(d, encoding, ptr_type, impl_of)
    value = random_value(d, rng, t, ptr_type)
    vec = {"type": wit, "encoding": encoding, "ptr": ptr_type, "mode": mode, "value": encode(d, t, value)}
    local = RESOURCE_TYPES["res-local"]
    has_local_borrow = holds_borrow_of(d, t, local)
    try:
        if mode == "flat":
            flat = d.lower_flat(h.lower_cx, value, t)
            vec["flat"] = encode_flat(d.flatten_type(t, h.lower_cx.opts), flat)
        elif mode == "memory":
            align = d.alignment(t, ptr_type)
            ptr = (VALUE_AT + align - 1) // align * align
            vec["at"] = ptr
            d.store(h.lower_cx, value, t, ptr)
        elif mode == "results":
            # A lowered import's result: flat when it is one core value, else stored at the caller's return pointer.
            align = d.alignment(d.TupleType([t]), ptr_type)
            vec["at"] = (VALUE_AT + align - 1) // align * align
            flat = d.lower_flat_values(h.lower_cx, d.MAX_FLAT_RESULTS, [value], [t], d.CoreValueIter([vec["at"]]))
            kinds = d.flatten_types([t], h.lower_cx.opts)
            vec["flat"] = encode_flat(kinds, flat) if len(kinds) <= d.MAX_FLAT_RESULTS else []
        else:
            # Function parameters: as many values as the tuple has, spilled through realloc past 16 flat values.
            ts = d.despecialize(t).fields
            flat = d.lower_flat_values(h.lower_cx, d.MAX_FLAT_PARAMS, [value[f.label] for f in ts], [f.t for f in ts])
            kinds = d.flatten_types([f.t for f in ts], h.lower_cx.opts)
            if len(kinds) > d.MAX_FLAT_PARAMS:
                kinds = [ptr_type]
            vec["flat"] = encode_flat(kinds, flat)
    except d.Trap:
        vec["lower"] = "trap"
        return vec
    vec["memory"] = h.used()
    vec["reallocs"] = h.reallocs
    vec["handles"] = h.handles()
    vec["borrows"] = h.task.num_borrows
    if has_local_borrow:
        return vec  # a borrow lowered to its implementer is its rep, not a handle: nothing to lift back
    try:
        if mode == "flat":
            lifted = d.lift_flat(h.lift_cx, d.CoreValueIter(flat), t)
        elif mode == "memory":
            lifted = d.load(h.lift_cx, vec["at"], t)
        elif mode == "results":
            source = flat if vec["flat"] or not d.flatten_types([t], h.lift_cx.opts) else [vec["at"]]
            [lifted] = d.lift_flat_values(h.lift_cx, d.MAX_FLAT_RESULTS, d.CoreValueIter(source), [t])
        else:
            ts = d.despecialize(t).fields
            lifted = d.lift_flat_values(h.lift_cx, d.MAX_FLAT_PARAMS, d.CoreValueIter(flat), [f.t for f in ts])
            lifted = {f.label: v for f, v in zip(ts, lifted)}
        vec["lifted"] = encode(d, t, lifted)
    except d.Trap:
        vec["lifted"] = "trap"
    vec["handlesAfter"] = h.handles()
    return vec


def mutate_lift(d, rng, t, wit, vec, impl_of):
    """Lift from corrupted memory or flat values: the reference's verdict (a value or a trap) on bytes no lower made."""
    h = Harness(d, vec["encoding"], vec["ptr"], impl_of)
    runs = [[offset, bytearray.fromhex(text)] for offset, text in vec["memory"]]
    if runs and rng.random() < 0.8:
        run = rng.choice(runs)[1]
        run[rng.randrange(len(run))] = rng.choice([0xff, 0x80, 0xd8, 0x01, rng.getrandbits(8)])
    for offset, run in runs:
        h.memory.bytes[offset:offset + len(run)] = run
    out = {"type": wit, "encoding": vec["encoding"], "ptr": vec["ptr"], "mode": vec["mode"],
           "memory": [[offset, run.hex()] for offset, run in runs]}
    try:
        if vec["mode"] == "flat":
            items = [list(x) for x in vec["flat"]]
            if items and rng.random() < 0.7:
                i = rng.randrange(len(items))
                k = items[i][0]
                if k in ("i32", "i64"):
                    bits = 32 if k == "i32" else 64
                    items[i][1] = str(rng.choice([(1 << bits) - 1, 0xd800, 0x110000, 2, 1 << (bits - 1),
                                                  rng.getrandbits(bits)]))
            out["flat"] = items
            lifted = d.lift_flat(h.lift_cx, d.CoreValueIter(decode_flat(items)), t)
        else:
            at = vec["at"] + rng.choice([0, 0, 0, 1, MEM_SIZE - VALUE_AT - 2])
            out["at"] = at
            if at % d.alignment(t, vec["ptr"]) != 0 or at + d.elem_size(t, vec["ptr"]) > MEM_SIZE:
                return None  # load asserts (a caller's bug, not a trap): nothing to compare
            lifted = d.load(h.lift_cx, at, t)
        out["lifted"] = encode(d, t, lifted)
    except d.Trap:
        out["lifted"] = "trap"
    return out


def targeted_lifts(d, types, roots, impl_of):
    """Lifts aimed at each trap of lift_flat and load (and at the rules that do not trap: bool, narrowing, flags)."""
    def named(t):
        roots.append(t)
        name = f"t{len(roots) - 1}"
        types.decls.append(f"type {name} = {t[1]};")
        return t[0], name

    bad_utf8 = [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82", b"ok"]
    bad_utf16 = [b"\x00\xd8", b"\x00\xdc\x41\x00", b"\x3d\xd8\x00\xde", b"A\x00"]
    cases = []
    for t, name in [named(types.prim("char"))]:
        for c in [0xd800, 0xdfff, 0x110000, 0xffffffff, 0x10ffff, 0]:
            cases.append((t, name, "utf8", "i32", [["i32", str(c)]], []))
    for t, name in [named(types.prim("bool")), named(types.prim("u8")), named(types.prim("s16"))]:
        for v in [2, 0x1ff, 0xffffffff, 0x8000]:
            cases.append((t, name, "utf8", "i32", [["i32", str(v)]], []))
    string_t, string_name = named(types.prim("string"))
    for ptr_type in ["i32", "i64"]:
        tag = d.utf16_tag(ptr_type)
        for enc in ["utf8", "utf16", "latin1+utf16"]:
            for ptr, units in [(1, 2), (MEM_SIZE - 1, 2), (MEM_SIZE, 0), (0, 1 << 28), (0, (1 << 27)), (2, tag | 1),
                               (2, tag | (1 << 28)), (0, 0), (MEM_SIZE - 2, 1), (2 ** 32 - 2, 1)]:
                cases.append((string_t, string_name, enc, ptr_type, [[ptr_type, str(ptr)], [ptr_type, str(units)]], []))
            for raw in bad_utf8 + bad_utf16:
                units = len(raw) if enc == "utf8" else len(raw) // 2 | (tag if enc == "latin1+utf16" else 0)
                cases.append((string_t, string_name, enc, ptr_type, [[ptr_type, "256"], [ptr_type, str(units)]],
                              [[256, raw.hex()]]))
    list_t, list_name = named(types.make("list", 2))
    for ptr, length in [(1, 1), (MEM_SIZE - 1, 1), (0, 1 << 28), (0, 2 ** 32 - 1), (8, 0)]:
        cases.append((list_t, list_name, "utf8", "i32", [["i32", str(ptr)], ["i32", str(length)]], []))
    variant_t, variant_name = named(types.make("variant", 2, 3))
    flat_count = len(d.flatten_type(variant_t, d.LiftLowerOptions(memory=d.MemInst(bytearray(0), "i32"))))
    for index in [0, 2, 3, 255, 2 ** 32 - 1]:
        flat = [[k, "0" if k in ("i32", "i64") else "00000000" if k == "f32" else "0000000000000000"]
                for k in d.flatten_type(variant_t, d.LiftLowerOptions(memory=d.MemInst(bytearray(0), "i32")))]
        flat[0][1] = str(index)
        assert len(flat) == flat_count
        cases.append((variant_t, variant_name, "utf8", "i32", flat, []))
    flags_t, flags_name = named(types.make("flags", 1, 3))
    cases.append((flags_t, flags_name, "utf8", "i32", [["i32", "4294967295"]], []))
    out = []
    for t, name, enc, ptr_type, flat, memory in cases:
        h = Harness(d, enc, ptr_type, impl_of)
        for offset, text in memory:
            h.memory.bytes[offset:offset + len(text) // 2] = bytes.fromhex(text)
        vec = {"type": name, "encoding": enc, "ptr": ptr_type, "mode": "flat", "memory": memory, "flat": flat}
        try:
            vec["lifted"] = encode(d, t, d.lift_flat(h.lift_cx, d.CoreValueIter(decode_flat(flat)), t))
        except d.Trap:
            vec["lifted"] = "trap"
        out.append(vec)
    return out


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        sys.exit(2)
    d = load_reference(args[0])
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 18
    count = int(args[args.index("--count") + 1]) if "--count" in args else 2000
    rng = random.Random(seed)
    RESOURCE_TYPES["res"] = d.ResourceType(None)
    RESOURCE_TYPES["res-local"] = d.ResourceType(None)
    types = Types(d, rng)
    roots = []
    # Edge cases first, then random types of growing depth.
    fixed = [("prim", p) for p in Types.PRIMS] + [("flags", 32), ("flags", 1), ("flags", 8), ("flags", 9),
             ("flags", 16), ("flags", 17), ("enum", 256), ("enum", 257), ("variant", 300), ("list", None),
             ("fixed", 1), ("own", None), ("borrow", None), ("option", None), ("result", None), ("tuple", 17)]
    for kind, size in fixed:
        roots.append(types.prim(size) if kind == "prim" else types.make(kind, 3, size))
    while len(roots) < count // 6:
        roots.append(types.random(rng.choice([1, 2, 3, 4])))
    vectors, lifts = [], []
    for i, (t, wit) in enumerate(roots):
        name = f"t{i}"
        types.decls.append(f"type {name} = {wit};")
        for _ in range(6):
            encoding = rng.choice(["utf8", "utf16", "latin1+utf16"])
            ptr_type = "i32" if rng.random() < 0.85 else "i64"
            mode = rng.choice(["flat", "memory", "params", "results"])
            param_t = d.TupleType([t] * rng.choice([1, 3, 9])) if mode == "params" else t
            vec = run_vector(d, rng, types, param_t, name, encoding, ptr_type, mode, types.resources)
            if mode == "params":
                vec["arity"] = len(param_t.ts)
            vectors.append(vec)
            if mode in ("flat", "memory") and "memory" in vec and "handles" in vec and not vec["handles"]:
                m = mutate_lift(d, rng, param_t, name, vec, types.resources)
                if m is not None:
                    lifts.append(m)
    lifts = targeted_lifts(d, types, roots, types.resources) + lifts
    doc = {
        "source": "WebAssembly/component-model design/mvp/canonical-abi/definitions.py",
        "generator": "scripts/cabi-vectors/gen.py",
        "seed": seed,
        "memorySize": MEM_SIZE,
        "allocStart": ALLOC_START,
        "wit": "package cabi:vectors;\n\ninterface types {\n" + "\n".join("  " + x for x in types.decls) + "\n}\n",
        "vectors": vectors,
        "lifts": lifts,
    }
    with open(args[1], "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")
    traps = sum(1 for v in vectors if v.get("lifted") == "trap" or v.get("lower") == "trap")
    lift_traps = sum(1 for v in lifts if v["lifted"] == "trap")
    print(f"{len(roots)} types, {len(vectors)} round-trip vectors ({traps} trap), "
          f"{len(lifts)} lift vectors ({lift_traps} trap)")


if __name__ == "__main__":
    main()
