"""A local Microsoft Entra ID and managed-identity emulator for offline token tests.

Start it with ``python -m pwshlike.emulator`` (prints the environment to set) or, from
Python/pytest, ``with running_emulator() as emu: ...``.  Nothing here is imported when
pwshlike starts; the submodules load only when this package is used.
"""
from __future__ import annotations

from typing import Any

__all__ = ["ConfigError", "Emulator", "FaultRule", "load_config", "make_client_certificate",
           "running_emulator"]

_EXPORTS = {
    "Emulator": ("server", "Emulator"),
    "running_emulator": ("server", "running_emulator"),
    "load_config": ("config", "load_config"),
    "ConfigError": ("config", "ConfigError"),
    "FaultRule": ("faults", "FaultRule"),
    "make_client_certificate": ("certs", "make_client_certificate"),
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib
        module, attr = _EXPORTS[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)
    raise AttributeError(name)
