"""A corpus of hostile inputs for ``artethics check`` and ``artethics collect``, written at
test time into a folder (nothing broken is kept in the tree). Each entry is a file (or a
special file) a careless instructor or a hostile student could hand in.

``notebook_files(folder)`` and ``answer_files(folder)`` return {name: path}. The same
names are used in the figures the hostile tests print.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path

GOOD_ANSWER = {"lesson": "02_edmond_de_belamy", "activity": "belamy.poll_before",
               "kind": "poll", "student": "alice",
               "data": {"case": "belamy", "when": "before", "stance": "against",
                        "confidence": 3},
               "recorded_at": "2026-01-05T10:00:00+00:00"}


def _nb(cells=None, **meta) -> dict:
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells if cells is not None else [],
            "metadata": {"artethics": {"lesson": "98_fixture", **meta}}}


def _code(source, metadata=None, **extra) -> dict:
    cell = {"cell_type": "code", "id": "c", "metadata": metadata if metadata is not None else {},
            "execution_count": None, "source": source, "outputs": []}
    cell.update(extra)
    return cell


def _deep(n: int) -> str:
    return '{"nbformat": 4, "cells": [], "metadata": ' + "[" * n + "]" * n + "}"


# name -> notebook JSON text (or bytes)
def notebook_texts(fixture_notebook: Callable[..., dict]) -> dict[str, str | bytes]:
    base = fixture_notebook("98_fixture")
    out: dict[str, str | bytes] = {}

    def variant(name, change):
        nb = copy.deepcopy(base)
        change(nb)
        out[name] = json.dumps(nb, ensure_ascii=False)

    out["empty_file"] = ""
    out["whitespace_only"] = "   \n\t\n"
    out["binary_jpeg"] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
    out["latin1_text"] = '{"cells": [], "x": "caf\xe9"}'.encode("latin-1")
    out["utf16_bom"] = json.dumps(base).encode("utf-16")
    out["utf8_bom"] = b"\xef\xbb\xbf" + json.dumps(base).encode()
    out["truncated_half"] = json.dumps(base)[: len(json.dumps(base)) // 2]
    out["json_null"] = "null"
    out["json_number"] = "42"
    out["json_string"] = '"a notebook"'
    out["json_list"] = "[1, 2, 3]"
    out["deep_nesting_200k"] = _deep(200_000)
    out["deep_nesting_5k"] = _deep(5_000)
    out["int_5000_digits"] = '{"nbformat": ' + "9" * 5000 + ', "cells": []}'
    out["nbformat_5000_digits_in_cells"] = '{"nbformat": 4, "cells": [' + "1" * 5000 + "]}"
    out["nan_and_infinity"] = '{"nbformat": NaN, "cells": [], "metadata": {"x": Infinity}}'
    out["duplicate_keys"] = '{"nbformat": 4, "cells": [], "cells": "x"}'
    out["lone_surrogate_escape"] = ('{"nbformat": 4, "nbformat_minor": 5, "metadata": '
                                    '{"artethics": {"lesson": "98_fixture\\ud800"}}, '
                                    '"cells": []}')
    out["nbformat_3"] = json.dumps({**base, "nbformat": 3})
    out["nbformat_string"] = json.dumps({**base, "nbformat": "4"})
    out["nbformat_missing"] = json.dumps({k: v for k, v in base.items() if k != "nbformat"})
    out["cells_is_dict"] = json.dumps({**base, "cells": {"0": {}}})
    out["cells_is_string"] = json.dumps({**base, "cells": "cells"})
    out["metadata_is_list"] = json.dumps({**base, "metadata": [1, 2]})
    out["metadata_is_string"] = json.dumps({**base, "metadata": "x"})
    out["artethics_meta_is_list"] = json.dumps({**base, "metadata": {"artethics": ["l"]}})
    out["lesson_is_int"] = json.dumps({**base, "metadata": {"artethics": {"lesson": 98}}})
    out["lesson_is_list"] = json.dumps({**base, "metadata": {"artethics": {"lesson": ["x"]}}})
    out["lesson_is_dict"] = json.dumps({**base, "metadata": {"artethics": {"lesson": {}}}})
    out["lesson_unknown"] = json.dumps({**base, "metadata": {"artethics": {"lesson": "zz"}}})
    out["lesson_path_traversal"] = json.dumps(
        {**base, "metadata": {"artethics": {"lesson": "../../etc/passwd"}}})
    out["lesson_with_ansi"] = json.dumps(
        {**base, "metadata": {"artethics": {"lesson": "\x1b[2K\r✔ all pass\n"}}})
    out["no_cells_at_all"] = json.dumps(_nb([]))
    variant("cell_is_int", lambda nb: nb["cells"].insert(1, 7))
    variant("cell_is_null", lambda nb: nb["cells"].insert(1, None))
    variant("cell_is_list", lambda nb: nb["cells"].insert(1, ["code"]))
    variant("cell_type_is_list", lambda nb: nb["cells"][1].update(cell_type=["code"]))
    variant("cell_metadata_is_list", lambda nb: nb["cells"][2].update(metadata=["x"]))
    variant("cell_metadata_is_int", lambda nb: nb["cells"][3].update(metadata=5))
    variant("cell_tags_is_int", lambda nb: nb["cells"][2]["metadata"].update(tags=5))
    variant("cell_tags_is_dict", lambda nb: nb["cells"][2]["metadata"].update(tags={"a": 1}))
    variant("cell_role_is_list", lambda nb: nb["cells"][3]["metadata"].update(
        artethics={"role": ["check"], "exercise": "fixture.total"}))
    variant("cell_exercise_is_dict", lambda nb: nb["cells"][3]["metadata"].update(
        artethics={"role": "check", "exercise": {"a": 1}}))
    variant("source_is_int", lambda nb: nb["cells"][2].update(source=12))
    variant("source_is_null", lambda nb: nb["cells"][2].update(source=None))
    variant("source_list_of_ints", lambda nb: nb["cells"][2].update(source=[1, 2, 3]))
    variant("source_is_dict", lambda nb: nb["cells"][2].update(source={"a": "b"}))
    variant("outputs_is_string", lambda nb: nb["cells"][2].update(outputs="x"))
    variant("cell_id_is_list", lambda nb: nb["cells"][3].update(id=["check-total"]))
    variant("every_cell_a_check", lambda nb: [c["metadata"].update(
        artethics={"role": "check", "exercise": "fixture.total"}) for c in nb["cells"]])
    variant("two_check_cells_same_exercise", lambda nb: nb["cells"].insert(
        4, copy.deepcopy(nb["cells"][3])))
    variant("all_cells_removed", lambda nb: nb.update(cells=[]))
    variant("only_markdown", lambda nb: nb.update(
        cells=[c for c in nb["cells"] if c.get("cell_type") == "markdown"]))
    variant("huge_markdown_cell", lambda nb: nb["cells"][0].update(source="x" * 2_000_000))
    variant("million_empty_cells", lambda nb: nb.update(
        cells=[{"cell_type": "raw", "source": "", "metadata": {}}] * 100_000))
    variant("lone_surrogate_in_source", lambda nb: nb["cells"][2].update(
        source="total = 1 + 3  # \ud800\n"))
    variant("nul_in_source", lambda nb: nb["cells"][2].update(source="total = 4\x00\n"))
    variant("check_cell_forged_print", lambda nb: nb["cells"][3].update(
        source='print("✔ fixture.total: right.")\n'))
    variant("nbval_skip_tags", lambda nb: [c["metadata"].update(tags=["nbval-skip"])
                                           for c in nb["cells"]])
    return out


def notebook_files(folder: Path, fixture_notebook) -> dict[str, Path]:
    """Every hostile notebook file under ``folder`` (names end in .ipynb), special files too."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, text in notebook_texts(fixture_notebook).items():
        path = folder / f"98_fixture-{name}.ipynb"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
        out[name] = path
    out.update(special_files(folder, ".ipynb"))
    return out


def special_files(folder: Path, suffix: str) -> dict[str, Path]:
    """FIFOs, devices, loops, folders and unreadable files named like submissions."""
    out: dict[str, Path] = {}
    fifo = folder / f"fifo{suffix}"
    os.mkfifo(fifo)
    out["fifo"] = fifo
    for name, target in (("link_dev_zero", "/dev/zero"), ("link_dev_urandom", "/dev/urandom"),
                         ("link_dev_null", "/dev/null"), ("link_missing", str(folder / "nope")),
                         ("link_to_folder", str(folder))):
        link = folder / f"{name}{suffix}"
        link.symlink_to(target)
        out[name] = link
    loop_a, loop_b = folder / f"loop_a{suffix}", folder / f"loop_b{suffix}"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    out["symlink_loop"] = loop_a
    sub = folder / f"a_folder{suffix}"
    sub.mkdir()
    (sub / "inner.txt").write_text("x", encoding="utf-8")
    out["folder_named_like_a_file"] = sub
    noread = folder / f"no_permission{suffix}"
    noread.write_text("{}", encoding="utf-8")
    noread.chmod(0)
    out["no_read_permission"] = noread
    bad_name = os.path.join(os.fsencode(folder), b"caf\xe9-not-utf8" + os.fsencode(suffix))
    with open(bad_name, "wb") as fh:
        fh.write(b"{}")
    out["non_utf8_file_name"] = Path(os.fsdecode(bad_name))
    newline_name = folder / f"line\nbreak\x1b[31m{suffix}"
    newline_name.write_text("{}", encoding="utf-8")
    out["newline_and_ansi_in_file_name"] = newline_name
    sparse = folder / f"sparse_huge{suffix}"
    with open(sparse, "wb") as fh:
        fh.truncate(60 << 20)  # 60 MB of zeros, no disk used
    out["sparse_60mb"] = sparse
    return out


def answer_texts() -> dict[str, str | bytes]:
    """Answer files (single answers, lists, exports) with something wrong in each."""
    def with_(**change) -> str:
        return json.dumps({**GOOD_ANSWER, **change}, ensure_ascii=False)

    def data_with(**change) -> str:
        return with_(data={**GOOD_ANSWER["data"], **change})

    out: dict[str, str | bytes] = {
        "stance_is_list": data_with(stance=["for", "against"]),
        "stance_is_dict": data_with(stance={"x": 1}),
        "confidence_is_text": data_with(confidence="high"),
        "confidence_is_bool": data_with(confidence=True),
        "case_is_int": data_with(case=3),
        "when_is_list": data_with(when=["before"]),
        "ok_is_text": with_(kind="exercise", data={"ok": "yes"}),
        "policy_is_list": with_(kind="policy", data={"policy": ["a"], "complete": True}),
        "policy_part_is_int": with_(kind="policy", data={"policy": {"consent": 1}}),
        "totals_is_text": with_(kind="matrix", data={"case": "belamy", "totals": "lots"}),
        "by_principle_values_text": with_(kind="balance", data={"by_principle": {"a": "b"}}),
        "own_is_dict": with_(kind="balance", data={"own": {"a": 1}}),
        "text_is_number": with_(kind="reflection", data={"text": 5, "passed": True}),
        "student_is_list": with_(student=["alice"]),
        "student_is_int": with_(student=7),
        "student_empty": with_(student="  "),
        "student_lone_surrogate": '{"lesson": "02_edmond_de_belamy", "activity": "belamy.poll_'
                                  'before", "kind": "poll", "student": "al\\udc80ice", "data": {}}',
        "lesson_is_list": with_(lesson=["02"]),
        "activity_uppercase": with_(activity="Belamy.Poll"),
        "kind_is_list": with_(kind=["poll"]),
        "kind_unknown": with_(kind="vote"),
        "data_is_list": with_(data=[1, 2]),
        "data_is_string": with_(data="stance=for"),
        "data_nested_deep": '{"lesson": "02_x", "activity": "a.b", "kind": "poll", "student": '
                            '"s", "data": {"x": ' + "[" * 3000 + "]" * 3000 + "}}",
        "data_5000_digit_int": '{"lesson": "02_x", "activity": "a.b", "kind": "poll", '
                               '"student": "s", "data": {"x": ' + "7" * 5000 + "}}",
        "data_nan": '{"lesson": "02_x", "activity": "a.b", "kind": "poll", "student": "s", '
                    '"data": {"x": NaN}}',
        "year_1_time": with_(recorded_at="0001-01-01T00:00:00+05:00"),
        "year_9999_time": with_(recorded_at="9999-12-31T23:59:59-05:00"),
        "time_without_zone": with_(recorded_at="2026-01-05T10:00:00"),
        "time_is_int": with_(recorded_at=1700000000),
        "time_very_long": with_(recorded_at="2026-01-05T10:00:00+00:00" + " " * 10_000),
        "unknown_field": json.dumps({**GOOD_ANSWER, "grade": "A"}),
        "missing_fields": json.dumps({"activity": "a.b"}),
        "export_responses_not_list": json.dumps({"format": "artethics-responses",
                                                 "responses": {"a": 1}}),
        "export_with_bad_items": json.dumps({"format": "artethics-responses",
                                             "responses": [1, "x", None, GOOD_ANSWER]}),
        "list_of_garbage": json.dumps([1, "two", None, [3]]),
        "deep_list_200k": "[" * 200_000 + "]" * 200_000,
        "int_5000_digits_top": "9" * 5000,
        "empty": "",
        "truncated": json.dumps(GOOD_ANSWER)[:30],
        "not_utf8": b"\xff\xfe\x00{",
        "notebook_with_bad_mime": json.dumps({"nbformat": 4, "cells": [
            {"cell_type": "code", "source": "", "metadata": {}, "outputs": [
                {"output_type": "display_data",
                 "data": {"application/vnd.artethics.response+json": ["not", "a dict"]}}]}]}),
        "notebook_outputs_is_int": json.dumps({"nbformat": 4, "cells": [
            {"cell_type": "code", "source": "", "metadata": {}, "outputs": 5}]}),
        "notebook_cell_is_string": json.dumps({"nbformat": 4, "cells": ["x"]}),
    }
    return out


def answer_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for name, text in answer_texts().items():
        path = folder / f"{name}.json"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        out[name] = path
    out.update(special_files(folder, ".json"))
    return out
