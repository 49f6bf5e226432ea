"""System.Diagnostics.Process for Get-Process and Start-Process, read from Linux's /proc.

A :class:`Process` reads /proc/<pid> when a property is asked for, as .NET does on Linux
(``Refresh()`` is implied).  The memory properties follow .NET's Linux mapping: working set
from the resident pages, ``PagedMemorySize64`` from ``VmSwap``, ``PrivateMemorySize64``
from ``VmData``, ``NonpagedSystemMemorySize64`` always 0.  A process Start-Process
started also holds its ``subprocess.Popen``, which gives ``HasExited``, ``ExitCode`` and
``WaitForExit()``.
"""
from __future__ import annotations

import datetime
import functools
import os

from pwshlike.errors import DotNetException
from pwshlike.runtime.dotnet.common import net_error

PROC = "/proc"

# .NET's messages for ExitCode
NOT_EXITED = "Process must exit before requested information can be determined."
NOT_STARTED_HERE = ("Process was not started by this object, so requested information cannot "
                    "be determined.")


def _clock_ticks() -> int:
    return os.sysconf("SC_CLK_TCK")


def _page_size() -> int:
    return os.sysconf("SC_PAGE_SIZE")


@functools.cache
def _boot_time() -> float:
    with open(f"{PROC}/stat") as f:
        for line in f:
            if line.startswith("btime "):
                return float(line.split()[1])
    return 0.0


def all_pids() -> list[int]:
    try:
        return [int(n) for n in os.listdir(PROC) if n.isdigit()]
    except OSError:
        return []


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return None


class _Stat:
    """The fields of /proc/<pid>/stat that .NET uses (numbered as in proc(5))."""

    def __init__(self, text: str) -> None:
        self.comm = text[text.index("(") + 1:text.rindex(")")]
        rest = text[text.rindex(")") + 2:].split()

        def field(n: int) -> int:          # proc(5) numbers the fields from 1
            return int(rest[n - 3])
        self.state = rest[0]
        self.ppid, self.session = field(4), field(6)
        self.utime, self.stime = field(14), field(15)
        self.threads, self.starttime = field(20), field(22)
        self.vsize, self.rss = field(23), field(24)


class Process:
    """System.Diagnostics.Process (a snapshot is read from /proc on each access)."""

    dotnet_fullname = "System.Diagnostics.Process"
    PROPERTIES = ("Name", "Id", "Path", "CommandLine", "Parent", "SI", "Handles", "CPU",
                     "WS", "PM", "NPM", "VM", "StartTime", "HasExited", "ExitCode", "ProcessName",
                     "SessionId", "HandleCount", "WorkingSet64", "PagedMemorySize64",
                     "PrivateMemorySize64", "NonpagedSystemMemorySize64",
                     "VirtualMemorySize64", "TotalProcessorTime", "UserProcessorTime",
                     "PrivilegedProcessorTime", "Threads", "MainWindowTitle", "Responding")

    @staticmethod
    def ps_table_view():
        return process_view()

    def ps_property_list(self) -> list[tuple[str, object]]:
        """The properties Format-List and Select-Object * show; one that cannot be read
        (the process has exited) is empty, as in pwsh's formatting."""
        out = []
        for name in self.PROPERTIES:
            try:
                out.append((name, getattr(self, name)))
            except (OSError, DotNetException):
                out.append((name, None))
        return out

    def __init__(self, pid: int, popen=None) -> None:
        self.Id = pid
        self._popen = popen       # set when Start-Process started it
        self._name: str | None = None

    # --- /proc -----------------------------------------------------------------------------
    def _stat(self) -> _Stat | None:
        text = _read(f"{PROC}/{self.Id}/stat")
        if text is None or (self._popen is not None and self._popen.poll() is not None):
            return None
        return _Stat(text)

    def _need_stat(self) -> _Stat:
        st = self._stat()
        if st is None:
            raise net_error("InvalidOperationException",
                            "Process has exited, so the requested information is not available.")
        return st

    def _status(self, key: str) -> int:
        """A ``kB`` line of /proc/<pid>/status, in bytes (0 when missing)."""
        text = _read(f"{PROC}/{self.Id}/status") or ""
        for line in text.splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
        return 0

    # --- identity --------------------------------------------------------------------------
    @property
    def ProcessName(self) -> str:
        if self._name is None:
            st = self._stat()
            self._name = _untruncated_name(self.Id, st.comm) if st else ""
        return self._name

    Name = ProcessName

    @property
    def Path(self) -> str | None:
        try:
            return os.readlink(f"{PROC}/{self.Id}/exe")
        except OSError:
            return None

    @property
    def CommandLine(self) -> str | None:
        text = _read(f"{PROC}/{self.Id}/cmdline")
        return None if text is None else text.rstrip("\0").replace("\0", " ")

    @property
    def Parent(self):
        st = self._stat()
        if st is None or st.ppid == 0 or not os.path.exists(f"{PROC}/{st.ppid}"):
            return None
        return Process(st.ppid)

    @property
    def SessionId(self) -> int:
        return self._need_stat().session

    SI = SessionId

    @property
    def HandleCount(self) -> int:
        try:
            return len(os.listdir(f"{PROC}/{self.Id}/fd"))
        except OSError:
            return 0

    Handles = HandleCount

    # --- memory and time -------------------------------------------------------------------
    @property
    def WorkingSet64(self) -> int:
        return self._need_stat().rss * _page_size()

    WS = WorkingSet64

    @property
    def VirtualMemorySize64(self) -> int:
        return self._need_stat().vsize

    VM = VirtualMemorySize64

    @property
    def PagedMemorySize64(self) -> int:
        return self._status("VmSwap")

    PM = PagedMemorySize64

    @property
    def PrivateMemorySize64(self) -> int:
        return self._status("VmData")

    @property
    def NonpagedSystemMemorySize64(self) -> int:
        return 0

    NPM = NonpagedSystemMemorySize64

    def _seconds(self, ticks: int) -> float:
        return ticks / _clock_ticks()

    @property
    def TotalProcessorTime(self):
        st = self._need_stat()
        return datetime.timedelta(seconds=self._seconds(st.utime + st.stime))

    @property
    def UserProcessorTime(self):
        return datetime.timedelta(seconds=self._seconds(self._need_stat().utime))

    @property
    def PrivilegedProcessorTime(self):
        return datetime.timedelta(seconds=self._seconds(self._need_stat().stime))

    @property
    def CPU(self) -> float | None:
        st = self._stat()
        return None if st is None else self._seconds(st.utime + st.stime)

    @property
    def StartTime(self) -> datetime.datetime:
        st = self._need_stat()
        return datetime.datetime.fromtimestamp(_boot_time() + self._seconds(st.starttime))

    @property
    def Threads(self) -> int:
        return self._need_stat().threads

    @property
    def MainWindowTitle(self) -> str:
        return ""

    @property
    def Responding(self) -> bool:
        return True

    # --- life ------------------------------------------------------------------------------
    @property
    def HasExited(self) -> bool:
        if self._popen is not None:
            return self._popen.poll() is not None
        st = self._stat()
        return st is None or st.state in ("Z", "X")

    @property
    def ExitCode(self) -> int:
        if not self.HasExited:
            raise net_error("InvalidOperationException", NOT_EXITED)
        if self._popen is None:
            raise net_error("InvalidOperationException", NOT_STARTED_HERE)
        return exit_code(self._popen.returncode)

    def WaitForExit(self, milliseconds=None) -> bool | None:
        """WaitForExit() waits; WaitForExit(ms) says whether the process ended in time."""
        import time
        deadline = None if milliseconds is None or int(milliseconds) < 0 else \
            time.monotonic() + int(milliseconds) / 1000
        if self._popen is not None:
            import subprocess
            try:
                self._popen.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                return False
            return True if milliseconds is not None else None
        while not self.HasExited:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True if milliseconds is not None else None

    def Kill(self, entire_process_tree=False) -> None:
        """SIGKILL, as .NET sends on Unix.  ``Kill($true)`` does not look for the process's
        children: only the process itself ends."""
        import signal
        if self.HasExited:
            return
        try:
            os.kill(self.Id, signal.SIGKILL)
        except ProcessLookupError:
            return
        if self._popen is not None:
            self._popen.wait()

    def Refresh(self) -> None:
        self._name = None

    def CloseMainWindow(self) -> bool:
        return False

    def Close(self) -> None:
        pass

    def Dispose(self) -> None:
        pass

    def ToString(self) -> str:
        name = self.ProcessName
        return f"System.Diagnostics.Process ({name})" if name else "System.Diagnostics.Process"

    def __str__(self) -> str:
        return self.ToString()


def exit_code(returncode: int) -> int:
    """.NET's ExitCode on Unix: a process ended by signal N reports 128 + N."""
    return 128 - returncode if returncode < 0 else returncode


def _untruncated_name(pid: int, comm: str) -> str:
    """The kernel keeps 15 characters of a process name; .NET takes the full name from the
    program path in the command line when it starts with them."""
    if len(comm) < 15:
        return comm
    cmdline = _read(f"{PROC}/{pid}/cmdline") or ""
    argv0 = cmdline.split("\0", 1)[0]
    base = os.path.basename(argv0)
    return base if base.startswith(comm) else comm


def processes() -> list[Process]:
    """Every live process, as Process.GetProcesses() lists them."""
    out = []
    for pid in all_pids():
        p = Process(pid)
        if p.ProcessName:           # gone between listing and reading
            out.append(p)
    return out


def _cell(read):
    """A column of the view: pwsh's formatter shows an empty cell when reading fails
    (the process has exited, or /proc denies access)."""
    def cell(p):
        try:
            return read(p)
        except (OSError, ValueError, TypeError, DotNetException):
            return ""
    return cell


def _n2(value) -> str:
    """``"{0:N2}" -f [float]value``: two decimals with thousands separators (en-US)."""
    return f"{float(value):,.2f}"


@functools.cache
def process_view():
    """pwsh's default table for processes (DotNetTypes.format.ps1xml): memory in K and M,
    CPU seconds, Id, SI, name."""
    from pwshlike.host.formatting import RIGHT, TableColumn, TableView
    return TableView(
        columns=(TableColumn("NPM(K)", _cell(lambda p: int(p.NPM / 1024)), width=7,
                             alignment=RIGHT),
                 TableColumn("PM(M)", _cell(lambda p: _n2(p.PM / 1048576)), width=8,
                             alignment=RIGHT),
                 TableColumn("WS(M)", _cell(lambda p: _n2(p.WS / 1048576)), width=10,
                             alignment=RIGHT),
                 TableColumn("CPU(s)", _cell(lambda p: _n2(p.CPU or 0)), width=10,
                             alignment=RIGHT),
                 TableColumn("Id", "Id", width=7, alignment=RIGHT),
                 TableColumn("SI", _cell(lambda p: p.SI), width=3, alignment=RIGHT),
                 TableColumn("ProcessName", "ProcessName")),
        type_keys=frozenset({Process.dotnet_fullname}))


@functools.cache
def user_name_view():
    """pwsh's table for ``Get-Process -IncludeUserName``."""
    from pwshlike.host.formatting import RIGHT, TableColumn, TableView
    return TableView(
        columns=(TableColumn("WS(M)", _cell(lambda p: _n2(p.WS / 1048576)), width=10,
                             alignment=RIGHT),
                 TableColumn("CPU(s)", _cell(lambda p: _n2(p.CPU or 0)), width=8,
                             alignment=RIGHT),
                 TableColumn("Id", "Id", width=7, alignment=RIGHT),
                 TableColumn("UserName", "UserName", width=30),
                 TableColumn("ProcessName", "ProcessName")),
        type_keys=frozenset({Process.dotnet_fullname}))

