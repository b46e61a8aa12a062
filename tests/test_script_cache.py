from streamlit.runtime.scriptrunner.script_cache import ScriptCache

from tests.script_cache import scripts_compiled_once


def _result(code) -> dict:
    scope: dict = {}
    exec(code, scope)
    return scope


def test_one_script_is_compiled_once_for_every_cache(tmp_path):
    script = tmp_path / "page.py"
    script.write_text("answer = 1\n")
    with scripts_compiled_once():
        first = ScriptCache().get_bytecode(str(script))
        again = ScriptCache().get_bytecode(str(script))
    assert again is first
    assert _result(first)["answer"] == 1


def test_a_script_changed_meanwhile_is_compiled_again(tmp_path):
    script = tmp_path / "page.py"
    script.write_text("answer = 1\n")
    with scripts_compiled_once():
        first = ScriptCache().get_bytecode(str(script))
        script.write_text("answer = 2\n")
        changed = ScriptCache().get_bytecode(str(script))
    assert _result(first)["answer"] == 1
    assert _result(changed)["answer"] == 2


def test_leaving_it_puts_back_how_caches_compiled_before():
    before = ScriptCache.get_bytecode
    with scripts_compiled_once():
        pass
    assert ScriptCache.get_bytecode is before
