"""Invoke-WebRequest and Invoke-RestMethod on ``requests``.

Split by concern: ``webtypes`` (the .NET enums and secret types the parameters bind to),
``content`` (request bodies, response decoding, JSON/XML conversion), ``response``
(the objects the cmdlets return), ``client`` (sending: redirects, retries, errors) and
``commands`` (the cmdlet classes).  Nothing here is imported until a web cmdlet runs.
"""
