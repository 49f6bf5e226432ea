"""The minimal prompt loop, driven without a terminal: inputs run once they parse,
incomplete input continues, errors do not end the session, ``exit N`` ends it with N."""
from __future__ import annotations

import io

from pwshlike.engine import Engine, Host
from pwshlike.host.prompt import prompt_loop


def drive(*lines: str):
    out, err = io.StringIO(), io.StringIO()
    engine = Engine(Host(out, err))
    prompts: list[str] = []
    feed = iter(lines)

    def read_line(prompt: str) -> str:
        prompts.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    code = prompt_loop(engine, read_line)
    return code, out.getvalue(), err.getvalue(), prompts


def test_exit_with_a_code_ends_the_session_with_it():
    code, out, _, prompts = drive("'before'", "exit 3", "'never'")
    assert code == 3
    assert out == "before\n"
    assert len(prompts) == 2


def test_exit_inside_a_function_ends_the_session():
    code, _, _, _ = drive("function quit { exit 7 }", "quit", "'never'")
    assert code == 7


def test_incomplete_input_continues_with_the_continuation_prompt():
    code, out, _, prompts = drive("if ($true) {", "'inside'", "}", "$x = 2", "$x * 21")
    assert code == 0
    assert out == "inside\n42\n"
    assert prompts[1:3] == [">> ", ">> "]
    assert prompts[3].startswith("PS ") and prompts[3].endswith("> ")


def test_errors_are_reported_and_the_session_goes_on():
    # "1 +" is incomplete, so it continues; the empty line then runs it as it stands
    code, out, err, prompts = drive("throw 'boom'", "1 +", "", "'after'")
    assert prompts[2] == ">> "
    assert code == 0
    assert out == "after\n"
    assert err.startswith("Exception: boom\nParserError: \n")
    assert "You must provide a value expression following the '+' operator." in err
