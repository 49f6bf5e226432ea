"""AzAuth's token cmdlets (Get-AzToken, Get-AzTokenCache, Clear-AzTokenCache) and
Get-PfxCertificate.  Nothing here is imported until one of them runs."""
