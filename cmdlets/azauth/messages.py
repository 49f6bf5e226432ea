"""What the AzAuth cmdlets say: error ids and categories per parameter set, and the text
of errors, warnings and verbose lines (AzAuth's wording where AzAuth has one).

Kept as data so the wording is in one place and tests can refer to it by key.  No entry
has a placeholder for a token, secret or key.
"""
from __future__ import annotations

# parameter set -> (ErrorId, ErrorCategory) of a failed token request
SET_ERRORS: dict[str, tuple[str, str]] = {
    "NonInteractive": ("NonInteractiveTokenError", "NotSpecified"),
    "Cache": ("CacheTokenError", "NotSpecified"),
    "Interactive": ("InteractiveTokenError", "NotSpecified"),
    "DeviceCode": ("DeviceCodeTokenError", "AuthenticationError"),
    "ManagedIdentity": ("ManagedIdentityTokenError", "AuthenticationError"),
    "WorkloadIdentity": ("WorkloadIdentityTokenError", "AuthenticationError"),
    "ClientSecret": ("ClientSecretTokenError", "AuthenticationError"),
    "ClientCertificate": ("ClientCertificateTokenError", "AuthenticationError"),
    "ClientCertificatePath": ("ClientCertificatePathTokenError", "AuthenticationError"),
}

# other errors: key -> (ErrorId, ErrorCategory, message template)
ERRORS: dict[str, tuple[str, str, str]] = {
    "unprotected_without_cache": (
        "InvalidParameterCombination", "InvalidArgument",
        "The -UseUnprotectedTokenCache switch must be used together with -TokenCache!"),
    "cert_extension": (
        "InvalidCertificatePath", "InvalidArgument", "Only .pfx and .pem files are supported!"),
    "cert_missing": (
        "InvalidCertificatePath", "ObjectNotFound", "File '{path}' does not exist."),
    "cert_unreadable": (
        "InvalidCertificate", "InvalidData", "Cannot read the certificate '{path}': {reason}"),
    "cert_no_key": (
        "InvalidCertificate", "InvalidArgument",
        ("The certificate '{subject}' has no private key, which the client certificate flow "
        "needs.")),
    "no_browser": (
        "InteractiveTokenError", "NotSpecified",
        ("Cannot sign in interactively: there is no web browser to open here ({reason}). "
        "Use -DeviceCode to sign in from a browser on another device.")),
    "timeout": (
        "{set_error}", "OperationTimeout",
        "Login timed out after {seconds} seconds, configured by the TimeoutSeconds parameter."),
    "protected_unavailable": (
        "PlatformNotSupported", "NotInstalled",
        ("The current platform does not support token caching with protected storage! If you "
        "really need caching, install the necessary dependencies or use the "
        "-UseUnprotectedTokenCache which stores tokens as plain text. Do so only at your own "
        "risk in controlled scenarios! ({reason})")),
    "cache_name": (
        "InvalidTokenCacheName", "InvalidArgument",
        "'{name}' is not a valid token cache name: use letters, digits, '.', '-' and '_'."),
    "cache_missing": (
        "CacheTokenError", "ObjectNotFound",
        ("The token cache '{name}' does not exist. Fill it first with Get-AzToken -Interactive "
        "-TokenCache '{name}' or -DeviceCode -TokenCache '{name}'.")),
    "no_accounts": (
        "CacheTokenError", "NotSpecified", "No accounts found in the specified token cache."),
    "multiple_accounts": (
        "CacheTokenError", "NotSpecified",
        "Multiple accounts found in the token cache, please specify -Username!"),
    "account_not_found": (
        "CacheTokenError", "ObjectNotFound",
        "The specified account '{username}' was not found in the cache."),
    "silent_failed": (
        "CacheTokenError", "NotSpecified",
        ("No token could be acquired silently from the cache. This can happen if the token "
        "has expired, an account was not found in the cache, or if the cache was created "
        "unprotected. {reason}")),
    "clear_failed": (
        "ClearAzTokenCacheError", "WriteError",
        ("Failed to clear the token cache '{name}'. Consider using -Force to remove the cache "
        "files directly, but be aware this may cause issues with other applications using "
        "the same cache. ({reason})")),
    "clear_unsafe": (
        "ClearAzTokenCacheError", "InvalidOperation", "{reason}"),
    "list_failed": (
        "GetAzTokenCacheError", "ReadError", "Cannot read the token cache '{name}': {reason}"),
    "cancelled": (
        "{set_error}", "OperationStopped", "The sign-in was cancelled."),
}

WARNINGS: dict[str, str] = {
    "unprotected": "Unprotected token caches store tokens as plain text on the file system! "
                   "Only use this in secure environments at your own risk!",
    "msal_cache": "The name 'msal.cache' is the default cache name in MSAL, changing or "
                  "clearing this cache might break other tools using it!",
    "device_code": "To sign in, use a web browser to open the page {uri} and enter the code "
                   "{code} to authenticate.",
    "force_delete": "Will attempt to delete all files for the token cache '{name}', this may "
                    "cause issues with other applications using the same cache!",
    "cache_not_found": "The token cache '{name}' does not exist.",
    "include_details": "Including account information may prompt for access permissions, "
                       "depending on the platform.",
}

VERBOSE: dict[str, str] = {
    "getting": "Getting token for {resource} with scopes: {scopes}.",
    "sources": "Looking for a token from the following sources:\n{sources}",
    "source_failed": "{source} did not give a token: {reason}",
    "source_ok": "Got a token from {source}.",
    "interactive": "Getting token interactively using the default browser.",
    "device_code": "Getting token using the device code flow.",
    "managed_identity": "Getting token using a managed identity.",
    "workload_identity": "Getting token using workload identity federation for client "
                         "'{client_id}'.",
    "client_secret": "Getting token using client secret for client '{client_id}'.",
    "client_certificate": "Getting token using client certificate '{thumbprint}' for client "
                          "'{client_id}'.",
    "cache_single": "No username specified, verifying there is only a single account in "
                    "token cache '{name}' and attempting to get token for it.",
    "cache_account": "Attempting to get token for account '{username}' from token cache "
                     "named '{name}'.",
    "cache_file": "Using token cache file '{path}' ({protection}).",
    "scan": "Scanning for token caches in the cache directory '{root}'.",
    "none_found": "No token caches found.",
    "cleared": "Removed {count} account(s) from the token cache '{name}'.",
    "deleted": "Deleted the token cache folder '{path}'.",
}

# NonInteractive sources, in the order they are tried (name, what it reads)
SOURCES: tuple[tuple[str, str], ...] = (
    ("SavedInteractiveCredential", "the interactive sign-in made earlier in this session"),
    ("EnvironmentCredential", "AZURE_* environment variables"),
    ("AzurePowerShellCredential", "Azure PowerShell (Connect-AzAccount)"),
    ("AzureCliCredential", "Azure CLI (az login)"),
    ("VisualStudioCodeCredential", "Visual Studio Code"),
    ("VisualStudioCredential", "Visual Studio (not available in Python; skipped)"),
    ("SharedTokenCacheCredential", "the shared developer token cache"),
    ("ManagedIdentityCredential", "the managed identity of this machine"),
)
