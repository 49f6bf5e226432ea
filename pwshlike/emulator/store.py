"""Short-lived grant state: authorization codes, device codes and refresh tokens.

Kept in memory and guarded by one lock because the HTTP server handles requests on
several threads (a device-code poll races with the approval, for instance).  Nothing here
is persisted: restarting the emulator signs every user out, as a fresh tenant would.
Refresh tokens are stored by their SHA-256 so a memory dump does not reveal them.
"""
from __future__ import annotations

import hashlib
import secrets
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from . import errors

_USER_CODE_ALPHABET = "".join(c for c in string.ascii_uppercase + string.digits
                              if c not in "0O1IL")


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@dataclass
class AuthCode:
    client_id: str
    tenant_id: str
    user_oid: str
    redirect_uri: str
    scope: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    expires_at: float
    redeemed: bool = False


@dataclass
class DeviceCode:
    client_id: str
    tenant_segment: str
    scope: str
    user_code: str
    expires_at: float
    interval: int
    user_oid: str | None = None      # set on approval
    declined: bool = False
    redeemed: bool = False
    device_code: str = field(default="", repr=False)


@dataclass
class RefreshGrant:
    client_id: str
    tenant_id: str
    user_oid: str
    expires_at: float


class GrantStore:
    """Thread-safe registry of outstanding grants; ``clock`` returns epoch seconds."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._codes: dict[str, AuthCode] = {}
        self._devices: dict[str, DeviceCode] = {}          # digest(device_code) -> record
        self._refresh: dict[str, RefreshGrant] = {}        # digest(refresh_token) -> record
        self._device_event = threading.Condition(self._lock)

    # --- authorization codes --------------------------------------------------------------
    def new_auth_code(self, record: AuthCode) -> str:
        code = "0.emu-code." + secrets.token_urlsafe(32)
        with self._lock:
            self._codes[_digest(code)] = record
        return code

    def redeem_auth_code(self, code: str) -> AuthCode:
        """The code's record, marked used; AADSTS errors for unknown, expired or reused codes."""
        with self._lock:
            record = self._codes.get(_digest(code))
            if record is None:
                raise errors.invalid_grant("The provided authorization code or refresh token "
                                           "is malformed or invalid.")
            if record.redeemed:
                raise errors.invalid_grant("The provided authorization code was already "
                                           "redeemed, please retry with a new valid code.", 54005)
            if self._clock() > record.expires_at:
                raise errors.invalid_grant("The provided authorization code or refresh token has "
                                           "expired due to inactivity.", 70008)
            record.redeemed = True
            return record

    # --- device codes ---------------------------------------------------------------------
    def new_device_code(self, record: DeviceCode) -> str:
        device_code = "0.emu-device." + secrets.token_urlsafe(40)
        with self._lock:
            while True:
                user_code = "".join(secrets.choice(_USER_CODE_ALPHABET) for _ in range(9))
                if all(d.user_code != user_code for d in self._devices.values()):
                    break
            record.user_code = user_code
            record.device_code = _digest(device_code)
            self._devices[record.device_code] = record
            self._device_event.notify_all()
        return device_code

    def pending_device_codes(self) -> list[DeviceCode]:
        """Unexpired, undecided device codes, oldest first."""
        now = self._clock()
        with self._lock:
            return [d for d in self._devices.values()
                    if d.user_oid is None and not d.declined and now <= d.expires_at]

    def wait_for_device_code(self, timeout: float) -> DeviceCode | None:
        """Block (bounded) until a pending device code exists; for tests driving the flow."""
        with self._device_event:
            self._device_event.wait_for(
                lambda: any(d.user_oid is None and not d.declined
                            for d in self._devices.values()), timeout=timeout)
        pending = self.pending_device_codes()
        return pending[-1] if pending else None

    def decide_device_code(self, user_code: str | None, user_oid: str | None) -> DeviceCode:
        """Approve (user_oid set) or decline (None) a pending device code.

        ``user_code`` None picks the most recent pending code. Raises LookupError if none."""
        now = self._clock()
        with self._lock:
            candidates = [d for d in self._devices.values()
                          if d.user_oid is None and not d.declined and now <= d.expires_at
                          and (user_code is None
                               or d.user_code == user_code.replace("-", "").strip().upper())]
            if not candidates:
                raise LookupError("no pending device code"
                                  + (f" with user code {user_code}" if user_code else ""))
            record = candidates[-1]
            if user_oid is None:
                record.declined = True
            else:
                record.user_oid = user_oid
            return record

    def clear_device_codes(self) -> None:
        """Forget every device code (a test fixture's reset between tests)."""
        with self._lock:
            self._devices.clear()

    def poll_device_code(self, device_code: str, client_id: str) -> DeviceCode:
        """The approved record, or the AADSTS error the poll must see."""
        with self._lock:
            record = self._devices.get(_digest(device_code))
            if record is None or record.client_id != client_id or record.redeemed:
                raise errors.bad_device_code()
            if self._clock() > record.expires_at:
                raise errors.device_code_expired()
            if record.declined:
                raise errors.device_code_declined()
            if record.user_oid is None:
                raise errors.authorization_pending()
            record.redeemed = True
            return record

    # --- refresh tokens -------------------------------------------------------------------
    def new_refresh_token(self, grant: RefreshGrant) -> str:
        token = "1.emu-rt." + secrets.token_urlsafe(48)
        with self._lock:
            self._refresh[_digest(token)] = grant
        return token

    def refresh_grant(self, token: str, client_id: str) -> RefreshGrant:
        with self._lock:
            grant = self._refresh.get(_digest(token))
        if grant is None or grant.client_id != client_id:
            raise errors.invalid_refresh_token()
        if self._clock() > grant.expires_at:
            raise errors.invalid_grant("The refresh token has expired due to inactivity.", 700082)
        return grant

    def revoke_refresh_tokens(self, user_oid: str | None = None) -> int:
        """Forget refresh tokens (all, or one user's): tests of re-authentication use it."""
        with self._lock:
            doomed = [k for k, g in self._refresh.items()
                      if user_oid is None or g.user_oid == user_oid]
            for key in doomed:
                del self._refresh[key]
            return len(doomed)
