"""AppTest's runs compile the scripts once, as the server does."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType


@contextmanager
def scripts_compiled_once() -> Iterator[None]:
    """Share one store of compiled scripts between every `ScriptCache` made meanwhile.

    AppTest makes a new cache for every run, so the app's script and the page's were compiled
    afresh each time: 10-20 ms of a 40-80 ms run of our larger pages, which the server pays
    once for its whole life. The store is keyed on the script's text, so a script changed
    meanwhile is compiled again.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    compiled: dict[tuple[str, bytes], CodeType] = {}
    compile_afresh = ScriptCache.get_bytecode

    def get_bytecode(cache: ScriptCache, script_path: str) -> CodeType:
        key = (os.path.abspath(script_path), Path(script_path).read_bytes())
        if (code := compiled.get(key)) is None:
            code = compiled[key] = compile_afresh(cache, script_path)
        return code

    ScriptCache.get_bytecode = get_bytecode
    try:
        yield
    finally:
        ScriptCache.get_bytecode = compile_afresh
