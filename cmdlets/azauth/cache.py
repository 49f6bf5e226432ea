"""Named persistent token caches (Get-AzToken -TokenCache), with MSAL and msal-extensions.

Layout, as AzAuth's: ``~/.IdentityService/<name>/<name>`` is the MSAL token cache, kept by
msal-extensions in the platform's secret store (Keychain, DPAPI, libsecret) or, only with
-UseUnprotectedTokenCache, as a plain 0600 file in a 0700 folder.  Beside it,
``<name>.accounts.json`` records the accounts with the client id and authority they signed
in with (no secrets) and how the cache is protected, so a later call in another process
needs neither -ClientId nor -UseUnprotectedTokenCache guesses, and Get-AzTokenCache can
describe caches without opening them.

msal-extensions takes a file lock around every read-modify-write of the cache, so several
processes can share one cache; the account file is replaced atomically under its own lock.

Only ``msal`` and ``msal_extensions`` are imported here (not azure-identity): the cached
path of Get-AzToken is the one people run in loops, so it stays light.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import time
from pathlib import Path

from .errors import AzAuthError

RECORD_VERSION = 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
PROTECTED, UNPROTECTED, UNKNOWN = "Protected", "Unprotected", "Unknown"


def default_root() -> Path:
    return Path(os.path.expanduser("~")) / ".IdentityService"


def check_name(name: str) -> None:
    if not _NAME.match(name or "") or ".." in name:
        raise AzAuthError("cache_name", name=name)


class NamedCache:
    """One named cache: its files, its protection and its account record."""

    def __init__(self, name: str, root: Path | None = None) -> None:
        check_name(name)
        self.name = name
        self.folder = (root or default_root()) / name
        self.path = self.folder / name
        self.record_path = self.folder / f"{name}.accounts.json"

    # --- the account record -------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists() or self.record_path.exists()

    def read_record(self) -> dict:
        try:
            with open(self.record_path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def protection(self) -> str:
        """From the record; else a cache file that parses as JSON is a plain file."""
        recorded = self.read_record().get("protection")
        if recorded in (PROTECTED, UNPROTECTED):
            return recorded
        try:
            with open(self.path, encoding="utf-8") as f:
                json.load(f)
            return UNPROTECTED
        except (OSError, ValueError, UnicodeError):
            return UNKNOWN

    def save_record(self, protection: str, client_id: str, authority: str,
                    accounts: list[dict]) -> None:
        """Merge the signed-in accounts into the record (replaced atomically, 0600)."""
        from msal_extensions import CrossPlatLock
        self._make_folder()
        with CrossPlatLock(str(self.record_path) + ".lockfile"):
            record = self.read_record()
            known = {a.get("homeAccountId"): a for a in record.get("accounts") or []}
            for a in accounts:
                known[a["homeAccountId"]] = a
            record.update({"version": RECORD_VERSION, "protection": protection,
                           "clientId": client_id, "authority": authority,
                           "accounts": list(known.values())})
            tmp = self.record_path.with_name(self.record_path.name + f".{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(record, f, indent=2)
            os.replace(tmp, self.record_path)

    def forget_accounts(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.record_path.unlink()

    def _make_folder(self) -> None:
        self.folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(self.folder, 0o700)

    # --- the MSAL cache ----------------------------------------------------------------------------
    def open(self, unprotected: bool, create: bool):
        """The PersistedTokenCache, or an AzAuthError that says why it cannot be used."""
        from msal_extensions import FilePersistence, PersistedTokenCache
        recorded = self.protection() if self.exists() else None
        if not create and not self.exists():
            raise AzAuthError("cache_missing", name=self.name)
        if unprotected and recorded == PROTECTED:
            raise AzAuthError("CacheTokenError", f"The token cache '{self.name}' is protected; "
                              "leave out -UseUnprotectedTokenCache to use it.", "InvalidArgument")
        if not unprotected and recorded == UNPROTECTED:
            raise AzAuthError("CacheTokenError", f"The token cache '{self.name}' is stored "
                              "unprotected; add -UseUnprotectedTokenCache to use it.",
                              "InvalidArgument")
        if create:
            self._make_folder()
        if unprotected:
            if create and not self.path.exists():
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            return PersistedTokenCache(_atomic_file_persistence(FilePersistence,
                                                                str(self.path))), UNPROTECTED
        return PersistedTokenCache(self._encrypted()), PROTECTED

    def _encrypted(self):
        from msal_extensions import build_encrypted_persistence
        try:
            return build_encrypted_persistence(str(self.path))
        except Exception as e:  # noqa: BLE001 - ImportError, RuntimeError, libsecret errors
            reason = " ".join(str(e).split()) or type(e).__name__
            raise AzAuthError("protected_unavailable", reason=reason) from None

    def open_existing_any(self):
        """For listing and clearing: open with whatever protection the cache has."""
        return self.open(self.protection() == UNPROTECTED, create=False)[0]


def _atomic_file_persistence(base: type, location: str):
    """msal-extensions' FilePersistence truncates the file, then writes it: a process reading
    in between sees an empty cache (a valid one, so its retry does not start) and no account.
    This one writes a temporary file (0600) and renames it over the cache."""

    class AtomicFilePersistence(base):
        def save(self, content: str) -> None:
            location = self.get_location()
            tmp = f"{location}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(content)
            os.replace(tmp, location)

    return AtomicFilePersistence(location)


def accounts_in(cache) -> list[dict]:
    """Account entries of an MSAL cache, read without any network call."""
    import msal
    return list(cache.search(msal.TokenCache.CredentialType.ACCOUNT))


def clear(cache) -> int:
    """Remove every account and its tokens; returns how many accounts there were."""
    import msal
    kinds = msal.TokenCache.CredentialType
    count = len(accounts_in(cache))
    removers = {kinds.ACCESS_TOKEN: cache.remove_at, kinds.REFRESH_TOKEN: cache.remove_rt,
                kinds.ID_TOKEN: cache.remove_idt, kinds.ACCOUNT: cache.remove_account}
    for kind, remove in removers.items():
        for entry in list(cache.search(kind)):
            remove(entry)
    return count


# --- getting tokens through MSAL ---------------------------------------------------------------------
def authority_host() -> str:
    host = os.environ.get("AZURE_AUTHORITY_HOST", "").strip() or "login.microsoftonline.com"
    if "://" not in host:
        host = "https://" + host
    return host.rstrip("/")


def public_app(client_id: str, tenant: str, cache):
    import msal

    from .credentials import discovery_disabled
    return msal.PublicClientApplication(
        client_id, authority=f"{authority_host()}/{tenant}", token_cache=cache,
        instance_discovery=not discovery_disabled())


def account_entries(app, client_id: str, tenant: str) -> list[dict]:
    """What the account record keeps about each account (names and ids only)."""
    out = []
    for a in app.get_accounts():
        out.append({"username": a.get("username"), "homeAccountId": a.get("home_account_id"),
                    "tenantId": a.get("realm"), "environment": a.get("environment"),
                    "clientId": client_id, "authorityTenant": tenant})
    return out


class MsalResult:
    """The parts of an MSAL result Get-AzToken uses."""

    def __init__(self, result: dict, username: str | None) -> None:
        self.token = result["access_token"]
        self.expires_on = time.time() + int(result.get("expires_in") or 0)
        self.scopes = (result.get("scope") or "").split()
        self.username = username


def result_or_error(result: dict | None, set_error: str) -> dict:
    if result and "access_token" in result:
        return result
    if not result:
        raise AzAuthError("silent_failed", reason="No access or refresh token for these scopes "
                          "is in the cache.")
    from .errors import describe
    desc = result.get("error_description") or result.get("error") or "unknown error"
    codes = result.get("error_codes") or []
    text = describe(Exception(desc))
    if codes and "AADSTS" not in text:
        text = f"AADSTS{codes[0]}: {text}"
    from . import messages as M
    error_id, category = M.SET_ERRORS.get(set_error, ("CacheTokenError", "NotSpecified"))
    raise AzAuthError(error_id, "Could not get a token! " + text, category)
