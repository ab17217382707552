"""Running one restored notebook's plan in a sandboxed kernel (inside a worker process).

A plan is the student's code cells in order, with a *values* step where each check cell
was: there the kernel is asked for the values of that check's answer variables (see
:mod:`.values`). Nothing the kernel prints is read. Each cell may take ``timeout``
seconds and the whole notebook ``total``; a kernel that dies is noticed within a fraction
of a second. The result is plain data for :mod:`.verdicts`.
"""

from __future__ import annotations

import json
import queue
import time
from pathlib import Path
from typing import Any

from artethics.tools.check import values
from artethics.tools.check.sandbox import Sandbox, kill_descendants

STARTUP = 90.0  # seconds a kernel may take to start on a loaded machine
MAX_EVALUE = 2000


def _drain(kc) -> None:
    """Throw away what the kernel broadcast (it is never read, only kept from piling up)."""
    try:
        while True:
            kc.get_iopub_msg(timeout=0)
    except queue.Empty:
        pass


def _execute(kc, km, code: str, cell_end: float, total_end: float, *, silent: bool = False,
             expressions: dict[str, str] | None = None) -> tuple[str, dict]:
    """('reply', content) or ('timeout' | 'total' | 'dead', {})."""
    msg_id = kc.execute(code, silent=silent, store_history=not silent,
                        user_expressions=expressions or {}, allow_stdin=False,
                        stop_on_error=False)
    while True:
        _drain(kc)
        now = time.monotonic()
        end = min(cell_end, total_end)
        if now >= end:
            return ("timeout" if cell_end <= total_end else "total"), {}
        try:
            msg = kc.get_shell_msg(timeout=min(0.2, end - now))
        except queue.Empty:
            if not km.is_alive():
                return "dead", {}
            continue
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return "reply", msg.get("content", {})


def _text(value: object, limit: int = MAX_EVALUE) -> str:
    return str(value)[:limit]


def _spec_dir(box: Sandbox) -> Path:
    folder = box.run / "kernels" / "artethics-check"
    folder.mkdir(parents=True)
    spec = {"argv": box.argv(), "display_name": "artethics check", "language": "python",
            "env": {}}
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return folder.parent


def run_plan(plan: list[dict], box: Sandbox, timeout: float, total: float) -> dict[str, Any]:
    """Run ``plan`` in a fresh sandboxed kernel; what each step did, as plain data."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    result: dict[str, Any] = {"cells": [], "values": {}, "started": False, "stopped": "",
                              "stopped_at": -1, "problem": ""}
    km = KernelManager(kernel_name="artethics-check",
                       kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(_spec_dir(box))]),
                       transport="ipc", ip=str(box.run / "k"),
                       connection_file=str(box.run / "kernel.json"))
    kc = None
    try:
        km.start_kernel(env=box.env(), cwd=str(box.work))
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=STARTUP)
        except RuntimeError as exc:
            result["problem"] = _text(exc, 300)
            return result
        result["started"] = True
        total_end = time.monotonic() + total
        for step in plan:
            cell_end = time.monotonic() + timeout
            if step["kind"] == "code":
                how, reply = _execute(kc, km, step["source"], cell_end, total_end)
                rec = {"cell": step["cell"], "status": how}
                if how == "reply" and reply.get("status") == "error":
                    rec.update(status="error", ename=_text(reply.get("ename", ""), 200),
                               evalue=_text(reply.get("evalue", "")))
                elif how == "reply":
                    rec["status"] = "ok"
                result["cells"].append(rec)
                if how != "reply":
                    result["stopped"], result["stopped_at"] = how, step["cell"]
                    break
            else:
                code, expressions, nonce = values.request(step["names"])
                how, reply = _execute(kc, km, code, cell_end, total_end, silent=True,
                                      expressions=expressions)
                got = reply.get("user_expressions", {}).get("v", {}) if how == "reply" else {}
                text = got.get("data", {}).get("text/plain") if isinstance(got, dict) else None
                result["values"][step["exercise"]] = {
                    "how": how, "nonce": nonce, "names": step["names"],
                    "text": text if isinstance(text, str) else None}
                if how != "reply":
                    result["stopped"], result["stopped_at"] = how, step.get("cell", -1)
                    break
        return result
    except Exception as exc:  # noqa: BLE001 - a kernel that cannot start is one notebook's problem
        result["problem"] = f"{type(exc).__name__}: {_text(exc, 300)}"
        return result
    finally:
        if kc is not None:
            try:
                kc.stop_channels()
            except Exception:  # noqa: BLE001, S110 - cleaning up after a broken kernel
                pass
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001, S110
            pass
        result["leftover"] = kill_descendants()
