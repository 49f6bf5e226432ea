"""Fault injection: make an endpoint slow, throttled, failing, garbled or silent.

Retry logic (azure-core's RetryPolicy, MSAL's own handling, Get-AzToken's timeouts) is only
trustworthy if it has been exercised, so each endpoint can be told to misbehave for the
next K requests or for a fraction of them.  Fractions draw from a seeded RNG so a test run
is repeatable, and every knob is bounded so a typo cannot hang a test suite.
"""
from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

#: Endpoint names a rule can target ("*" targets all of them).
ENDPOINTS = ("openid-configuration", "keys", "token", "devicecode", "authorize",
             "devicelogin", "managed-identity")
KINDS = ("delay", "status", "throttle", "malformed", "drop")
MAX_DELAY_MS = 30_000
MAX_COUNT = 1_000


class FaultError(ValueError):
    """A fault rule is invalid."""


@dataclass
class FaultRule:
    """One misbehaviour.

    kind: ``delay`` (sleep ``delay_ms`` then answer normally), ``status`` (answer ``status``,
    default 500, with an AADSTS-like body), ``throttle`` (429 with ``Retry-After:
    retry_after``), ``malformed`` (200 with a truncated JSON body), ``drop`` (close the
    connection without answering).  Applies to the next ``count`` matching requests, or —
    if ``fraction`` is given — to that share of them (seeded by ``seed``), at most
    ``count`` times.
    """

    endpoint: str = "*"
    kind: str = "status"
    count: int = 1
    fraction: float | None = None
    seed: int = 0
    delay_ms: int = 0
    status: int = 500
    retry_after: int = 1
    remaining: int = field(init=False, default=0)
    _rng: random.Random = field(init=False, repr=False, compare=False,
                                default_factory=random.Random)

    def __post_init__(self) -> None:
        if self.endpoint != "*" and self.endpoint not in ENDPOINTS:
            raise FaultError(f"unknown endpoint '{self.endpoint}'; expected one of "
                             f"{', '.join(('*',) + ENDPOINTS)}")
        if self.kind not in KINDS:
            raise FaultError(f"unknown kind '{self.kind}'; expected one of {', '.join(KINDS)}")
        if not 1 <= int(self.count) <= MAX_COUNT:
            raise FaultError(f"count must be between 1 and {MAX_COUNT}")
        if self.fraction is not None and not 0.0 < float(self.fraction) <= 1.0:
            raise FaultError("fraction must be in (0, 1]")
        if not 0 <= int(self.delay_ms) <= MAX_DELAY_MS:
            raise FaultError(f"delay_ms must be between 0 and {MAX_DELAY_MS}")
        if not 400 <= int(self.status) <= 599:
            raise FaultError("status must be an HTTP error status (400-599)")
        if not 0 <= int(self.retry_after) <= 3600:
            raise FaultError("retry_after must be between 0 and 3600 seconds")
        self.count, self.delay_ms = int(self.count), int(self.delay_ms)
        self.status, self.retry_after = int(self.status), int(self.retry_after)
        self.remaining = self.count
        self._rng = random.Random(self.seed)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FaultRule:
        allowed = {"endpoint", "kind", "count", "fraction", "seed", "delay_ms", "status",
                   "retry_after"}
        unknown = set(data) - allowed
        if unknown:
            raise FaultError(f"unknown field(s) {', '.join(sorted(unknown))}")
        try:
            return cls(**dict(data))
        except (TypeError, ValueError) as exc:
            if isinstance(exc, FaultError):
                raise
            raise FaultError(str(exc)) from None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("_rng", None)
        return data

    def _fires(self) -> bool:
        if self.remaining <= 0:
            return False
        if self.fraction is not None and self._rng.random() >= self.fraction:
            return False
        self.remaining -= 1
        return True


class FaultInjector:
    """The active rules; consulted once per request (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []

    def add(self, rule: FaultRule | None = None, **fields: Any) -> FaultRule:
        """Add a rule (a FaultRule, or its fields as keywords)."""
        rule = rule or FaultRule.from_dict(fields)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_dict() for r in self._rules]

    def draw(self, endpoint: str) -> tuple[int, FaultRule | None]:
        """(total delay in ms, the terminal rule to apply or None) for one request."""
        delay = 0
        terminal: FaultRule | None = None
        with self._lock:
            for rule in self._rules:
                if rule.endpoint not in ("*", endpoint):
                    continue
                if rule.kind == "delay":
                    if rule._fires():
                        delay += rule.delay_ms
                elif terminal is None and rule._fires():
                    terminal = rule
            self._rules = [r for r in self._rules if r.remaining > 0]
        return min(delay, MAX_DELAY_MS), terminal
