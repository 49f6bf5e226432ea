"""The real help documents in ../shared/seeds convert to the specs their pages describe.

Expected values are read off each document by hand (SYNTAX and PARAMETERS sections), so
a converter bug cannot agree with itself.  Skipped when ../shared is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pwshlike.helpdocs.platyps import HelpFormatError, read_help
from pwshlike.helpdocs.spec import spec_from_help
from pwshlike.helpdocs.syntax import syntax_block

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")

AZ_SETS = ["NonInteractive", "Cache", "Interactive", "DeviceCode", "ManagedIdentity",
           "WorkloadIdentity", "ClientSecret", "ClientCertificate", "ClientCertificatePath"]
CLIENT_SETS = ["WorkloadIdentity", "ClientSecret", "ClientCertificate", "ClientCertificatePath"]

# name -> (type, aliases, {set: (position, mandatory)})
GET_AZTOKEN = {
    "Resource": ("String", ["ResourceId", "ResourceUrl"], {s: (0, False) for s in AZ_SETS}),
    "Scope": ("String[]", [], {s: (1, False) for s in AZ_SETS}),
    "TenantId": ("String", [], {**{s: (None, False) for s in AZ_SETS[:5]},
                                **{s: (None, True) for s in CLIENT_SETS}}),
    "Claim": ("String", [], {s: (None, False) for s in AZ_SETS}),
    "ClientId": ("String", [], {**{s: (None, False) for s in AZ_SETS[1:5]},
                                **{s: (None, True) for s in CLIENT_SETS}}),
    "TokenCache": ("String", [], {"Cache": (None, True), "Interactive": (None, False),
                                  "DeviceCode": (None, False)}),
    "Username": ("String", [], {"Cache": (None, True)}),
    "TimeoutSeconds": ("Int32", [], {"Interactive": (None, False),
                                     "DeviceCode": (None, False)}),
    "Interactive": ("SwitchParameter", [], {"Interactive": (None, True)}),
    "DeviceCode": ("SwitchParameter", [], {"DeviceCode": (None, True)}),
    "ManagedIdentity": ("SwitchParameter", [], {"ManagedIdentity": (None, True)}),
    "WorkloadIdentity": ("SwitchParameter", [], {"WorkloadIdentity": (None, True)}),
    "ExternalToken": ("String", [], {"WorkloadIdentity": (None, True)}),
    "ClientSecret": ("String", [], {"ClientSecret": (None, True)}),
    "ClientCertificate": ("X509Certificate2", [], {"ClientCertificate": (None, True)}),
    "ClientCertificatePath": ("String", [], {"ClientCertificatePath": (None, True)}),
    "Force": ("SwitchParameter", [], {s: (None, False) for s in AZ_SETS if s != "Cache"}),
}

ALL = "__AllParameterSets"
APIM_USER_TOKEN = {
    "Context": ("PsApiManagementContext", [], {ALL: (None, True)}),
    "UserId": ("String", [], {ALL: (None, True)}),
    "KeyType": ("PsApiManagementUserKeyType", [], {ALL: (None, False)}),
    "Expiry": ("DateTime", [], {ALL: (None, False)}),
    "DefaultProfile": ("IAzureContextContainer", ["AzContext", "AzureRmContext",
                                                  "AzureCredential"], {ALL: (None, False)}),
}
ARMOR_TOKEN = {
    "Code": ("String", [], {ALL: (1, True)}),
    "GrantType": ("String", [], {ALL: (2, False)}),
    "ApiVersion": ("String", [], {ALL: (3, False)}),
}


def _seed(prefix: str) -> tuple[str, dict]:
    path = next(SEEDS.glob(prefix + "_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, spec_from_help(read_help(text, path.name))


def _check_parameters(spec: dict, expected: dict) -> None:
    assert [p["name"] for p in spec["parameters"]] == list(expected)
    for p in spec["parameters"]:
        type_name, aliases, sets = expected[p["name"]]
        assert p["type"] == type_name, p["name"]
        assert p.get("aliases", []) == aliases, p["name"]
        got = {s: (b.get("position"), bool(b.get("mandatory"))) for s, b in p["sets"].items()}
        assert got == sets, p["name"]


def _syntax_blocks(text: str) -> list[tuple[str, str]]:
    h = read_help(text)
    return [(b.set_name, b.text.rstrip("\n")) for b in h.syntax]


def test_get_aztoken_sets_parameters_and_defaults():
    _, spec = _seed("002")
    assert spec["name"] == "Get-AzToken"
    assert spec["default_parameter_set"] == "NonInteractive"
    assert spec["supports_should_process"] is False
    _check_parameters(spec, GET_AZTOKEN)
    by_name = {p["name"]: p for p in spec["parameters"]}
    assert by_name["Resource"]["default_value"] == "https://graph.microsoft.com"
    assert by_name["Scope"]["default_value"] == ".default"
    assert by_name["TimeoutSeconds"]["default_value"] == "120"
    assert all(not b.get("value_from_pipeline") for p in spec["parameters"]
               for b in p["sets"].values())


def test_apim_user_token_single_set_pipeline_by_property_name_and_accepted_values():
    _, spec = _seed("000")
    assert spec["name"] == "Get-AzApiManagementUserToken"
    assert spec["default_parameter_set"] is None
    _check_parameters(spec, APIM_USER_TOKEN)
    by_name = {p["name"]: p for p in spec["parameters"]}
    assert by_name["KeyType"]["accepted_values"] == ["Primary", "Secondary"]
    for name in ("Context", "UserId", "KeyType", "Expiry"):
        assert by_name[name]["sets"][ALL].get("value_from_pipeline_by_property_name") is True
    assert "value_from_pipeline_by_property_name" not in by_name["DefaultProfile"]["sets"][ALL]


def test_armor_token_one_based_positions_and_should_process():
    _, spec = _seed("003")
    assert spec["name"] == "Request-ArmorApiToken"
    assert spec["supports_should_process"] is True      # from the -WhatIf/-Confirm entries
    _check_parameters(spec, ARMOR_TOKEN)
    by_name = {p["name"]: p for p in spec["parameters"]}
    assert by_name["GrantType"]["default_value"] == "Authorization_code"
    assert by_name["ApiVersion"]["default_value"] == "$Global:ArmorSession.ApiVersion"


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_specs_render_back_to_the_documents_syntax(prefix):
    text, spec = _seed(prefix)
    for set_name, written in _syntax_blocks(text):
        rendered = syntax_block(spec, set_name)
        # Four Get-AzToken blocks put [<CommonParameters>] on a line of its own although it
        # fits (hand-edited); every other block matches PlatyPS's wrapping exactly.
        assert rendered.split() == written.split(), set_name
        if prefix != "002" or set_name not in ("Cache", "WorkloadIdentity",
                                                "ClientCertificate", "ClientCertificatePath"):
            assert rendered == written, set_name


def test_rest_reference_page_is_not_a_platyps_page():
    path = next(SEEDS.glob("001_*.txt"))
    with pytest.raises(HelpFormatError, match="not a PlatyPS page"):
        read_help(path.read_text(encoding="utf-8"), path.name)


# name as the API spells it -> (in, required, type, accepted values), read off the page
GATEWAY_TOKEN = {
    "gatewayId": ("path", True, "string", []),
    "resourceGroupName": ("path", True, "string", []),
    "serviceName": ("path", True, "string", []),
    "subscriptionId": ("path", True, "string", []),
    "api-version": ("query", True, "string", []),
    "expiry": ("body", True, "string", []),
    "keyType": ("body", True, "KeyType", ["primary", "secondary"]),
}


def test_rest_reference_page_converts_to_the_operation_parameters():
    from pwshlike.helpdocs.restref import read_rest_page, spec_from_rest
    path = next(SEEDS.glob("001_*.txt"))
    op = read_rest_page(path.read_text(encoding="utf-8"), path.name)
    assert (op.title, op.operation_id, op.method) == (
        "Gateway - Generate Token", "Gateway_GenerateToken", "POST")
    assert op.url.endswith("/gateways/{gatewayId}/generateToken?api-version=2022-08-01")
    assert {p.name: (p.location, p.required, p.type, p.accepted_values)
            for p in op.parameters} == GATEWAY_TOKEN
    assert op.parameters[4].description == "The API version to use for this operation."
    spec = spec_from_rest(op, "New-AzApiManagementGatewayToken")
    assert syntax_block(spec, "__AllParameterSets") == (
        "New-AzApiManagementGatewayToken -GatewayId <String> -ResourceGroupName <String> "
        "-ServiceName <String>\n -SubscriptionId <String> -ApiVersion <String> -Expiry <String> "
        "-KeyType <String> [<CommonParameters>]")
    key_type = spec["parameters"][-1]
    assert key_type["accepted_values"] == ["Primary", "Secondary"]
    assert key_type["rest"] == {"name": "keyType", "in": "body"}


def test_platyps_pages_are_not_rest_pages():
    from pwshlike.helpdocs.restref import RestPageError, read_rest_page
    path = next(SEEDS.glob("002_*.txt"))
    with pytest.raises(RestPageError, match="not a REST API reference page"):
        read_rest_page(path.read_text(encoding="utf-8"), path.name)
