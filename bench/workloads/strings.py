# Twin of strings.ps1. Expected output: 1400000
# PowerShell's -replace is a case-insensitive Regex.Replace, hence re.IGNORECASE.
# The patterns are passed as strings on every call, as in the .ps1: PowerShell
# caches compiled regexes and so does the re module, so neither side recompiles.
import re

total = 0
for i in range(1, 200001):
    t = f"item{i}-value"
    t = re.sub(r"\d+", "N", t, flags=re.IGNORECASE)
    t = re.sub("VALUE", "v", t, flags=re.IGNORECASE)
    total += len(t)
print(total)
