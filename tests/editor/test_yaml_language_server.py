"""`archdoc schema` in a real editor checker: yaml-language-server (npm, pinned) over LSP stdio.

The model files name the schema as the README says, with a `# yaml-language-server: $schema=`
modeline; the test asks for completion at the value of `kind:` and reads the diagnostics the
server publishes, as an editor would.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from archdoc.cli import main

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
TIMEOUT = 60.0  # seconds for any one answer; the server answers in about one

pytestmark = pytest.mark.slow

MODEL = """\
# yaml-language-server: $schema=./archdoc.schema.json
elements:
  - {id: fn, kind: aws.compute.Lambda}
  - {id: lb, kind: aws.ALB}
  - {id: db, kind: aws.NoSuchThing}
  - {id: api, colour: red}
  - id: queue
    kind: \n"""
FRAGMENT = """\
# yaml-language-server: $schema=./archdoc-fragment.schema.json
groups:
  - {id: vpc, kind: aws.VPC}
relations:
  - fn -> db
colour: red
"""


class LanguageServer:
    """A JSON-RPC client of one yaml-language-server process on stdin/stdout."""

    def __init__(self, cwd: Path, settings: dict[str, Any]) -> None:
        node = shutil.which("node")
        if node is None or not SERVER.exists():
            pytest.fail("yaml-language-server is not installed: run ./dev setup (npm ci)")
        self.process = subprocess.Popen([node, str(SERVER), "--stdio"], cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.settings = settings  # the sections the server asks for with workspace/configuration
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            body = stream.read(length) if line and length is not None else b""
            if length is None or len(body) < length:  # the server stopped (or was stopped) mid-message
                return
            self.messages.put(json.loads(body))

    def notify(self, method: str, params: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", "method": method, "params": params}).encode()
        self._send(data)

    def _send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(data), data))
        self.process.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send(json.dumps({"jsonrpc": "2.0", "id": ident, "method": method, "params": params}).encode())
        return self.wait(lambda message: message.get("id") == ident and "method" not in message)["result"]

    def wait(self, wanted) -> dict[str, Any]:
        """The next message `wanted` accepts; requests from the server are answered with null meanwhile."""
        deadline = time.monotonic() + TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                break
            if "method" in message and "id" in message:  # workspace/configuration, client/registerCapability
                self._send(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message)}).encode())
            elif wanted(message):
                return message
        pytest.fail(f"yaml-language-server gave no answer within {TIMEOUT:g} s")

    def _answer(self, request: dict[str, Any]) -> Any:
        if request["method"] != "workspace/configuration":
            return None
        return [self.settings.get(item.get("section"), {}) for item in request["params"]["items"]]

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text(encoding="utf-8")}})
        return uri

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        """The first non-empty diagnostics published for `uri` (a document here always has some)."""
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri and m["params"]["diagnostics"])
        return message["params"]["diagnostics"]

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


def write_schema(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> None:
    """`archdoc schema [ARGS] > path`."""
    assert main(["schema", *args]) == 0
    path.write_text(capsys.readouterr().out, encoding="utf-8")


@contextlib.contextmanager
def started(root: Path, **settings: Any) -> Iterator[LanguageServer]:
    """A server on the workspace `root`, with these `yaml` settings besides validation and completion."""
    # No schema store: the machine may be offline, and only archdoc's schema should apply.
    yaml_settings = {"validate": True, "completion": True, "schemaStore": {"enable": False}, **settings}
    client = LanguageServer(root, {"yaml": yaml_settings})
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {
            "workspace": {"configuration": True},
            "textDocument": {"completion": {"completionItem": {"snippetSupport": False}}, "publishDiagnostics": {}}}})
        client.notify("initialized", {})
        client.notify("workspace/didChangeConfiguration", {"settings": {}})  # the server pulls the settings
        yield client
    finally:
        client.close()


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder with both schemas, as cli.md has them written, and the model and fragment with modelines."""
    write_schema(tmp_path / "archdoc.schema.json", capsys)
    write_schema(tmp_path / "archdoc-fragment.schema.json", capsys, "--fragment")
    (tmp_path / "m.yaml").write_text(MODEL, encoding="utf-8")
    (tmp_path / "_shared.yaml").write_text(FRAGMENT, encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(workspace: Path) -> Iterator[LanguageServer]:
    with started(workspace) as client:
        yield client


def problems(diagnostics: list[dict[str, Any]]) -> dict[tuple[int, int], str]:
    """(line, column) of each diagnostic, both from 1 as in archdoc's findings, to its message."""
    return {(d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1): d["message"]
            for d in diagnostics}


def test_kind_completes_with_the_catalogue(server: LanguageServer, tmp_path: Path) -> None:
    uri = server.open(tmp_path / "m.yaml")
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                         "position": {"line": 7, "character": 10}})
    labels = {item["label"] for item in (result["items"] if isinstance(result, dict) else result)}
    assert {"aws.compute.Lambda", "aws.ALB", "aws.database.RDS", "person"} <= labels
    assert len(labels) > 1000  # the whole catalogue, not a sample


def test_unknown_kind_and_unknown_key_are_flagged_and_nothing_else(server: LanguageServer, tmp_path: Path) -> None:
    found = problems(server.diagnostics(server.open(tmp_path / "m.yaml")))
    assert "aws.compute.Lambda" in found.pop((5, 20))  # aws.NoSuchThing: the message lists valid kinds
    assert "colour" in found.pop((6, 15))
    assert set(found) == {(8, 11)}  # the kind left empty for completion; the Lambda and the ALB are fine


def test_a_fragment_validates_with_the_fragment_schema(server: LanguageServer, tmp_path: Path) -> None:
    found = problems(server.diagnostics(server.open(tmp_path / "_shared.yaml")))
    assert list(found) == [(6, 1)] and "colour" in found[(6, 1)]


def test_the_editor_settings_of_the_docs_pick_the_schema_by_file_name(workspace: Path) -> None:
    # site_src/cli.md's "yaml.schemas": models get the model schema, fragments (`_*.yaml`, and any
    # file in a `_*` folder) the fragment schema, at any depth below models/, without a modeline.
    models = workspace / "models"
    model_text, fragment_text = MODEL.split("\n", 1)[1], FRAGMENT.split("\n", 1)[1]
    files = {"shop.yaml": model_text, "team/billing.yaml": model_text,
             "_shared.yaml": fragment_text, "team/_parts/aws/regions.yaml": fragment_text}
    for name, text in files.items():
        (models / name).parent.mkdir(parents=True, exist_ok=True)
        (models / name).write_text(text, encoding="utf-8")
    schemas = {"./archdoc.schema.json": ["models/**/*.yaml", "!models/**/_*.yaml", "!models/**/_*/**"],
               "./archdoc-fragment.schema.json": ["models/**/_*.yaml", "models/**/_*/**/*.yaml"]}
    with started(workspace, schemas=schemas) as client:
        found = {name: problems(client.diagnostics(client.open(models / name))) for name in files}
    for name in ("shop.yaml", "team/billing.yaml"):  # as with the modeline, one line up
        assert set(found[name]) == {(4, 20), (5, 15), (7, 11)}, name
    for name in ("_shared.yaml", "team/_parts/aws/regions.yaml"):  # not "Missing property elements"
        assert list(found[name]) == [(5, 1)] and "colour" in found[name][(5, 1)], name
