"""Prompting through the host, as pwsh's console host does it.

* Missing mandatory parameters (``Prompt``): a blank line, the caption ``cmdlet <Name> at
  command pipeline position <N>``, ``Supply values for the following parameters:``, then
  ``(Type !? for Help.)`` when some parameter has a HelpMessage, then one ``Name: `` line
  per parameter.  Array parameters are read element by element (``Name[0]: ``, ...) until
  an empty line.  ``!?`` shows the HelpMessage, ``!""`` is an empty string, ``!$null`` is
  null and ``!!x`` is the text ``!x``.  End of input cancels the prompt.
* Confirmation (``PromptForChoice``): caption, message, then ``[Y] Yes  [N] No  [?] Help
  (default is "Y"): ``; ``?`` lists each choice's help.

Reading goes through ``ctx.host.read_line()`` so tests can inject the input.
"""
from __future__ import annotations

from ..runtime.convert import to_str

CAPTION = "cmdlet {0} at command pipeline position {1}"
MESSAGE = "Supply values for the following parameters:"


class PromptCancelled(Exception):
    """The input ended (or was interrupted) while prompting."""


def _write(ctx, text: str) -> None:
    ctx.host.write(text)
    try:
        ctx.host.stdout.flush()
    except (AttributeError, ValueError, OSError):
        pass


def _read(ctx):
    reader = getattr(ctx.host, "read_line", None)
    if reader is None:
        return None
    return reader()


def prompt_for_parameters(ctx, command: str, position: int, params, mask: int) -> dict:
    """Ask for each missing mandatory parameter; returns name → value ({} when cancelled)."""
    fields = []
    for p in params:
        sd = p.set_data(mask) if mask else None
        help_message = sd.help_message if sd is not None else None
        if not help_message:
            help_message = next((s.help_message for s in p.sets.values() if s.help_message), None)
        fields.append((p, help_message))
    _write(ctx, "\n" + CAPTION.format(command, position) + "\n" + MESSAGE + "\n")
    if any(h for _, h in fields):
        _write(ctx, "(Type !? for Help.)\n")
    results: dict = {}
    try:
        for p, help_message in fields:
            coll = p.collection
            if coll is not None:
                items = []
                while True:
                    done, value = _prompt_one(ctx, f"{p.name}[{len(items)}]: ", p.name,
                                              help_message, coll[1], True)
                    if done:
                        break
                    items.append(value)
                results[p.name] = _as_collection(p, items)
            else:
                _, value = _prompt_one(ctx, f"{p.name}: ", p.name, help_message, p.type, False)
                results[p.name] = value
    except PromptCancelled:
        _write(ctx, "\n")
        return {}
    return results


def _as_collection(p, items: list):
    from ..errors import DotNetException
    t = p.type
    try:
        return t.convert(items) if t is not None else items
    except DotNetException:
        return items


def _prompt_one(ctx, label: str, name: str, help_message, t, list_input: bool):
    """One field: returns (ended, value); ``ended`` is an empty line in list input."""
    while True:
        _write(ctx, label)
        raw = _read(ctx)
        if raw is None:
            raise PromptCancelled
        if raw.startswith("!"):
            command = raw[1:]
            if command.startswith("!"):
                text = command
            elif command == "?":
                _write(ctx, (help_message or f"No help is available for {name}.") + "\n")
                continue
            elif command == '""':
                text = ""
            elif command.lower() == "$null":
                return False, None
            else:
                _write(ctx, f'"{raw}" cannot be recognized as a valid Prompt command.\n')
                continue
        else:
            if raw == "" and list_input:
                return True, None
            text = raw
        ok, value = _convert(t, text)
        if ok:
            return False, value
        if text:
            _write(ctx, f'Cannot recognize "{text}" as a {t.fullname} due to a format error.\n')


def _convert(t, text: str):
    from ..errors import DotNetException
    if t is None or t.fullname in ("System.Object", "System.String",
                                   "System.Management.Automation.PSObject"):
        return True, text
    try:
        return True, t.convert(text)
    except DotNetException:
        return False, None


# --- choices ---------------------------------------------------------------------------------------
class Choice:
    __slots__ = ("help", "hotkey", "label")

    def __init__(self, label: str, help_text: str) -> None:
        amp = label.find("&")
        self.hotkey = label[amp + 1].upper() if 0 <= amp < len(label) - 1 else ""
        self.label = label.replace("&", "")
        self.help = help_text


YES = Choice("&Yes", "Continue with only the next step of the operation.")
YES_ALL = Choice("Yes to &All", "Continue with all the steps of the operation.")
NO = Choice("&No", "Skip this operation and proceed with the next operation.")
NO_ALL = Choice("No to A&ll", "Skip this operation and all subsequent operations.")
HALT = Choice("&Halt Command", "Stop this command.")


def prompt_for_choice(ctx, caption: str, message: str, choices: list[Choice],
                      default: int = 0) -> int:
    """PromptForChoice on the console; returns the index chosen."""
    if caption:
        _write(ctx, "\n" + caption + "\n")
    if message:
        _write(ctx, message + "\n")
    line = "".join(f"[{c.hotkey}] {c.label}  " for c in choices) + "[?] Help "
    if default >= 0:
        d = choices[default]
        line += f'(default is "{d.hotkey or d.label}"): '
    while True:
        _write(ctx, line)
        raw = _read(ctx)
        if raw is None:
            raise PromptCancelled
        answer = raw.strip()
        if answer == "":
            if default >= 0:
                return default
            continue
        if answer == "?":
            for c in choices:
                _write(ctx, f"{c.hotkey or c.label} - {c.help}\n")
            continue
        low = answer.lower()
        for i, c in enumerate(choices):
            if c.hotkey and c.hotkey.lower() == low:
                return i
        for i, c in enumerate(choices):
            if c.label.lower() == low:
                return i


def noninteractive_error():
    from ..errors import PSInvalidOperationException, runtime_error
    return runtime_error(PSInvalidOperationException, "HostException",
                         "PowerShell is in NonInteractive mode. Read and Prompt functionality is "
                         "not available.", "InvalidOperation")


__all__ = ["HALT", "NO", "NO_ALL", "YES", "YES_ALL", "Choice", "PromptCancelled",
           "noninteractive_error", "prompt_for_choice", "prompt_for_parameters", "to_str"]
