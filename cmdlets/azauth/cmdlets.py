"""Get-AzToken, Get-AzTokenCache and Clear-AzTokenCache: parameters in, records out.

The classes only read parameters, call flows.py / cache.py and turn every failure into a
non-terminating error record (AzAuth's behaviour since 2.8: ``-ErrorAction Stop`` makes
them stop a script).  Ctrl-C is not an error: it ends the pipeline as in pwsh.
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import os
import shutil
from pathlib import Path

from pwshlike.cmdlet import Cmdlet
from pwshlike.runtime.convert import to_str

from . import messages as M
from .errors import AzAuthError, token_error

DEFAULT_RESOURCE = "https://graph.microsoft.com"
DEFAULT_TIMEOUT = 120
_MAX_FILES, _MAX_BYTES = 10, 5 * 1024 * 1024


class _AzAuthCmdlet(Cmdlet):
    def param(self, name: str, default=None):
        """A bound parameter's value, else ``default`` (spec defaults are help text only)."""
        if name not in self.bound_parameters:
            return default
        value = self.bound_parameters[name]
        if hasattr(value, "IsPresent"):
            return bool(value.IsPresent)
        return value

    def text(self, name: str, default: str | None = None) -> str | None:
        value = self.param(name)
        return default if value is None else to_str(value)

    def fail(self, e: AzAuthError, target=None) -> None:
        self.write_error(self.error_record(e.message, e.error_id, e.category, target))


class GetAzTokenCommand(_AzAuthCmdlet):
    """Gets a token by the parameter set's method; see help/Get-AzToken.md."""

    fq_name = "PipeHow.AzAuth.Cmdlets.GetAzToken"

    def begin_processing(self) -> None:
        if self.param("Force", False):
            from .credentials import session_state
            session_state(self.ctx).clear()

    def process_record(self) -> None:
        from .flows import TokenRequest, get_token
        set_name = self.parameter_set_name
        try:
            request = self._request(TokenRequest)
            token = get_token(self, request)
        except AzAuthError as e:
            self.fail(e)
            return
        except KeyboardInterrupt:
            raise
        except Exception as e:  # noqa: BLE001 - library failures become error records
            self.fail(token_error(set_name, e))
            return
        self.write_object(token)

    def _request(self, make):
        resource = self.text("Resource", DEFAULT_RESOURCE)
        scopes = self.param("Scope")
        scopes = [".default"] if scopes is None else [to_str(s) for s in (
            scopes if isinstance(scopes, list) else [scopes])]
        if not resource:
            raise _empty("Resource")
        if not scopes or any(not s for s in scopes):
            raise _empty("Scope")
        timeout = self.param("TimeoutSeconds")
        timeout = DEFAULT_TIMEOUT if timeout is None else int(timeout)
        if timeout < 1:
            raise AzAuthError(
                "ParameterArgumentValidationError",
                f"Cannot validate argument on parameter 'TimeoutSeconds'. The {timeout} argument "
                "is less than the minimum allowed range of 1. Supply an argument that is greater "
                "than or equal to 1 and then try the command again.", "InvalidData")
        cache_name = self.text("TokenCache")
        unprotected = self.param("UseUnprotectedTokenCache", False)
        if unprotected and not cache_name:
            raise AzAuthError("unprotected_without_cache")
        return make(
            set_name=self.parameter_set_name, resource=resource, scopes=scopes,
            tenant_id=self.text("TenantId"), client_id=self.text("ClientId"),
            claims=self.text("Claim"), timeout=timeout, cache_name=cache_name,
            unprotected=unprotected, username=self.text("Username"),
            client_secret=self.text("ClientSecret"),
            certificate=self.param("ClientCertificate"),
            certificate_path=self.text("ClientCertificatePath"),
            external_token=self.text("ExternalToken"))


def _empty(name: str) -> AzAuthError:
    return AzAuthError("ParameterArgumentValidationError",
                       f"Cannot validate argument on parameter '{name}'. The argument is null or "
                       "empty. Provide an argument that is not null or empty, and then try the "
                       "command again.", "InvalidData")


class TokenCacheInfo:
    """PipeHow.AzAuth.TokenCacheInfo: what Get-AzTokenCache reports about one cache."""

    dotnet_fullname = "PipeHow.AzAuth.TokenCacheInfo"
    ps_properties = ("Name", "Path", "CreatedDate", "LastModified", "Protection",
                     "CacheDetailsChecked", "AccountCount", "Accounts")

    def __init__(self, name: str, path: str, created, modified, protection: str,
                 checked: bool, accounts: list[str] | None) -> None:
        self.Name = name
        self.Path = path
        self.CreatedDate = created
        self.LastModified = modified
        self.Protection = protection
        self.CacheDetailsChecked = checked
        self.Accounts = accounts
        self.AccountCount = None if accounts is None else len(accounts)

    def ToString(self) -> str:
        return self.Name


def _root(cmdlet: _AzAuthCmdlet) -> Path:
    from .cache import default_root
    root = cmdlet.text("RootPath")
    return Path(cmdlet.ctx.resolve_path(root)) if root else default_root()


def _mtime(path: Path):
    try:
        return _dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


class GetAzTokenCacheCommand(_AzAuthCmdlet):
    """Lists named caches from their folders and account records (no tokens are read)."""

    fq_name = "PipeHow.AzAuth.Cmdlets.GetAzTokenCache"

    def process_record(self) -> None:
        from .cache import NamedCache, accounts_in
        root = _root(self)
        pattern = self.text("TokenCache") or "*"
        details = self.param("IncludeDetails", False)
        self.write_verbose(M.VERBOSE["scan"].format(root=root))
        if details:
            self.write_warning(M.WARNINGS["include_details"])
        try:
            names = sorted(e.name for e in os.scandir(root) if e.is_dir())
        except OSError:
            names = []
        names = [n for n in names if fnmatch.fnmatchcase(n.lower(), pattern.lower())]
        found = 0
        for name in names:
            try:
                cache = NamedCache(name, root)
            except AzAuthError:
                continue
            if not cache.exists():
                continue
            found += 1
            record = cache.read_record()
            accounts = None
            if details:
                try:
                    accounts = [a.get("username") or a.get("home_account_id")
                                for a in accounts_in(cache.open_existing_any())]
                except AzAuthError as e:
                    self.fail(AzAuthError("list_failed", name=name, reason=e.message), name)
                except Exception as e:  # noqa: BLE001 - an unreadable cache is reported, not raised
                    self.fail(AzAuthError("list_failed", name=name, reason=type(e).__name__),
                              name)
            elif record.get("accounts") is not None:
                accounts = [a.get("username") or a.get("homeAccountId")
                            for a in record["accounts"]]
            try:
                created = _dt.datetime.fromtimestamp(cache.folder.stat().st_ctime)
            except OSError:
                created = None
            self.write_object(TokenCacheInfo(name, str(cache.path), created,
                                             _mtime(cache.path) or _mtime(cache.record_path),
                                             cache.protection(), bool(details), accounts))
        if not found:
            self.write_verbose(M.VERBOSE["none_found"])


class ClearAzTokenCacheCommand(_AzAuthCmdlet):
    """Signs every account out of a cache, or with -Force deletes its folder."""

    fq_name = "PipeHow.AzAuth.Cmdlets.ClearAzTokenCache"

    def process_record(self) -> None:
        from .cache import NamedCache, clear
        name = self.text("TokenCache") or ""
        if name == "msal.cache":
            self.write_warning(M.WARNINGS["msal_cache"])
        try:
            cache = NamedCache(name, _root(self))
        except AzAuthError as e:
            self.fail(e, name)
            return
        if self.param("Force", False):
            self._delete(cache)
            return
        if not cache.exists():
            self.write_warning(M.WARNINGS["cache_not_found"].format(name=name))
            return
        try:
            count = clear(cache.open_existing_any())
        except AzAuthError as e:
            self.fail(AzAuthError("clear_failed", name=name, reason=e.message), name)
            return
        except Exception as e:  # noqa: BLE001 - reported with the -Force hint
            self.fail(AzAuthError("clear_failed", name=name, reason=type(e).__name__), name)
            return
        cache.forget_accounts()
        self.write_verbose(M.VERBOSE["cleared"].format(count=count, name=name))

    def _delete(self, cache) -> None:
        self.write_warning(M.WARNINGS["force_delete"].format(name=cache.name))
        folder = cache.folder
        if not folder.is_dir():
            self.write_warning(M.WARNINGS["cache_not_found"].format(name=cache.name))
            return
        files = [p for p in folder.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        if len(files) > _MAX_FILES or size > _MAX_BYTES:
            what = "contains too many files" if len(files) > _MAX_FILES else "is too large"
            self.fail(AzAuthError("clear_unsafe", reason=(
                f"The token cache folder '{folder}' {what} to be a token cache. Deletion "
                "aborted for safety.")), cache.name)
            return
        shutil.rmtree(folder)
        self.write_verbose(M.VERBOSE["deleted"].format(path=folder))
