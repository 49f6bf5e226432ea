"""Invoke-RestMethod / Invoke-WebRequest: requests-mock for the protocol details, one real
HTTP server on 127.0.0.1 for the whole path.  Nothing here reaches the internet."""
from __future__ import annotations

import http.server
import io
import json
import os
import socket
import subprocess
import sys
import threading

import pytest

requests_mock = pytest.importorskip("requests_mock")
import requests

from pwshlike.engine import Engine, Host
from pwshlike.errors import ensure_error_record


def run(script: str, **variables):
    """Output objects, and everything the host printed (warning/verbose/debug lines go to
    stdout as in pwsh's console, errors to stderr)."""
    out, err = io.StringIO(), io.StringIO()
    engine = Engine(Host(out, err))
    result = engine.invoke(script, **variables)
    return result, out.getvalue() + err.getvalue()


def fails(script: str, **variables):
    """The error record of a script that must stop with an error."""
    with pytest.raises(Exception) as info:
        run(script, **variables)
    return ensure_error_record(info.value)


def secret(text: str):
    from pwshlike.security import SecureString
    return SecureString(text)


def credential(user: str, password: str):
    from pwshlike.security import PSCredential
    return PSCredential(user, secret(password))


# --- responses ---------------------------------------------------------------------------------
def test_json_becomes_objects_and_arrays_unroll():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/items", json=[{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])
        m.get("https://api.test/one", json={"id": 7, "tags": ["x", "y"], "in": {"k": True}})
        out, _ = run("$n = 0; Invoke-RestMethod https://api.test/items | ForEach-Object { $n++ "
                     "}; $n; (irm https://api.test/items)[1].name;"
                     "$o = irm https://api.test/one; $o.id; $o.tags.Count; $o.in.k")
    assert out == [2, "b", 7, 2, True]


def test_text_and_detected_content():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/t", text="plain words", headers={"Content-Type": "text/plain"})
        m.get("https://api.test/n", text="42", headers={"Content-Type": "text/plain"})
        out, _ = run("irm https://api.test/t; irm https://api.test/n")
    assert out == ["plain words", 42]


def test_xml_response_is_navigable():
    body = '<feed version="2"><entry><title>one</title></entry><entry><title>two</title>' \
           '</entry></feed>'
    with requests_mock.Mocker() as m:
        m.get("https://api.test/x", text=body, headers={"Content-Type": "application/xml"})
        out, _ = run("$d = irm https://api.test/x; $d.feed.version; $d.feed.entry.title")
    assert out == ["2", "one", "two"]


def test_invoke_webrequest_response_object():
    with requests_mock.Mocker() as m:
        m.get("https://site.test/", text="<p>hi</p>", status_code=200, reason="OK",
              headers={"Content-Type": "text/html; charset=utf-8", "X-Id": "9"})
        out, _ = run("$r = iwr https://site.test/; $r.StatusCode; $r.StatusDescription; "
                     "$r.Content; $r.Headers['X-Id']; $r.RawContentLength; $r.Links.Count; "
                     "$r.RawContent.StartsWith('HTTP/1.1 200 OK')")
    assert out == [200, "OK", "<p>hi</p>", "9", 9, 0, True]


def test_binary_content_stays_bytes():
    with requests_mock.Mocker() as m:
        m.get("https://site.test/b", content=b"\x00\x01\xff",
              headers={"Content-Type": "application/octet-stream"})
        out, _ = run("(iwr https://site.test/b).Content")
    assert out == [b"\x00\x01\xff"]


# --- request bodies ----------------------------------------------------------------------------
def test_hashtable_body_is_query_string_for_get_and_form_for_post():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/s", text="ok")
        m.post("https://api.test/s", text="ok")
        run("irm https://api.test/s -Body @{q='a b'; n=1}")
        assert m.request_history[0].qs == {"q": ["a b"], "n": ["1"]}
        run("irm https://api.test/s -Method Post -Body @{q='a b'}")
        req = m.request_history[1]
    assert req.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert req.body == b"q=a+b"


def test_string_body_content_type_and_custom_method():
    with requests_mock.Mocker() as m:
        m.register_uri("PROPFIND", "https://api.test/r", text="ok")
        m.put("https://api.test/r", text="ok")
        run("irm https://api.test/r -Method Put -Body '{\"é\":1}' -ContentType application/json")
        put = m.request_history[0]
        run("irm https://api.test/r -CustomMethod propfind")
        custom = m.request_history[1]
    assert put.method == "PUT" and put.body == '{"é":1}'.encode()
    assert put.headers["Content-Type"] == "application/json"
    assert custom.method == "PROPFIND"


def test_form_is_multipart(tmp_path):
    with requests_mock.Mocker() as m:
        m.post("https://api.test/f", text="ok")
        run("irm https://api.test/f -Method Post -Form @{title='report'; tags='a','b'}")
        req = m.last_request
    assert req.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    body = req.body.decode()
    assert body.count('name="tags"') == 2 and 'name="title"' in body and "report" in body


def test_infile_and_outfile(tmp_path):
    src = tmp_path / "in.bin"
    src.write_bytes(b"payload")
    dest = tmp_path / "out.txt"
    with requests_mock.Mocker() as m:
        m.post("https://api.test/u", text="saved body")
        out, _ = run(f"irm https://api.test/u -Method Post -InFile '{src}' -OutFile '{dest}'")
        sent = m.last_request.body
        passthru, _ = run(f"irm https://api.test/u -Method Post -OutFile '{dest}' -PassThru")
    assert out == [] and sent == b"payload"
    assert dest.read_text() == "saved body" and passthru == ["saved body"]


# --- errors ------------------------------------------------------------------------------------
def test_http_error_record_matches_pwsh():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/missing", status_code=404, reason="Not Found",
              json={"message": "no such thing"})
        rec = fails("irm https://api.test/missing")
        out, _ = run("try { iwr https://api.test/missing } catch { "
                     "[int]$_.Exception.Response.StatusCode; "
                     "$_.Exception.Response.StatusCode.ToString(); $_.ErrorDetails.Message;"
                     "$_.Exception -is [System.Net.Http.HttpRequestException] }")
    assert rec.FullyQualifiedErrorId == \
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand"
    assert rec.Exception.dotnet_fullname == "Microsoft.PowerShell.Commands.HttpResponseException"
    assert rec.Exception.Message == \
        "Response status code does not indicate success: 404 (Not Found)."
    assert rec.ErrorDetails.Message == '{"message": "no such thing"}'
    assert rec.CategoryInfo.Category == "InvalidOperation"
    assert out == [404, "NotFound", '{"message": "no such thing"}', True]


def test_skip_http_error_check_and_variables():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/e", status_code=500, json={"e": 1}, headers={"X-A": "b"})
        out, _ = run("$v = irm https://api.test/e -SkipHttpErrorCheck -StatusCodeVariable sc "
                     "-ResponseHeadersVariable rh; $v.e; $sc; $rh['X-A']")
    assert out == [1, 500, "b"]


def test_retries_then_succeeds():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/flaky", [{"status_code": 503, "text": "busy"},
                                         {"status_code": 200, "text": "fine"}])
        out, err = run("irm https://api.test/flaky -MaximumRetryCount 2 -RetryIntervalSec 0 "
                       "-Verbose")
        calls = m.call_count
    assert out == ["fine"] and calls == 2
    assert "Retrying after interval of 0 seconds. Status code for previous attempt: " \
           "ServiceUnavailable" in err


def test_timeout_and_connection_errors():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/slow", exc=requests.exceptions.ConnectTimeout)
        rec = fails("irm https://api.test/slow -TimeoutSec 1")
    assert rec.FullyQualifiedErrorId == ("System.Threading.Tasks.TaskCanceledException,"
                                         "Microsoft.PowerShell.Commands.InvokeRestMethodCommand")
    assert "HttpClient.Timeout of 1 seconds" in rec.Exception.Message
    with socket.socket() as s:          # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rec = fails(f"iwr http://127.0.0.1:{port}/")
    assert rec.FullyQualifiedErrorId == \
        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand"
    assert rec.Exception.dotnet_fullname == "System.Net.Http.HttpRequestException"
    assert rec.ErrorDetails.Message == "Connection refused"


def test_validation_errors():
    cases = {
        "irm https://a.test/ -Authentication Bearer":
            "WebCmdletAuthenticationTokenNotSuppliedException",
        "irm https://a.test/ -Authentication Basic":
            "WebCmdletAuthenticationCredentialNotSuppliedException",
        "irm https://a.test/ -Body x -Form @{a=1}": "WebCmdletBodyFormConflictException",
        "irm https://a.test/ -PassThru": "WebCmdletOutFileMissingException",
        "irm https://a.test/ -Method Fetch": "CannotConvertArgumentNoMessage",
    }
    with requests_mock.Mocker() as m:
        for script, error_id in cases.items():
            assert fails(script).FullyQualifiedErrorId.split(",")[0] == error_id, script
        assert not m.called


# --- secrets -----------------------------------------------------------------------------------
def test_auth_over_http_refused_without_switch():
    with requests_mock.Mocker() as m:
        rec = fails("irm http://plain.test/ -Authentication Bearer -Token $t", t=secret("tok"))
        assert not m.called
    assert rec.FullyQualifiedErrorId == (
        "WebCmdletAllowUnencryptedAuthenticationRequiredException,"
        "Microsoft.PowerShell.Commands.InvokeRestMethodCommand")
    assert "AllowUnencryptedAuthentication parameter" in rec.Exception.Message


def test_bearer_and_basic_headers_never_shown():
    with requests_mock.Mocker() as m:
        m.post("https://api.test/me", status_code=401, reason="Unauthorized",
               text="denied for Bearer s3cr3t-token")
        m.get("http://plain.test/me", text="ok")
        rec = fails("irm https://api.test/me -Method Post -Body 'abc' -Authentication Bearer "
                    "-Token $t -Verbose -Debug", t=secret("s3cr3t-token"))
        sent = m.last_request.headers["Authorization"]
        out, err = run("irm http://plain.test/me -Credential $c -AllowUnencryptedAuthentication "
                       "-Verbose -Debug", c=credential("ann", "pa55word"))
        basic = m.last_request.headers["Authorization"]
    assert sent == "Bearer s3cr3t-token"
    assert "s3cr3t" not in rec.ErrorDetails.Message and "s3cr3t" not in rec.Exception.Message
    assert basic == "Basic YW5uOnBhNTV3b3Jk" and out == ["ok"]
    assert "pa55word" not in err and "YW5u" not in err
    assert "VERBOSE: Requested HTTP/1.1 GET with 0-byte payload" in err


def test_redirect_drops_authorization_unless_preserved():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/old", status_code=302, headers={"Location": "/new"})
        m.get("https://api.test/new", text="moved")
        out, _ = run("irm https://api.test/old -Authentication Bearer -Token $t", t=secret("x1"))
        dropped = "Authorization" not in m.last_request.headers
        run("irm https://api.test/old -Authentication Bearer -Token $t "
            "-PreserveAuthorizationOnRedirect", t=secret("x1"))
        kept = m.last_request.headers.get("Authorization")
    assert out == ["moved"] and dropped and kept == "Bearer x1"


def test_maximum_redirection_zero_writes_error_and_returns_response():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/old", status_code=302, headers={"Location": "/new"},
              text="go away")
        out, _err = run("$r = iwr https://api.test/old -MaximumRedirection 0 -ErrorVariable ev "
                       "-ErrorAction SilentlyContinue; $r.StatusCode; "
                       "$Error[0].FullyQualifiedErrorId")
    assert out == [302, ("MaximumRedirectExceeded,"
                        "Microsoft.PowerShell.Commands.InvokeWebRequestCommand")]


def test_tls_verification_stays_on_by_default():
    with requests_mock.Mocker() as m:
        m.get("https://api.test/", text="ok")
        run("irm https://api.test/")
        default = m.last_request.verify
        run("irm https://api.test/ -SkipCertificateCheck")
        skipped = m.last_request.verify
    assert default is True and skipped is False


# --- a real server -----------------------------------------------------------------------------
class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _reply(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path == "/teapot":
            self._reply(418, b"short and stout", "text/plain")
        else:
            self._reply(200, json.dumps({"path": self.path,
                                         "ua": self.headers["User-Agent"]}).encode(),
                        "application/json")

    def do_POST(self) -> None:
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._reply(201, json.dumps({"got": json.loads(data)}).encode(), "application/json")


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_against_a_real_server(server):
    out, err = run(f"""
        $r = Invoke-RestMethod '{server}/items?x=1' -UserAgent 'pwshlike-test'
        $r.path; $r.ua
        $p = Invoke-RestMethod '{server}/items' -Method Post -ContentType 'application/json' `
            -Body '{{"n": [1, 2]}}' -StatusCodeVariable code -Verbose
        $p.got.n; $code
        (Invoke-WebRequest '{server}/teapot' -SkipHttpErrorCheck).Content
        try {{ Invoke-WebRequest '{server}/teapot' }} catch {{ $_.ErrorDetails.Message }}
    """)
    assert out == ["/items?x=1", "pwshlike-test", 1, 2, 201, "short and stout",
                   "short and stout"]
    assert "VERBOSE: Requested HTTP/1.1 POST with 13-byte payload" in err
    assert "VERBOSE: Received HTTP/1.1 22-byte response of content type application/json" in err


def test_start_up_does_not_import_requests():
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "pwshlike", "-c", "exit"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "requests" not in imported and "cmdlets.web" not in imported
