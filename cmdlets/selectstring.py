"""Select-String: lines that match regular expressions or plain text, in files or piped
strings, as MatchInfo objects (pwsh's SelectStringCommand, MatchString.cs)."""
from __future__ import annotations

import os

from pwshlike.cmdlet import Cmdlet
from pwshlike.providers import FILESYSTEM
from pwshlike.runtime.convert import to_str

from ._files import PathMissing, path_not_found, provider_full_name, provider_paths
from ._matchinfo import MatchInfo, MatchInfoContext, context_tracker
from ._session import as_list, exc, wildcard

_IGNORE_CASE = 1                 # RegexOptions.IgnoreCase


def _validators() -> dict:
    from pwshlike.binding.validation import ValidateCount, ValidateNotNullOrEmpty, ValidateRange
    not_empty = ValidateNotNullOrEmpty()
    return {"Context": (not_empty, ValidateCount(1, 2), ValidateRange(0, 2 ** 31 - 1)),
            "Include": (not_empty,), "Exclude": (not_empty,), "Encoding": (not_empty,)}


class SelectStringCommand(Cmdlet):
    fq_name = "Microsoft.PowerShell.Commands.SelectStringCommand"
    allow_null_parameters = ("InputObject",)
    allow_empty_parameters = ("InputObject",)
    parameter_validators = _validators()

    # --- begin ---------------------------------------------------------------------------------
    def begin_processing(self) -> None:
        if self.is_bound("Culture") and not self.is_bound("SimpleMatch"):
            self.throw_terminating_error(self.error_record(
                "You must specify -Culture parameter only with -SimpleMatch parameter.",
                "CannotSpecifyCultureWithoutSimpleMatch", "InvalidData", None,
                exc("InvalidOperationException")))
        self.patterns = as_list(self.Pattern)
        self.regexes = None if self.SimpleMatch else [self._compile(p) for p in self.patterns]
        context = [int(n) for n in self.Context] if self.Context is not None else [0]
        self.pre, self.post = context[0], context[-1]
        self.include = [wildcard(p) for p in as_list(self.Include)] or None
        self.exclude = [wildcard(p) for p in as_list(self.Exclude)]
        location = self.ctx
        self._location = lambda: location.location
        self.tracker = context_tracker(self.pre, self.post, bool(self.Raw))
        self.record_number = 0
        self.done = False

    def _compile(self, pattern: str):
        from pwshlike.runtime.dotnet.regexmatch import compile_pattern
        try:
            return compile_pattern(pattern, None if self.CaseSensitive else _IGNORE_CASE)
        except Exception as e:  # noqa: BLE001 - .NET's ArgumentException for a bad pattern
            self.throw_terminating_error(self.error_record(
                f"The string {pattern} is not a valid regular expression: "
                f"{getattr(e, 'Message', e)}", "InvalidRegex", "InvalidArgument", None,
                exc("ArgumentException")))

    # --- per record ----------------------------------------------------------------------------
    def process_record(self) -> None:
        if self.done:
            return
        from pwshlike.providers.filesystem import FileInfo
        if self.is_bound("Path") or self.is_bound("LiteralPath"):
            self._search_files(self._resolve_files(), skip_folders=True)
            return
        item = self.InputObject if self.is_bound("InputObject") else None
        if isinstance(item, FileInfo):
            self._search_files([item.FullName], skip_folders=False)
            return
        self._search_object(item)

    def _resolve_files(self) -> list[str]:
        literal = self.is_bound("LiteralPath")
        files: list[str] = []
        for path in as_list(self.LiteralPath if literal else self.Path):
            try:
                provider, found = provider_paths(self, path, literal)
            except PathMissing as e:
                self.throw_terminating_error(path_not_found(self, e.full))
            if provider != FILESYSTEM:
                self.write_error(self._argument_error(
                    "Cannot open the file because the current provider "
                    f"({provider_full_name(provider)}) cannot open files."))
                continue
            files.extend(found)
        return files

    def _search_files(self, files: list[str], skip_folders: bool) -> None:
        for name in files:
            if skip_folders and os.path.isdir(name):
                continue
            if self._search_file(name) and self.Quiet:
                return
        if self.Quiet:
            self.write_object(None if self.List else False)

    def _search_object(self, item) -> None:
        """One piped object is one line (a MatchInfo from another Select-String is filtered by
        its Line); the record number is the line number."""
        self.record_number += 1
        previous = item if isinstance(item, MatchInfo) else None
        if previous is not None:
            line = previous.Line
            if self.pre or self.post:
                self.pre = self.post = 0
                self.tracker = context_tracker(0, 0, bool(self.Raw))
                self.write_warning('The option "Context" is not valid when searching results '
                                   "that are piped from Select-String output.")
        else:
            line = "" if item is None else item if isinstance(item, str) else to_str(item)
        result = self._match(line, previous)
        if result is None:
            self.tracker.track_line(line)
        else:
            if previous is None:
                result.LineNumber = self.record_number
            self.tracker.track_match(result)
        if self._flush(self.tracker) and self.Quiet:
            self.done = True

    def end_processing(self) -> None:
        self.tracker.track_eof()
        if not self.done:
            self._flush(self.tracker)

    # --- files -----------------------------------------------------------------------------------------
    def _search_file(self, name: str) -> bool:
        """Search one file; True when something was written for it."""
        from .content import decode, split_lines
        if not self._wanted(name):
            return False
        try:
            with open(name, "rb") as f:
                data = f.read()
        except OSError as e:
            from pwshlike.providers.fsops import dotnet_message
            message = f"Access to the path '{name}' is denied." if os.path.isdir(name) \
                else dotnet_message(e, name)[1]
            self.write_error(self._argument_error(f"The file {name} cannot be read: {message}"))
            return False
        encoding = self.Encoding if self.is_bound("Encoding") else None
        tracker = context_tracker(self.pre, self.post, bool(self.Raw))
        found = False
        for number, line in enumerate(split_lines(decode(data, encoding)), 1):
            result = self._match(line, None)
            if result is None:
                tracker.track_line(line)
            else:
                result.Path = name
                result.LineNumber = number
                tracker.track_match(result)
            if tracker.emit_queue:
                found = True
                if self.Quiet or self.List:
                    break        # only the first match of the file is written
                self._flush(tracker)
        tracker.track_eof()
        return self._flush(tracker) or found

    def _wanted(self, name: str) -> bool:
        """-Include / -Exclude, matched against the full path as pwsh does."""
        if self.include is not None and not any(rx.fullmatch(name) for rx in self.include):
            return False
        return not any(rx.fullmatch(name) for rx in self.exclude)

    def _argument_error(self, message: str):
        return self.error_record(message, "ProcessingFile", "InvalidArgument", None,
                                 exc("ArgumentException"))

    # --- matching and output ------------------------------------------------------------------------
    def _flush(self, tracker) -> bool:
        queue = tracker.emit_queue
        if not queue:
            return False
        if self.Raw:
            for match in queue:
                self.write_object(match.Line)
        elif self.Quiet and not self.List:
            self.write_object(True)
        elif self.List:
            self.write_object(queue[0])
        else:
            for match in queue:
                self.write_object(match)
        queue.clear()
        return True

    def _match(self, line: str, previous: MatchInfo | None) -> MatchInfo | None:
        """The MatchInfo for a line that is selected (matches, or with -NotMatch does not),
        else None.  ``previous`` is the MatchInfo being filtered again, if any."""
        matched, index, matches = self._find(line)
        if self.NotMatch:
            matched, index = not matched, 0
        if not matched:
            return None
        if previous is not None:
            # its display context may not fit the new selection: dropped from a copy
            return previous if previous.Context is None else previous.without_display_context()
        result = MatchInfo(self._location)
        result.IgnoreCase = not self.CaseSensitive
        result.Line = line
        result.Pattern = self.patterns[index]
        if self.pre or self.post:
            result.Context = MatchInfoContext()
        result.Matches = matches
        return result

    def _find(self, line: str) -> tuple[bool, int, list]:
        """(found, index of the pattern that matched, Regex Match objects)."""
        if self.regexes is None:
            for i, pattern in enumerate(self.patterns):
                if self._contains(line, pattern):
                    return True, i, _match_array([])
            return False, len(self.patterns), _match_array([])
        from pwshlike.runtime.dotnet.regexmatch import RegexMatch
        every = self.AllMatches and not self.NotMatch
        for i, rx in enumerate(self.regexes):
            if every:
                found = [RegexMatch(m) for m in rx.finditer(line)]
                if found:
                    return True, i, _match_array(found)
            else:
                m = rx.search(line)
                if m is not None:
                    return True, i, _match_array([RegexMatch(m)])
        return False, len(self.regexes), _match_array([])

    def _contains(self, line: str, pattern: str) -> bool:
        if self.CaseSensitive:
            return pattern in line
        return pattern.casefold() in line.casefold()


def _match_array(matches: list) -> list:
    """A ``System.Text.RegularExpressions.Match[]``."""
    from pwshlike.runtime.dotnet.common import ps_type
    from pwshlike.runtime.values import TypedArray
    return TypedArray(matches, ps_type("System.Text.RegularExpressions.Match"))
