"""What the hub test needs to drive a real JupyterHub: start it and stop it by PID, find
every process it started, and talk to the hub's and the single-user servers' REST and
kernel APIs with a token, as JupyterLab does (tests/hub/test_hub.py)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

# --- processes -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, start time) of a live process, from /proc; None for a process that
    is gone or dead (a zombie waiting for its parent to collect it)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[1]), int(fields[19])


def descendants(root: int) -> dict[int, int]:
    """Every live process below ``root``: pid -> start time (a pid reused later has
    another start time, so it is never mistaken for one of ours)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat:
                parents[int(entry)] = stat
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        for child, (ppid, start) in parents.items():
            if ppid == pid and child not in found:
                found[child] = start
                todo.append(child)
    return found


def alive(processes: dict[int, int]) -> list[int]:
    """The processes of ``processes`` still running (same pid, same start time)."""
    return sorted(pid for pid, start in processes.items()
                  if (stat := _stat(pid)) and stat[1] == start)


def stop(proc: subprocess.Popen, seen: dict[int, int], grace: float = 30,
         settle: float = 10) -> list[int]:
    """Stop ``proc`` with SIGTERM (its own clean-up), wait ``grace`` s for it and ``settle``
    s for its processes, then kill by PID whatever of ``seen`` (and ``proc``) is left;
    returns the PIDs that had to be killed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    deadline = time.monotonic() + settle
    while alive(seen) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = alive(seen) + ([proc.pid] if proc.poll() is None else [])
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if proc.poll() is None:
        proc.wait(10)
    return left


# --- the hub's and the servers' APIs ----------------------------------------------------------


class Hub:
    """A client of one running hub at ``url`` (the proxy's public address)."""

    def __init__(self, url: str, token: str):
        self.url, self.token = url.rstrip("/"), token
        self.http = AsyncHTTPClient()

    async def call(self, method: str, path: str, body=None, token: str | None = None,
                   timeout: float = 120, ok=(200, 201, 202, 204)):
        request = HTTPRequest(
            self.url + path, method=method, request_timeout=timeout,
            headers={"Authorization": f"token {token or self.token}"},
            body=None if body is None and method in ("GET", "DELETE") else json.dumps(
                body if body is not None else {}))
        try:
            response = await self.http.fetch(request, raise_error=False)
        except OSError as exc:
            raise AssertionError(f"{method} {path}: {exc}") from exc
        if response.code not in ok:
            raise HTTPClientError(response.code, f"{method} {path}: {response.body[:500]!r}",
                                  response)
        return json.loads(response.body) if response.body else None

    async def wait_up(self, proc: subprocess.Popen, timeout: float, log: Path) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"the hub exited ({proc.returncode}):\n{tail(log)}")
            try:
                await self.call("GET", "/hub/api/", timeout=5)
                return
            except (HTTPClientError, AssertionError, ConnectionError):
                await asyncio.sleep(0.5)
        raise AssertionError(f"the hub did not answer within {timeout} s:\n{tail(log)}")

    async def user_token(self, user: str) -> str:
        reply = await self.call("POST", f"/hub/api/users/{user}/tokens",
                                {"note": "kit hub test", "expires_in": 3600})
        return reply["token"]

    async def start_server(self, user: str, timeout: float, log: Path) -> None:
        await self.call("POST", f"/hub/api/users/{user}/server")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = await self.call("GET", f"/hub/api/users/{user}")
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not server or not server.get("pending"):
                if server is None and model.get("pending") is None:
                    raise AssertionError(f"{user}'s server failed to start:\n{tail(log)}")
            await asyncio.sleep(0.5)
        raise AssertionError(f"{user}'s server was not ready within {timeout} s:\n{tail(log)}")

    async def stop_server(self, user: str, timeout: float) -> None:
        await self.call("DELETE", f"/hub/api/users/{user}/server")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = await self.call("GET", f"/hub/api/users/{user}")
            if "" not in model.get("servers", {}):
                return
            await asyncio.sleep(0.5)
        raise AssertionError(f"{user}'s server did not stop within {timeout} s")


class Server:
    """One user's single-user server, reached through the hub's proxy with their token."""

    def __init__(self, hub: Hub, user: str, token: str):
        self.hub, self.user, self.token = hub, user, token
        self.prefix = f"/user/{user}"

    async def call(self, method: str, path: str, body=None, **kw):
        return await self.hub.call(method, self.prefix + path, body, token=self.token, **kw)

    async def get_notebook(self, path: str) -> dict:
        model = await self.call("GET", f"/api/contents/{quote(path)}?content=1")
        return model["content"]

    async def put_notebook(self, path: str, nb: dict) -> None:
        await self.call("PUT", f"/api/contents/{quote(path)}",
                        {"type": "notebook", "format": "json", "content": nb})

    async def mkdir(self, path: str) -> None:
        await self.call("PUT", f"/api/contents/{quote(path)}", {"type": "directory"})

    async def kernel(self, path: str) -> Kernel:
        """Open ``path`` as JupyterLab does: a session with a fresh kernel."""
        session = await self.call("POST", "/api/sessions", {
            "path": path, "name": Path(path).name, "type": "notebook",
            "kernel": {"name": "python3"}})
        url = self.hub.url.replace("http", "ws", 1) + self.prefix + (
            f"/api/kernels/{session['kernel']['id']}/channels?session_id={uuid.uuid4().hex}")
        ws = await websocket_connect(HTTPRequest(
            url, headers={"Authorization": f"token {self.token}"}, request_timeout=60),
            max_message_size=64 << 20)
        return Kernel(self, session["id"], ws)


class Kernel:
    """Execute requests over a kernel's websocket; outputs as nbformat builds them."""

    def __init__(self, server: Server, session_id: str, ws):
        self.server, self.session_id, self.ws = server, session_id, ws
        self.session = uuid.uuid4().hex

    async def execute(self, code: str, timeout: float = 180) -> list[dict]:
        from nbformat.v4 import output_from_msg

        msg_id = uuid.uuid4().hex
        self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username":
                       self.server.user, "session": self.session, "version": "5.3",
                       "date": "2026-01-01T00:00:00Z"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        outputs, idle, replied = [], False, False
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{self.server.user}: a cell ran over {timeout} s:\n{code}")
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise AssertionError(f"{self.server.user}: the kernel's websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif kind == "execute_reply":
                replied = True
            elif kind == "clear_output":
                outputs.clear()
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append(output_from_msg(msg))
        return outputs

    async def close(self) -> None:
        self.ws.close()
        await self.server.call("DELETE", f"/api/sessions/{self.session_id}")


def text_of(outputs: list[dict]) -> str:
    """The text a person reads in a cell's outputs (stream text, plain-text results,
    error names and values)."""
    parts = []
    for output in outputs:
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename')}: {output.get('evalue')}")
        else:
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "".join(parts)


def tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
