"""The part both web cmdlets share: check the parameters, build the request, send it
(redirects, retries, time-outs) and turn failures into pwsh's error records.

``requests`` does the HTTP; this module only decides what to send and follows pwsh's
rules around it: no credentials over plain http without -AllowUnencryptedAuthentication,
the Authorization header dropped on redirect, 4xx/5xx as HttpResponseException.  Secret
values (credentials, tokens, Authorization headers) never reach verbose or debug output
or error messages.
"""
from __future__ import annotations

import base64
import os
import platform
import time
from urllib.parse import urljoin, urlsplit

from pwshlike.cmdlet import Cmdlet
from pwshlike.errors import (
    EXCEPTION_CLASSES,
    ErrorDetails,
    InvalidOperationException,
    ItemNotFoundException,
)
from pwshlike.runtime.convert import to_str

from . import content as C
from .response import HttpRequestMessage, HttpResponseMessage, http_version
from .webtypes import credential_parts, plain_text, status_code

HttpRequestException = EXCEPTION_CLASSES["system.net.http.httprequestexception"]
HttpResponseException = EXCEPTION_CLASSES["microsoft.powershell.commands.httpresponseexception"]
_REDIRECTS = (301, 302, 303, 307, 308)
_DEFAULT_REDIRECTS = 50


def _exception_class(fullname: str, parent: str):
    """An exception type the shared table may not list yet (made once, then registered)."""
    low = fullname.lower()
    cls = EXCEPTION_CLASSES.get(low)
    if cls is None:
        base = EXCEPTION_CLASSES[parent.lower()]
        cls = type(fullname.rsplit(".", 1)[-1], (base,), {"dotnet_fullname": fullname})
        EXCEPTION_CLASSES[low] = cls
        from pwshlike.runtime.types import _register_exception
        _register_exception(cls)
    return cls


TaskCanceledException = _exception_class("System.Threading.Tasks.TaskCanceledException",
                                         "System.OperationCanceledException")


def user_agent() -> str:
    """pwsh's default User-Agent shape: Mozilla/5.0 (<platform>; <os>; <culture>) PowerShell/<v>."""
    system = platform.system() or "Unix"
    release = platform.release()
    return f"Mozilla/5.0 ({system}; {system} {release}; en-US) PowerShell/7.4.0"


class WebRequestCmdlet(Cmdlet):
    """Base of Invoke-WebRequest and Invoke-RestMethod (pwsh's WebRequestPSCmdlet)."""

    def process_response(self, resp, raw: bytes) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- the pipeline entry point --------------------------------------------------------------
    def process_record(self) -> None:
        import requests
        self._unset_unbound()
        self._validate()
        method = self._method()
        url = self._url(method)
        headers, body, files, handles = self._request_parts(method)
        session = requests.Session()
        try:
            self._configure(session)
            resp = self._send(session, method, url, headers, body, None, files)
            self._finish(resp, method, url, headers)
        finally:
            session.close()
            for handle in handles:
                handle.close()

    def _unset_unbound(self) -> None:
        """Parameters not given read as None (switches as False): the spec's default values
        are help text, not values.  Both cmdlets' names are covered, whichever declares them."""
        names = [p.name for p in self._proc.info.meta.params if not getattr(p, "is_common", 0)]
        switches = {p.name for p in self._proc.info.meta.params if p.is_switch}
        for name in set(names) | {"StatusCodeVariable", "ResponseHeadersVariable",
                                  "FollowRelLink", "MaximumFollowRelLink"}:
            if name not in self.bound_parameters:
                setattr(self, name, False if name in switches else None)
        self._redirect_limit_hit = False

    # --- checks (pwsh's ValidateParameters) -------------------------------------------------------
    def _fail(self, message: str, error_id: str, category: str = "InvalidArgument",
              target=None, exception_class=None):
        rec = self.error_record(message, error_id, category, target,
                                exception_class or InvalidOperationException)
        self.throw_terminating_error(rec)

    def _auth_type(self) -> str:
        a = self.Authentication
        return "None" if a is None else to_str(a)

    def _validate(self) -> None:
        auth = self._auth_type()
        if self.WebSession is not None and self.SessionVariable is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: Session and SessionVariable. Specify either Session or "
                       "SessionVariable, then retry.", "WebCmdletSessionConflictException")
        if self.UseDefaultCredentials and auth != "None":
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: Authentication and UseDefaultCredentials. Authentication does "
                       "not support Default Credentials. Specify either Authentication or "
                       "UseDefaultCredentials, then retry.",
                       "WebCmdletAuthenticationConflictException")
        if auth != "None" and self.Token is not None and self.Credential is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: Credential and Token. Specify either Credential or Token, "
                       "then retry.", "WebCmdletAuthenticationTokenConflictException")
        if auth == "Basic" and self.Credential is None:
            self._fail("The cmdlet cannot run because the following parameter is not specified: "
                       "Credential. The supplied Authentication type requires a Credential. "
                       "Specify Credential, then retry.",
                       "WebCmdletAuthenticationCredentialNotSuppliedException")
        if auth in ("OAuth", "Bearer") and self.Token is None:
            self._fail("The cmdlet cannot run because the following parameter is not specified: "
                       "Token. The supplied Authentication type requires a Token. Specify Token, "
                       "then retry.", "WebCmdletAuthenticationTokenNotSuppliedException")
        scheme = urlsplit(self._uri_text()).scheme.lower()
        if not self.AllowUnencryptedAuthentication and scheme != "https" and (
                auth != "None" or self.Credential is not None or self.UseDefaultCredentials):
            self._fail("The cmdlet cannot protect plain text secrets sent over unencrypted "
                       "connections. To suppress this warning and send plain text secrets over "
                       "unencrypted networks, reissue the command specifying the "
                       "AllowUnencryptedAuthentication parameter.",
                       "WebCmdletAllowUnencryptedAuthenticationRequiredException")
        if self.UseDefaultCredentials and self.Credential is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: Credential and UseDefaultCredentials. Specify either Credential "
                       "or UseDefaultCredentials, then retry.",
                       "WebCmdletCredentialConflictException")
        if self.ProxyUseDefaultCredentials and self.ProxyCredential is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: ProxyCredential and ProxyUseDefaultCredentials. Specify either "
                       "ProxyCredential or ProxyUseDefaultCredentials, then retry.",
                       "WebCmdletProxyCredentialConflictException")
        if self.Proxy is None and (self.ProxyCredential is not None or
                                   self.ProxyUseDefaultCredentials):
            self._fail("The cmdlet cannot run because the following parameter is missing: Proxy. "
                       "Provide a valid proxy URI for the Proxy parameter when using the "
                       "ProxyCredential or ProxyUseDefaultCredentials parameters, then retry.",
                       "WebCmdletProxyUriNotSuppliedException")
        if self.Body is not None and self.InFile is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: Body and InFile. Specify either Body or Infile, then retry.",
                       "WebCmdletBodyConflictException")
        if self.Body is not None and self.Form is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: Body and Form. Specify either Body or Form, then retry.",
                       "WebCmdletBodyFormConflictException")
        if self.InFile is not None and self.Form is not None:
            self._fail("The cmdlet cannot run because the following conflicting parameters are "
                       "specified: InFile and Form. Specify either InFile or Form, then retry.",
                       "WebCmdletFormInFileConflictException")
        if self.InFile is not None:
            path = self.ctx.resolve_path(to_str(self.InFile))
            if not os.path.exists(path):
                self._fail(f"Cannot find path '{path}' because it does not exist.",
                           "PathNotFound", "ObjectNotFound", path, ItemNotFoundException)
            if os.path.isdir(path):
                self._fail(f"Path '{to_str(self.InFile)}' resolves to a directory. Specify a path "
                           "including a file name, and then retry the command.",
                           "WebCmdletInFileNotFilePathException", target=to_str(self.InFile))
        if self.PassThru and self.OutFile is None:
            self._fail("The cmdlet cannot run because the following parameter is missing: "
                       "OutFile. Provide a valid OutFile parameter value when using the PassThru "
                       "parameter, then retry.", "WebCmdletOutFileMissingException",
                       target="PassThru")
        if self.Resume and self.OutFile is None:
            self._fail("The cmdlet cannot run because the following parameter is missing: "
                       "OutFile. Provide a valid OutFile parameter value when using the Resume "
                       "parameter, then retry.", "WebCmdletOutFileMissingException",
                       target="Resume")

    # --- building the request ----------------------------------------------------------------------
    def _uri_text(self) -> str:
        u = self.Uri
        text = getattr(u, "AbsoluteUri", None) or getattr(u, "OriginalString", None) or to_str(u)
        text = to_str(text)
        if "://" not in text:
            text = "http://" + text      # pwsh assumes http for a bare host name
        return text

    def _method(self) -> str:
        if self.CustomMethod is not None:
            return to_str(self.CustomMethod).upper()
        m = "Default" if self.Method is None else to_str(self.Method)
        return "GET" if m.lower() == "default" else m.upper()

    def _url(self, method: str) -> str:
        url = self._uri_text()
        if method == "GET" and C.is_dictionary(self.Body):
            qs = C.query_string(self.Body)
            if qs:
                url += ("&" if urlsplit(url).query else "?") + qs
        return url

    def _request_parts(self, method: str):
        headers: dict[str, str] = {"User-Agent": to_str(self.UserAgent) if self.UserAgent
                                   is not None else user_agent()}
        content_type = to_str(self.ContentType) if self.ContentType is not None else None
        if self.Headers is not None:
            for k, v in C.dict_items(self.Headers):
                if v is None:
                    continue            # pwsh skips null header values
                if k.lower() == "content-type" and content_type is None:
                    content_type = to_str(v)
                    continue
                headers[k] = to_str(v) if not isinstance(v, list) else ", ".join(
                    to_str(x) for x in v)
        if self.DisableKeepAlive:
            headers["Connection"] = "close"
        if self.TransferEncoding is not None:
            headers["Transfer-Encoding"] = to_str(self.TransferEncoding)
        self._add_auth(headers)
        body = files = None
        handles: list = []
        if self.Form is not None:
            files, handles = C.form_fields(self.Form)
        elif self.InFile is not None:
            with open(self.ctx.resolve_path(to_str(self.InFile)), "rb") as f:
                body = f.read()
        elif self.Body is not None and not (method == "GET" and C.is_dictionary(self.Body)):
            body, content_type = C.body_payload(self.Body, method, content_type)
        if content_type is not None and self.Form is None:
            headers["Content-Type"] = content_type
        return headers, body, files, handles

    def _add_auth(self, headers: dict) -> None:
        auth = self._auth_type()
        if auth == "Basic" or (auth == "None" and self.Credential is not None):
            user, password = credential_parts(self.Credential)
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            headers["Authorization"] = "Basic " + token
        elif auth in ("Bearer", "OAuth"):
            headers["Authorization"] = "Bearer " + plain_text(self.Token)

    def _configure(self, session) -> None:
        session.verify = not bool(self.SkipCertificateCheck)
        if self.SkipCertificateCheck:
            import urllib3
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
        if self.NoProxy:
            session.trust_env = False
            session.proxies = {}
        elif self.Proxy is not None:
            proxy = to_str(getattr(self.Proxy, "AbsoluteUri", None) or self.Proxy)
            if self.ProxyCredential is not None:
                user, password = credential_parts(self.ProxyCredential)
                from urllib.parse import quote
                parts = urlsplit(proxy)
                proxy = parts._replace(netloc=f"{quote(user, safe='')}:"
                                       f"{quote(password, safe='')}@{parts.netloc}").geturl()
            session.proxies = {"http": proxy, "https": proxy}

    # --- sending --------------------------------------------------------------------------------
    def _timeout(self):
        t = self.ConnectionTimeoutSeconds
        op = self.OperationTimeoutSeconds
        connect = None if not t else float(t)
        read = float(op) if op else connect
        return (connect, read) if connect or read else None

    def _send(self, session, method, url, headers, body, data, files):
        retries = max(0, int(self.MaximumRetryCount or 0))
        interval = 5 if self.RetryIntervalSec is None else max(0, int(self.RetryIntervalSec))
        attempt = 0
        while True:
            resp = self._send_following(session, method, url, dict(headers), body, data, files)
            code = resp.status_code
            if attempt >= retries or not (code == 304 or 400 <= code <= 599):
                return resp
            attempt += 1
            wait = interval
            retry_after = resp.headers.get("Retry-After")
            if code == 429 and retry_after and retry_after.strip().isdigit():
                wait = int(retry_after.strip())
            self.write_verbose(f"Retrying after interval of {wait} seconds. Status code for "
                               f"previous attempt: {to_str(status_code(code))}")
            resp.close()
            time.sleep(min(wait, 3600))

    def _send_following(self, session, method, url, headers, body, data, files):
        """One request, following redirects ourselves so pwsh's rules apply: at most
        -MaximumRedirection hops, Authorization dropped unless asked to keep it, no
        https -> http hop without -AllowInsecureRedirect, POST becoming GET on 301-303."""
        import requests
        limit = _DEFAULT_REDIRECTS if self.MaximumRedirection is None or \
            int(self.MaximumRedirection) < 0 else int(self.MaximumRedirection)
        timeout = self._timeout()
        hops = 0
        while True:
            req = requests.Request(method, url, headers=headers, data=body if data is None
                                   else data, files=files)
            prepared = session.prepare_request(req)
            size = len(prepared.body) if isinstance(prepared.body, (bytes, str)) else 0
            self.write_verbose(f"Requested HTTP/1.1 {method} with {size}-byte payload")
            try:
                resp = session.send(prepared, allow_redirects=False, timeout=timeout,
                                    stream=False)
            except requests.exceptions.Timeout:
                secs = self.ConnectionTimeoutSeconds or self.OperationTimeoutSeconds
                self._fail(f"The request was canceled due to the configured HttpClient.Timeout "
                           f"of {int(secs)} seconds elapsing.",
                           "System.Threading.Tasks.TaskCanceledException", "OperationStopped",
                           exception_class=TaskCanceledException)
            except requests.exceptions.SSLError as e:
                self._request_failed(e, url, "The SSL connection could not be established, see "
                                     "inner exception.", _ssl_detail(e))
            except requests.exceptions.ConnectionError as e:
                detail = _connection_detail(e)
                host = urlsplit(url)
                where = f"{host.hostname}:{host.port or (443 if host.scheme == 'https' else 80)}"
                self._request_failed(e, url, f"{detail} ({where})", detail)
            except requests.exceptions.RequestException as e:
                self._request_failed(e, url, _safe_text(str(e), headers), None)
            if resp.status_code not in _REDIRECTS or "Location" not in resp.headers:
                return resp
            if hops >= limit:
                self._redirect_limit_hit = limit == 0
                return resp
            target = urljoin(resp.url or url, resp.headers["Location"])
            if urlsplit(url).scheme == "https" and urlsplit(target).scheme == "http" and \
                    not self.AllowInsecureRedirect:
                rec = self.error_record("Cannot follow an insecure redirection by default. "
                                        "Reissue the command specifying the "
                                        "-AllowInsecureRedirect switch.", "InsecureRedirection",
                                        "InvalidOperation", None, InvalidOperationException)
                self.throw_terminating_error(rec)
            hops += 1
            resp.close()
            if resp.status_code in (301, 302, 303) and method not in ("GET", "HEAD") and not (
                    self.PreserveHttpMethodOnRedirect and resp.status_code != 303):
                method, body, data, files = "GET", None, None, None
                headers.pop("Content-Type", None)
            if not self.PreserveAuthorizationOnRedirect:
                headers.pop("Authorization", None)
            url = target

    def _request_failed(self, exc, url, message, detail) -> None:
        rec = self.error_record(message, "WebCmdletWebResponseException", "InvalidOperation",
                                HttpRequestMessage("GET", url, None), HttpRequestException)
        if detail:
            rec.ErrorDetails = ErrorDetails(detail)
        self.throw_terminating_error(rec)

    # --- after the response ----------------------------------------------------------------------
    def _finish(self, resp, method, url, headers) -> None:
        raw = resp.content or b""
        ctype = resp.headers.get("Content-Type") or ""
        if "Content-Length" in resp.headers or raw:
            self.write_verbose(f"Received HTTP/{http_version(resp)} {len(raw)}-byte response of "
                               f"content type {C.media_type(ctype) or ctype}")
        else:
            self.write_verbose(f"Received HTTP/{http_version(resp)} response of content type "
                               f"{C.media_type(ctype)} of unknown size")
        self._set_variables(resp)
        if not 200 <= resp.status_code <= 299 and not self.SkipHttpErrorCheck and not (
                getattr(self, "_redirect_limit_hit", False)):
            self._http_error(resp, raw, method, url, headers)
        if self.OutFile is not None:
            path = self.ctx.resolve_path(to_str(self.OutFile))
            if os.path.isdir(path):
                name = os.path.basename(urlsplit(resp.url or url).path) or "index.html"
                path = os.path.join(path, name)
            with open(path, "wb") as f:
                f.write(raw)
        if self.OutFile is None or self.PassThru:
            self.process_response(resp, raw)
        if getattr(self, "_redirect_limit_hit", False):
            rec = self.error_record("The maximum redirection count has been exceeded. To "
                                    "increase the number of redirections allowed, supply a "
                                    "higher value to the -MaximumRedirection parameter.",
                                    "MaximumRedirectExceeded", "InvalidOperation",
                                    HttpRequestMessage(method, url, headers),
                                    InvalidOperationException)
            rec.ErrorDetails = ErrorDetails(rec.Exception.Message)
            self.write_error(rec)

    def _set_variables(self, resp) -> None:
        scope = self.current_scope
        if self.StatusCodeVariable:
            _set_var(scope, to_str(self.StatusCodeVariable), resp.status_code)
        if self.ResponseHeadersVariable:
            from .response import header_table, raw_header_pairs
            _set_var(scope, to_str(self.ResponseHeadersVariable),
                     header_table(raw_header_pairs(resp)))

    def _http_error(self, resp, raw, method, url, headers) -> None:
        reason = resp.reason or ""
        message = f"Response status code does not indicate success: {resp.status_code} " \
                  f"({reason})."
        request = HttpRequestMessage(method, url, headers)
        rec = self.error_record(message, "WebCmdletWebResponseException", "InvalidOperation",
                                request, HttpResponseException)
        rec.Exception.Response = HttpResponseMessage(resp, request)
        rec.Exception.StatusCode = rec.Exception.Response.StatusCode
        text, _ = C.decode(raw, resp.headers.get("Content-Type"))
        detail = _error_detail(text, resp.headers.get("Content-Type"))
        if detail:
            rec.ErrorDetails = ErrorDetails(_safe_text(detail, headers))
        self.throw_terminating_error(rec)


def _set_var(scope, name: str, value) -> None:
    low = name.lower()
    for prefix in ("global:", "script:", "local:"):
        low = low.removeprefix(prefix)
    scope.vars[low] = value


def _error_detail(text: str, content_type: str | None) -> str:
    """The body shown as the error's message: HTML reduced to its text, others as sent."""
    if C.media_type(content_type) in ("text/html", "application/xhtml+xml"):
        import re
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", text)
        text = re.sub(r"<[^>]*>", "", text)
        lines = [ln.strip() for ln in text.splitlines()]
        return "\n".join(ln for ln in lines if ln)
    return text.strip("\r\n")


def _safe_text(text: str, headers) -> str:
    """Never echo a secret we sent, even if a server reflects it back."""
    auth = (headers or {}).get("Authorization")
    if auth:
        for secret in {auth, auth.split(" ", 1)[-1]}:
            if len(secret) >= 4:
                text = text.replace(secret, "***")
    return text


def _connection_detail(e) -> str:
    s = str(e)
    low = s.lower()
    if "refused" in low:
        return "Connection refused"
    if "name or service not known" in low or "nodename nor servname" in low or \
            "failed to resolve" in low or "getaddrinfo" in low:
        return "Name or service not known"
    if "reset" in low:
        return "Connection reset by peer"
    if "no route" in low:
        return "No route to host"
    return "An error occurred while sending the request."


def _ssl_detail(e) -> str:
    s = str(e)
    if "CERTIFICATE_VERIFY_FAILED" in s or "certificate verify failed" in s:
        return "The remote certificate is invalid according to the validation procedure."
    return "The SSL connection could not be established."


__all__ = ["WebRequestCmdlet"]
