"""The emulator's directory: tenants, users, applications and managed identities.

The directory is data (YAML or JSON, see ``default_config.yaml``) so a test or a user can
describe the identities they need without touching code.  Loading validates everything
up front, so a typo in a config file fails at start-up with the offending path rather
than as a confusing AADSTS error later.
"""
from __future__ import annotations

import base64
import copy
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

#: Tenant path segments that are not a tenant but a choice of audience.
META_TENANTS = ("common", "organizations", "consumers")


class ConfigError(ValueError):
    """The configuration is invalid; the message names the offending entry."""


@dataclass(frozen=True)
class Tenant:
    id: str
    name: str
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class User:
    upn: str
    oid: str
    tenant: str                     # tenant id
    name: str
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Certificate:
    """A certificate registered on an application (public part only)."""

    sha1: bytes                      # DER SHA-1 thumbprint (MSAL's "x5t")
    sha256: bytes | None = None      # DER SHA-256 thumbprint ("x5t#S256"); None if thumbprint-only
    public_key: Any = field(default=None, repr=False)   # None if registered by thumbprint only

    @property
    def thumbprint(self) -> str:
        return self.sha1.hex().upper()


@dataclass(frozen=True)
class FederatedCredential:
    issuer: str
    subject: str
    audiences: tuple[str, ...] = ("api://AzureADTokenExchange",)
    # "emulator" (verify with the emulator's token key), a PEM public key/certificate, or None
    # (signature not checked: the claims still have to match).
    signing_key: Any = field(default=None, repr=False)


@dataclass(frozen=True)
class Application:
    client_id: str
    name: str
    tenant: str | None              # home tenant id; None for multi-tenant first-party apps
    object_id: str
    public_client: bool = False
    multi_tenant: bool = False
    secrets: tuple[str, ...] = field(default=(), repr=False)
    certificates: tuple[Certificate, ...] = ()
    federated_credentials: tuple[FederatedCredential, ...] = ()
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    delegated_scopes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def in_tenant(self, tenant_id: str) -> bool:
        return self.multi_tenant or self.tenant == tenant_id


@dataclass(frozen=True)
class ManagedIdentity:
    name: str
    client_id: str
    object_id: str
    tenant: str
    resource_id: str | None = None
    system_assigned: bool = False


@dataclass(frozen=True)
class Settings:
    token_lifetime_seconds: int = 3599
    refresh_token_lifetime_seconds: int = 90 * 24 * 3600
    auth_code_lifetime_seconds: int = 600
    device_code_lifetime_seconds: int = 900
    device_code_interval_seconds: int = 1
    auto_approve_device_codes: bool = False
    default_user: str | None = None


@dataclass(frozen=True)
class EmulatorConfig:
    tenants: tuple[Tenant, ...]
    users: tuple[User, ...]
    apps: tuple[Application, ...]
    managed_identities: tuple[ManagedIdentity, ...] = ()
    settings: Settings = Settings()

    # --- lookups (case-insensitive where Entra ID is) ---------------------------------
    def tenant(self, segment: str) -> Tenant | None:
        """The tenant a URL path segment names (id or verified domain); None if unknown."""
        key = segment.lower()
        for tenant in self.tenants:
            if tenant.id == key or key in tenant.domains:
                return tenant
        return None

    @property
    def default_tenant(self) -> Tenant:
        return self.tenants[0]

    def app(self, client_id: str) -> Application | None:
        key = client_id.lower()
        return next((a for a in self.apps if a.client_id == key), None)

    def user(self, upn: str) -> User | None:
        key = upn.lower()
        return next((u for u in self.users if u.upn == key), None)

    def user_by_oid(self, oid: str) -> User | None:
        return next((u for u in self.users if u.oid == oid), None)

    @property
    def default_user(self) -> User | None:
        if self.settings.default_user:
            return self.user(self.settings.default_user)
        return self.users[0] if self.users else None

    def managed_identity(self, *, client_id: str | None = None, object_id: str | None = None,
                         resource_id: str | None = None) -> ManagedIdentity | None:
        """The identity a managed-identity request selects (system-assigned when none given)."""
        for mi in self.managed_identities:
            if client_id and mi.client_id == client_id.lower():
                return mi
            if object_id and mi.object_id == object_id.lower():
                return mi
            if resource_id and mi.resource_id and mi.resource_id.lower() == resource_id.lower():
                return mi
        if client_id or object_id or resource_id:
            return None
        return next((mi for mi in self.managed_identities if mi.system_assigned), None)


# --- loading ------------------------------------------------------------------------------

@cache
def _default_text() -> str:
    return (Path(__file__).with_name("default_config.yaml")).read_text(encoding="utf-8")


def default_config_data() -> dict[str, Any]:
    """A fresh, mutable copy of the built-in configuration (tests edit it freely)."""
    import yaml
    return copy.deepcopy(yaml.safe_load(_default_text()))


def default_config_text() -> str:
    """The built-in configuration file, comments included (for ``show-config``)."""
    return _default_text()


def load_config(source: str | Path | Mapping[str, Any] | None = None) -> EmulatorConfig:
    """Build the directory from a YAML/JSON file, a mapping, or the built-in default (None)."""
    base_dir = Path.cwd()
    if source is None:
        data: Any = default_config_data()
    elif isinstance(source, Mapping):
        data = source
    else:
        path = Path(source)
        base_dir = path.resolve().parent
        text = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml
            data = yaml.safe_load(text)
    if not isinstance(data, Mapping):
        raise ConfigError("the configuration must be a mapping at the top level")
    return _Loader(base_dir).config(data)


class _Loader:
    """Turns plain data into the frozen dataclasses, reporting errors with their path."""

    def __init__(self, base_dir: Path) -> None:
        self.base_dir = base_dir

    def config(self, data: Mapping[str, Any]) -> EmulatorConfig:
        _only(data, "", {"settings", "tenants", "users", "apps", "managed_identities"})
        settings = self.settings(data.get("settings") or {})
        tenants = tuple(self.tenant(t, f"tenants[{i}]")
                        for i, t in enumerate(_list(data, "tenants", "")))
        if not tenants:
            raise ConfigError("tenants: at least one tenant is required")
        _unique([t.id for t in tenants], "tenants", "id")
        partial = EmulatorConfig(tenants, (), ())
        users = tuple(self.user(u, f"users[{i}]", partial)
                      for i, u in enumerate(_list(data, "users", "")))
        _unique([u.upn for u in users], "users", "upn")
        apps = tuple(self.app(a, f"apps[{i}]", partial)
                     for i, a in enumerate(_list(data, "apps", "")))
        _unique([a.client_id for a in apps], "apps", "client_id")
        mis = tuple(self.managed_identity(m, f"managed_identities[{i}]", partial)
                    for i, m in enumerate(_list(data, "managed_identities", "")))
        _unique([m.client_id for m in mis], "managed_identities", "client_id")
        config = EmulatorConfig(tenants, users, apps, mis, settings)
        if settings.default_user and config.user(settings.default_user) is None:
            raise ConfigError(f"settings.default_user: no user '{settings.default_user}'")
        return config

    def settings(self, data: Any) -> Settings:
        if not isinstance(data, Mapping):
            raise ConfigError("settings: must be a mapping")
        known = Settings.__dataclass_fields__
        _only(data, "settings", set(known))
        values: dict[str, Any] = {}
        for key, value in data.items():
            default = getattr(Settings(), key)
            if isinstance(default, bool):
                if not isinstance(value, bool):
                    raise ConfigError(f"settings.{key}: expected true or false")
            elif isinstance(default, int):
                if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                    raise ConfigError(f"settings.{key}: expected a positive integer")
            elif value is not None and not isinstance(value, str):
                raise ConfigError(f"settings.{key}: expected a string")
            values[key] = value
        return Settings(**values)

    def tenant(self, data: Any, where: str) -> Tenant:
        data = _mapping(data, where)
        _only(data, where, {"id", "name", "domains"})
        tid = _guid(data, "id", where)
        domains = tuple(str(d).lower() for d in data.get("domains") or ())
        return Tenant(tid, str(data.get("name") or tid), domains)

    def _tenant_ref(self, data: Mapping[str, Any], where: str, config: EmulatorConfig,
                    required: bool = True) -> str | None:
        ref = data.get("tenant")
        if ref is None:
            if required:
                return config.default_tenant.id
            return None
        tenant = config.tenant(str(ref))
        if tenant is None:
            raise ConfigError(f"{where}.tenant: no tenant '{ref}'")
        return tenant.id

    def user(self, data: Any, where: str, config: EmulatorConfig) -> User:
        data = _mapping(data, where)
        _only(data, where, {"upn", "oid", "tenant", "name", "password"})
        upn = _str(data, "upn", where).lower()
        oid = _guid(data, "oid", where, default=_derived_guid("user", upn))
        password = data.get("password")
        return User(upn, oid, self._tenant_ref(data, where, config) or "",
                    str(data.get("name") or upn.split("@")[0]),
                    None if password is None else str(password))

    def app(self, data: Any, where: str, config: EmulatorConfig) -> Application:
        data = _mapping(data, where)
        _only(data, where, {"client_id", "name", "tenant", "object_id", "public_client",
                            "multi_tenant", "secrets", "certificates", "federated_credentials",
                            "roles", "delegated_scopes"})
        client_id = _guid(data, "client_id", where)
        multi = bool(data.get("multi_tenant", False))
        secrets = data.get("secrets") or []
        if not isinstance(secrets, list) or not all(isinstance(s, str) and s for s in secrets):
            raise ConfigError(f"{where}.secrets: expected a list of non-empty strings")
        certs = tuple(self.certificate(c, f"{where}.certificates[{i}]")
                      for i, c in enumerate(_list(data, "certificates", where)))
        feds = tuple(self.federated(f, f"{where}.federated_credentials[{i}]")
                     for i, f in enumerate(_list(data, "federated_credentials", where)))
        return Application(
            client_id=client_id,
            name=str(data.get("name") or client_id),
            tenant=self._tenant_ref(data, where, config, required=not multi),
            object_id=_guid(data, "object_id", where, default=_derived_guid("sp", client_id)),
            public_client=bool(data.get("public_client", False)),
            multi_tenant=multi,
            secrets=tuple(secrets),
            certificates=certs,
            federated_credentials=feds,
            roles=_resource_map(data.get("roles"), f"{where}.roles"),
            delegated_scopes=_resource_map(data.get("delegated_scopes"),
                                           f"{where}.delegated_scopes"),
        )

    def certificate(self, data: Any, where: str) -> Certificate:
        data = _mapping(data, where)
        _only(data, where, {"path", "pem", "thumbprint"})
        if "thumbprint" in data:
            text = str(data["thumbprint"]).replace(":", "").replace(" ", "")
            try:
                sha1 = bytes.fromhex(text)
            except ValueError:
                sha1 = b""
            if len(sha1) != 20:
                raise ConfigError(f"{where}.thumbprint: expected 40 hex digits (SHA-1)")
            return Certificate(sha1)
        if "path" in data:
            raw = self._path(data["path"]).read_bytes()
        elif "pem" in data:
            raw = str(data["pem"]).encode()
        else:
            raise ConfigError(f"{where}: give one of path, pem or thumbprint")
        try:
            return certificate_from_bytes(raw)
        except ValueError as exc:
            raise ConfigError(f"{where}: not a PEM or DER certificate ({exc})") from None

    def federated(self, data: Any, where: str) -> FederatedCredential:
        data = _mapping(data, where)
        _only(data, where, {"issuer", "subject", "audiences", "signing_key"})
        audiences = data.get("audiences") or ["api://AzureADTokenExchange"]
        if not isinstance(audiences, list):
            raise ConfigError(f"{where}.audiences: expected a list")
        key: Any = data.get("signing_key")
        if key is not None and key != "emulator":
            key = public_key_from_pem(self._path(key).read_bytes(), f"{where}.signing_key")
        return FederatedCredential(_str(data, "issuer", where), _str(data, "subject", where),
                                   tuple(str(a) for a in audiences), key)

    def managed_identity(self, data: Any, where: str, config: EmulatorConfig) -> ManagedIdentity:
        data = _mapping(data, where)
        _only(data, where, {"name", "client_id", "object_id", "resource_id", "tenant",
                            "system_assigned"})
        client_id = _guid(data, "client_id", where)
        return ManagedIdentity(
            name=str(data.get("name") or client_id), client_id=client_id,
            object_id=_guid(data, "object_id", where, default=_derived_guid("mi", client_id)),
            tenant=self._tenant_ref(data, where, config) or "",
            resource_id=data.get("resource_id"),
            system_assigned=bool(data.get("system_assigned", False)))

    def _path(self, value: Any) -> Path:
        path = Path(str(value)).expanduser()
        return path if path.is_absolute() else self.base_dir / path


# --- certificate helpers (shared with client-assertion checks) -----------------------------

def certificate_from_bytes(raw: bytes) -> Certificate:
    """Registered-certificate record from a PEM or DER certificate (private keys are ignored)."""
    if b"-----BEGIN CERTIFICATE-----" in raw:
        start = raw.index(b"-----BEGIN CERTIFICATE-----")
        cert = x509.load_pem_x509_certificate(raw[start:])
    else:
        cert = x509.load_der_x509_certificate(raw)
    der = cert.public_bytes(serialization.Encoding.DER)
    return Certificate(hashlib.sha1(der).digest(), hashlib.sha256(der).digest(),
                       cert.public_key())


def public_key_from_pem(raw: bytes, where: str = "key") -> Any:
    """A public key from a PEM public key or certificate."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in raw:
            return certificate_from_bytes(raw).public_key
        return serialization.load_pem_public_key(raw)
    except ValueError as exc:
        raise ConfigError(f"{where}: not a PEM public key or certificate ({exc})") from None


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


# --- small validators ---------------------------------------------------------------------

def _derived_guid(kind: str, name: str) -> str:
    """A stable GUID for entries that omit one, so tokens stay the same across restarts."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"pwshlike-emulator:{kind}:{name}"))


def _mapping(data: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a mapping")
    return data


def _list(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(f"{where + '.' if where else ''}{key}: expected a list")
    return value


def _only(data: Mapping[str, Any], where: str, allowed: set[str]) -> None:
    unknown = sorted(set(map(str, data)) - allowed)
    if unknown:
        prefix = f"{where}: " if where else ""
        raise ConfigError(f"{prefix}unknown key(s) {', '.join(unknown)}; "
                          f"expected {', '.join(sorted(allowed))}")


def _str(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}.{key}: required string")
    return value


def _guid(data: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise ConfigError(f"{where}.{key}: required GUID")
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ConfigError(f"{where}.{key}: '{value}' is not a GUID") from None


def _unique(values: list[str], where: str, key: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ConfigError(f"{where}: duplicate {key} '{value}'")
        seen.add(value)


def _resource_map(data: Any, where: str) -> dict[str, tuple[str, ...]]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a mapping of resource to a list of names")
    out: dict[str, tuple[str, ...]] = {}
    for resource, names in data.items():
        if not isinstance(names, list) and names is not None:
            raise ConfigError(f"{where}.{resource}: expected a list")
        out[str(resource).rstrip("/")] = tuple(str(n) for n in names or ())
    return out
