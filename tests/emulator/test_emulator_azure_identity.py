"""End-to-end: the real azure-identity credentials against the emulator (TLS verified)."""
from __future__ import annotations

import jwt
import pytest
from azure.core.exceptions import ClientAuthenticationError
from azure.identity import (
    AuthenticationRecord,
    CertificateCredential,
    ClientAssertionCredential,
    ClientSecretCredential,
    DeviceCodeCredential,
    EnvironmentCredential,
    InteractiveBrowserCredential,
    ManagedIdentityCredential,
    TokenCachePersistenceOptions,
    WorkloadIdentityCredential,
)
from emu_ids import (
    APP_ID,
    ARM_DEFAULT,
    CLI_CLIENT_ID,
    FED_ISSUER,
    FED_SUBJECT,
    GRAPH_DEFAULT,
    TENANT_ID,
    THUMB_APP_ID,
)


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def test_client_secret_credential(emu, azenv, msal_kwargs):
    cred = ClientSecretCredential(TENANT_ID, APP_ID, "emulator-client-secret", **msal_kwargs)
    token = cred.get_token(GRAPH_DEFAULT)
    claims = emu.signer.verify(token.token, audience="https://graph.microsoft.com")
    assert claims["tid"] == TENANT_ID and claims["appid"] == APP_ID
    assert claims["roles"] == ["User.Read.All"] and "scp" not in claims
    assert claims["idtyp"] == "app"
    assert token.expires_on > claims["iat"]


def test_client_secret_via_tenant_domain_and_requests_ca_bundle(emu, azenv):
    # trust through REQUESTS_CA_BUNDLE (the env var the CLI prints) instead of connection_verify
    cred = ClientSecretCredential("contoso.test", APP_ID, "emulator-client-secret",
                                  authority=emu.authority, disable_instance_discovery=True)
    assert claims_of(cred.get_token(ARM_DEFAULT).token)["aud"] == "https://management.azure.com"


def test_bad_secret_maps_to_aadsts7000215(emu, azenv, msal_kwargs):
    cred = ClientSecretCredential(TENANT_ID, APP_ID, "wrong-secret", **msal_kwargs)
    with pytest.raises(ClientAuthenticationError) as info:
        cred.get_token(GRAPH_DEFAULT)
    assert "AADSTS7000215" in str(info.value)
    assert "wrong-secret" not in str(info.value)


def test_unknown_client_and_tenant(emu, azenv, msal_kwargs):
    unknown = "11111111-2222-4333-8444-555555555555"
    with pytest.raises(ClientAuthenticationError, match="AADSTS700016"):
        ClientSecretCredential(TENANT_ID, unknown, "x", **msal_kwargs).get_token(GRAPH_DEFAULT)
    with pytest.raises(ClientAuthenticationError, match="not-a-tenant.test|90002"):
        ClientSecretCredential("not-a-tenant.test", APP_ID, "emulator-client-secret",
                               **msal_kwargs).get_token(GRAPH_DEFAULT)


@pytest.mark.parametrize("shape", ["pem", "pfx", "pfx-password"])
def test_certificate_credential(emu, azenv, msal_kwargs, client_cert, tmp_path, shape):
    if shape == "pem":
        path = tmp_path / "client.pem"
        path.write_bytes(client_cert.combined_pem)
        extra = {}
    else:
        password = b"pfx-pass" if shape == "pfx-password" else None
        path = tmp_path / "client.pfx"
        path.write_bytes(client_cert.pfx(password))
        extra = {"password": password} if password else {}
    cred = CertificateCredential(TENANT_ID, APP_ID, certificate_path=str(path), **extra,
                                 **msal_kwargs)
    claims = emu.signer.verify(cred.get_token(GRAPH_DEFAULT).token,
                               audience="https://graph.microsoft.com")
    assert claims["appid"] == APP_ID


def test_certificate_registered_by_thumbprint_with_chain(emu, azenv, msal_kwargs, client_cert,
                                                         tmp_path):
    path = tmp_path / "client.pem"
    path.write_bytes(client_cert.combined_pem)
    cred = CertificateCredential(TENANT_ID, THUMB_APP_ID, certificate_path=str(path),
                                 send_certificate_chain=True, **msal_kwargs)
    assert claims_of(cred.get_token(GRAPH_DEFAULT).token)["appid"] == THUMB_APP_ID


def test_unregistered_certificate_rejected(emu, azenv, msal_kwargs, other_cert, tmp_path):
    path = tmp_path / "other.pem"
    path.write_bytes(other_cert.combined_pem)
    cred = CertificateCredential(TENANT_ID, APP_ID, certificate_path=str(path), **msal_kwargs)
    with pytest.raises(ClientAuthenticationError, match="AADSTS700027"):
        cred.get_token(GRAPH_DEFAULT)


def test_client_assertion_credential_federated(emu, azenv, msal_kwargs):
    external = emu.issue_federated_token(FED_SUBJECT, issuer=FED_ISSUER)
    cred = ClientAssertionCredential(TENANT_ID, APP_ID, lambda: external, **msal_kwargs)
    claims = claims_of(cred.get_token(ARM_DEFAULT).token)
    assert claims["aud"] == "https://management.azure.com" and claims["appid"] == APP_ID


def test_federated_subject_mismatch_is_aadsts70021(emu, azenv, msal_kwargs):
    external = emu.issue_federated_token("repo:contoso/app:pull_request", issuer=FED_ISSUER)
    cred = ClientAssertionCredential(TENANT_ID, APP_ID, lambda: external, **msal_kwargs)
    with pytest.raises(ClientAuthenticationError, match="AADSTS70021"):
        cred.get_token(ARM_DEFAULT)


def test_expired_federated_assertion_is_aadsts700024(emu, azenv, msal_kwargs):
    external = emu.issue_federated_token(FED_SUBJECT, issuer=FED_ISSUER, lifetime=60)
    emu.advance_clock(120)
    cred = ClientAssertionCredential(TENANT_ID, APP_ID, lambda: external, **msal_kwargs)
    with pytest.raises(ClientAuthenticationError, match="AADSTS700024"):
        cred.get_token(ARM_DEFAULT)


def test_forged_federated_assertion_is_rejected(emu, azenv, msal_kwargs, other_cert):
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    key = load_pem_private_key(other_cert.key_pem, None)
    forged = jwt.encode({"iss": FED_ISSUER, "sub": FED_SUBJECT,
                         "aud": "api://AzureADTokenExchange",
                         "exp": int(emu.clock()) + 600}, key, algorithm="RS256")
    cred = ClientAssertionCredential(TENANT_ID, APP_ID, lambda: forged, **msal_kwargs)
    with pytest.raises(ClientAuthenticationError, match="AADSTS700027"):
        cred.get_token(ARM_DEFAULT)


def test_workload_identity_credential_from_env(emu, azenv, tmp_path):
    token_file = tmp_path / "federated-token"
    token_file.write_text(emu.issue_federated_token(FED_SUBJECT, issuer=FED_ISSUER))
    azenv.setenv("AZURE_AUTHORITY_HOST", emu.authority)
    azenv.setenv("AZURE_TENANT_ID", TENANT_ID)
    azenv.setenv("AZURE_CLIENT_ID", APP_ID)
    azenv.setenv("AZURE_FEDERATED_TOKEN_FILE", str(token_file))
    token = WorkloadIdentityCredential().get_token(GRAPH_DEFAULT)
    assert claims_of(token.token)["appid"] == APP_ID


def test_environment_credential(emu, azenv):
    for name, value in emu.env().items():
        azenv.setenv(name, value)
    cred = EnvironmentCredential(disable_instance_discovery=True)
    claims = emu.signer.verify(cred.get_token(GRAPH_DEFAULT).token,
                               audience="https://graph.microsoft.com")
    assert claims["appid"] == APP_ID


def test_managed_identity_app_service(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", emu.identity_endpoint)
    azenv.setenv("IDENTITY_HEADER", emu.identity_header)
    token = ManagedIdentityCredential().get_token(ARM_DEFAULT)
    claims = emu.signer.verify(token.token, audience="https://management.azure.com")
    system = emu.config.managed_identity()
    assert claims["oid"] == system.object_id and claims["appid"] == system.client_id
    uami = "4e5f6a7b-8c9d-4e0f-9a2b-3c4d5e6f7a8b"
    token = ManagedIdentityCredential(client_id=uami).get_token(ARM_DEFAULT)
    assert claims_of(token.token)["appid"] == uami
    assert "userAssignedIdentities/uami-one" in claims_of(token.token)["xms_mirid"]


def test_managed_identity_wrong_header_fails(emu, azenv):
    azenv.setenv("IDENTITY_ENDPOINT", emu.identity_endpoint)
    azenv.setenv("IDENTITY_HEADER", "not-the-header")
    with pytest.raises(ClientAuthenticationError):
        ManagedIdentityCredential(retry_total=0).get_token(ARM_DEFAULT)


def test_managed_identity_imds_style(emu, azenv):
    azenv.setenv("AZURE_POD_IDENTITY_AUTHORITY_HOST", emu.imds_host)
    token = ManagedIdentityCredential().get_token(ARM_DEFAULT)
    assert claims_of(token.token)["aud"] == "https://management.azure.com"


def test_device_code_credential(emu, azenv, msal_kwargs):
    prompts = []

    def approve(verification_uri, user_code, expires_on):
        prompts.append((verification_uri, user_code))
        emu.approve_device_code(user_code, "bob@contoso.test")

    cred = DeviceCodeCredential(CLI_CLIENT_ID, tenant_id=TENANT_ID, prompt_callback=approve,
                                timeout=30, **msal_kwargs)
    token = cred.get_token(GRAPH_DEFAULT)
    claims = emu.signer.verify(token.token, audience="https://graph.microsoft.com")
    assert claims["upn"] == "bob@contoso.test" and claims["scp"]
    assert prompts[0][0] == f"{emu.authority}/devicelogin"


def test_interactive_browser_credential(emu, fake_browser, msal_kwargs):
    emu.set_signed_in_user("bob@contoso.test")
    cred = InteractiveBrowserCredential(tenant_id=TENANT_ID, timeout=30, **msal_kwargs)
    record = cred.authenticate(scopes=[GRAPH_DEFAULT])
    assert record.username == "bob@contoso.test" and record.tenant_id == TENANT_ID
    token = cred.get_token(GRAPH_DEFAULT)          # served from MSAL's in-memory cache
    assert claims_of(token.token)["upn"] == "bob@contoso.test"
    assert emu.calls("authorize"), "the fake browser never reached /authorize"


def test_interactive_browser_login_hint(emu, fake_browser, msal_kwargs):
    cred = InteractiveBrowserCredential(tenant_id="organizations", timeout=30,
                                        login_hint="alice@contoso.test", **msal_kwargs)
    claims = claims_of(cred.get_token("https://graph.microsoft.com/User.Read").token)
    assert claims["upn"] == "alice@contoso.test" and claims["scp"] == "User.Read"
    assert claims["tid"] == TENANT_ID


def test_persistent_cache_refresh_token_reuse(emu, azenv, msal_kwargs):
    opts = TokenCachePersistenceOptions(name="emulator-test", allow_unencrypted_storage=True)
    first = DeviceCodeCredential(
        CLI_CLIENT_ID, tenant_id=TENANT_ID, cache_persistence_options=opts, timeout=30,
        prompt_callback=lambda uri, code, exp: emu.approve_device_code(code), **msal_kwargs)
    record = first.authenticate(scopes=[GRAPH_DEFAULT])
    serialized = record.serialize()
    device_polls = len(emu.calls("devicecode"))

    # A "new process": only the serialized record and the cache file on disk.
    kwargs = {k: v for k, v in msal_kwargs.items() if k != "authority"}
    second = DeviceCodeCredential(
        CLI_CLIENT_ID, authentication_record=AuthenticationRecord.deserialize(serialized),
        disable_automatic_authentication=True, cache_persistence_options=opts, **kwargs)
    before = len(emu.calls("token"))
    token = second.get_token(ARM_DEFAULT)           # new resource: refresh-token grant
    assert claims_of(token.token)["aud"] == "https://management.azure.com"
    assert len(emu.calls("token")) == before + 1
    assert len(emu.calls("devicecode")) == device_polls   # no new sign-in


def test_revoked_refresh_token_needs_interaction(emu, azenv, msal_kwargs):
    from azure.identity import AuthenticationRequiredError
    opts = TokenCachePersistenceOptions(name="emulator-revoke", allow_unencrypted_storage=True)
    first = DeviceCodeCredential(
        CLI_CLIENT_ID, tenant_id=TENANT_ID, cache_persistence_options=opts, timeout=30,
        prompt_callback=lambda uri, code, exp: emu.approve_device_code(code), **msal_kwargs)
    record = first.authenticate(scopes=[GRAPH_DEFAULT])
    emu.store.revoke_refresh_tokens()
    kwargs = {k: v for k, v in msal_kwargs.items() if k != "authority"}
    second = DeviceCodeCredential(CLI_CLIENT_ID, authentication_record=record,
                                  disable_automatic_authentication=True,
                                  cache_persistence_options=opts, **kwargs)
    with pytest.raises(AuthenticationRequiredError):
        second.get_token(ARM_DEFAULT)


def test_tls_is_verified(emu, azenv):
    """Without the test CA the client refuses the emulator; with connection_verify=<ca> it
    works even when REQUESTS_CA_BUNDLE names a bundle that lacks the test CA."""
    from azure.core.exceptions import ServiceRequestError

    from pwshlike.emulator.certs import system_roots_pem
    roots = emu.state_dir.parent / "roots-only.pem"
    roots.write_bytes(system_roots_pem())
    azenv.setenv("REQUESTS_CA_BUNDLE", str(roots))
    untrusting = ClientSecretCredential(TENANT_ID, APP_ID, "emulator-client-secret",
                                        authority=emu.authority, retry_total=0,
                                        disable_instance_discovery=True)
    with pytest.raises((ClientAuthenticationError, ServiceRequestError),
                       match="CERTIFICATE_VERIFY_FAILED"):
        untrusting.get_token(GRAPH_DEFAULT)
    trusting = ClientSecretCredential(TENANT_ID, APP_ID, "emulator-client-secret",
                                      authority=emu.authority, disable_instance_discovery=True,
                                      connection_verify=str(emu.ca_cert))
    assert trusting.get_token(GRAPH_DEFAULT).token


def test_raw_msal_with_persisted_cache(emu, azenv, tmp_path):
    """The AzAuth-style path Get-AzToken will take: msal + msal-extensions file cache."""
    import msal
    from msal_extensions import FilePersistence, PersistedTokenCache

    cache_file = tmp_path / "home" / ".IdentityService" / "named" / "named"
    cache_file.parent.mkdir(parents=True)

    def app():
        return msal.PublicClientApplication(
            CLI_CLIENT_ID, authority=f"{emu.authority}/{TENANT_ID}", instance_discovery=False,
            token_cache=PersistedTokenCache(FilePersistence(str(cache_file))))

    first = app()
    flow = first.initiate_device_flow(scopes=[GRAPH_DEFAULT])
    emu.approve_device_code(flow["user_code"], "bob@contoso.test")
    result = first.acquire_token_by_device_flow(flow)
    assert "access_token" in result, result.get("error_description")

    second = app()                                   # a new process would look like this
    (account,) = second.get_accounts(username="bob@contoso.test")
    silent = second.acquire_token_silent([ARM_DEFAULT], account=account)
    assert claims_of(silent["access_token"])["aud"] == "https://management.azure.com"


def test_concurrent_clients(emu, azenv, msal_kwargs):
    from concurrent.futures import ThreadPoolExecutor

    def one(i):
        cred = ClientSecretCredential(TENANT_ID, APP_ID, "emulator-client-secret", **msal_kwargs)
        return claims_of(cred.get_token(f"api://resource-{i}/.default").token)["aud"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        auds = list(pool.map(one, range(8), timeout=60))
    assert auds == [f"api://resource-{i}" for i in range(8)]
