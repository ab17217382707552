"""Answer values out of the checked kernel, as plain data, and back in the checking process.

After the student's cells up to a check cell have run, the kernel is asked (one silent
execute request whose ``user_expressions`` call a function defined under a fresh random
name) for the values of that check's answer variables, encoded as JSON with a few tagged
forms: tuples, sets, dicts (any keys), non-finite floats, dates, times and time spans
(datetime, pandas and numpy), numpy arrays, pandas Series and DataFrames (as records).
Anything else is named but not sent ("unreadable").

Whatever the student's code does to the kernel (patching ``json``, ``print``, the
formatters), what comes back can only be *values*: :func:`decode` accepts nothing but
this format (size, depth and types checked; an object whose ``__eq__`` says yes to
everything cannot travel), and the verdict is computed in the checking process from the
kit's own checkers, which the kernel cannot import.
"""

from __future__ import annotations

import ast
import json
import secrets
from dataclasses import dataclass
from typing import Any

from artethics.i18n import _

MAX_TEXT = 4_000_000  # characters of encoded values per check
MAX_DEPTH = 40


@dataclass(frozen=True)
class Unreadable:
    """An answer the check could not receive: ``what`` names its type (or the reason)."""

    what: str


@dataclass(frozen=True)
class Undefined:
    """An answer variable the notebook never assigned (the cell did not run, or was renamed)."""

    name: str


_ENCODER = r'''
def {fn}(names, nonce):
    import datetime as dt
    import json
    g = globals()
    budget = [200000]
    def bad(what):
        return {{"$": "unreadable", "type": str(what)[:80]}}
    def enc(v, depth):
        budget[0] -= 1
        if budget[0] < 0 or depth > 30:
            return bad("too large or too deeply nested")
        t = type(v)
        if v is None or t is bool:
            return v
        if t is str:
            return v if len(v) <= 100000 else bad("text over 100,000 characters")
        if t is int:
            return v if -10 ** 300 < v < 10 ** 300 else bad("integer with over 300 digits")
        if t is float:
            if v != v or v in (float("inf"), float("-inf")):
                return {{"$": "float", "repr": repr(v)}}
            return v
        if t in (list, tuple, set, frozenset):
            if len(v) > 10000:
                return bad(t.__name__ + " of over 10,000 items")
            items = [enc(x, depth + 1) for x in v]
            return items if t is list else {{"$": t.__name__, "items": items}}
        if t is dict:
            if len(v) > 10000:
                return bad("dict of over 10,000 items")
            return {{"$": "dict", "items": [[enc(k, depth + 1), enc(x, depth + 1)]
                                          for k, x in v.items()]}}
        mod = str(getattr(t, "__module__", ""))
        name = str(getattr(t, "__name__", "object"))
        if t is dt.timedelta:
            return {{"$": "timedelta",
                    "ns": ((v.days * 86400 + v.seconds) * 10 ** 6 + v.microseconds) * 1000}}
        if t in (dt.datetime, dt.date):
            return {{"$": t.__name__, "iso": v.isoformat()}}
        if mod.startswith("pandas") and name == "Timedelta":
            return {{"$": "timedelta", "ns": int(v.value)}}
        if mod.startswith("pandas") and name == "Timestamp":
            return {{"$": "datetime", "iso": v.isoformat()}}
        if mod.startswith("numpy") and name == "timedelta64":
            return {{"$": "timedelta", "ns": int(v.astype("timedelta64[ns]").astype("int64"))}}
        if mod.startswith("numpy") and name == "datetime64":
            return {{"$": "datetime", "iso": str(v.astype("datetime64[us]"))}}
        if mod.startswith("numpy") and hasattr(v, "dtype"):
            if getattr(v, "ndim", 0) == 0:
                return enc(v.item(), depth + 1)
            return {{"$": "array", "items": enc(v.tolist(), depth + 1)}}
        if mod.startswith("pandas") and name == "Series":
            return {{"$": "series", "name": enc(v.name, depth + 1),
                    "index": enc(v.index.tolist(), depth + 1),
                    "values": enc(v.tolist(), depth + 1)}}
        if mod.startswith("pandas") and name == "DataFrame":
            return {{"$": "frame", "columns": enc([str(c) for c in v.columns], depth + 1),
                    "index": enc(v.index.tolist(), depth + 1),
                    "rows": enc(v.values.tolist(), depth + 1)}}
        return bad(name)
    out = {{}}
    for name in names:
        try:
            out[name] = enc(g[name], 0) if name in g else {{"$": "undefined"}}
        except BaseException as exc:
            out[name] = bad(type(exc).__name__ + " while reading it")
    return json.dumps({{"nonce": nonce, "values": out}})
'''


def request(names: list[str]) -> tuple[str, dict[str, str], str]:
    """(code, user_expressions, nonce) of the silent request that reads ``names``."""
    nonce = secrets.token_hex(16)
    fn = f"_artethics_values_{nonce}"
    return _ENCODER.format(fn=fn), {"v": f"{fn}({names!r}, {nonce!r})"}, nonce


def _decode(x: Any, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ValueError("too deep")
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    if isinstance(x, list):
        return [_decode(i, depth + 1) for i in x]
    if not isinstance(x, dict) or not isinstance(x.get("$"), str):
        raise ValueError("not a value")
    kind = x["$"]
    if kind == "undefined":
        return Undefined("")
    if kind == "unreadable":
        return Unreadable(str(x.get("type", "object"))[:80])
    if kind == "float":
        if x.get("repr") not in ("nan", "inf", "-inf"):
            raise ValueError("bad float")
        return float(x["repr"])
    items = x.get("items")
    if kind in ("tuple", "set", "frozenset", "dict", "array") and not isinstance(items, list):
        raise ValueError("bad items")
    items = items if isinstance(items, list) else []
    if kind == "tuple":
        return tuple(_decode(i, depth + 1) for i in items)
    if kind in ("set", "frozenset"):
        return {"set": set, "frozenset": frozenset}[kind](_decode(i, depth + 1) for i in items)
    if kind == "dict":
        pairs = [_decode(i, depth + 1) for i in items]
        if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
            raise ValueError("bad pairs")
        return {k: v for k, v in pairs}
    if kind == "timedelta":
        import pandas as pd

        ns = x.get("ns")
        if type(ns) is not int or abs(ns) > 10 ** 20:
            raise ValueError("bad timedelta")
        return pd.Timedelta(ns, unit="ns")
    if kind in ("datetime", "date"):
        import datetime as dt

        import pandas as pd

        iso = x.get("iso")
        if not isinstance(iso, str) or len(iso) > 40:
            raise ValueError("bad time")
        return dt.date.fromisoformat(iso) if kind == "date" else pd.Timestamp(iso)
    if kind == "array":
        import numpy as np

        return np.array(_decode(items, depth + 1))
    if kind == "series":
        import pandas as pd

        return pd.Series(_decode(x.get("values"), depth + 1),
                         index=_decode(x.get("index"), depth + 1),
                         name=_decode(x.get("name"), depth + 1))
    if kind == "frame":
        import pandas as pd

        return pd.DataFrame(_decode(x.get("rows"), depth + 1),
                            columns=_decode(x.get("columns"), depth + 1),
                            index=_decode(x.get("index"), depth + 1))
    raise ValueError(f"unknown kind {kind!r}")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def decode(text: object, nonce: str, names: list[str]) -> dict[str, Any]:
    """{name: value} from the kernel's reply text; a value is :class:`Unreadable` when the
    reply is not exactly what the kit's encoder writes, :class:`Undefined` when unset."""
    broken = {n: Unreadable(_("the kernel's reply could not be read")) for n in names}
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return broken
    try:
        raw = ast.literal_eval(text)
        if not isinstance(raw, str):
            return broken
        data = json.loads(raw, parse_constant=_no_constant)
        if not isinstance(data, dict) or data.get("nonce") != nonce:
            return broken
        values = data.get("values")
        if not isinstance(values, dict) or set(values) != set(names):
            return broken
        out = {}
        for name in names:
            try:
                value = _decode(values[name], 0)
            except Exception:  # noqa: BLE001 - pandas and numpy refuse odd shapes in many ways
                value = Unreadable(_("the kernel's reply could not be read"))
            out[name] = Undefined(name) if isinstance(value, Undefined) else value
        return out
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return broken
