# A small tour of the language: functions, pipelines, hashtables, errors.
function Get-Square {
    param([int]$Value)
    $Value * $Value
}

$squares = 1..5 | ForEach-Object { Get-Square $_ }
"Squares: $($squares -join ', ')"

$config = [ordered]@{ Resource = 'https://graph.microsoft.com'; Scope = '.default' }
foreach ($key in $config.Keys) {
    '{0,-10} = {1}' -f $key, $config[$key]
}

try {
    1 / 0
} catch [System.DivideByZeroException] {
    "Caught: $($_.Exception.Message)"
}

switch -Regex ('token-abc123') {
    '^token-(\w+)$' { "token id: $($Matches[1])" }
}

# Objects through the pipeline, formatted as pwsh formats them
class Token {
    [string]$Audience
    [int]$MinutesLeft
    Token([string]$audience, [int]$minutes) { $this.Audience = $audience; $this.MinutesLeft = $minutes }
}
$tokens = @([Token]::new('graph', 55), [Token]::new('arm', 5), [Token]::new('vault', 30))
$tokens | Sort-Object MinutesLeft | Format-Table
$tokens | Where-Object MinutesLeft -lt 10 | ConvertTo-Json -Compress

# Every command's parameters come from its help page
Get-Command Get-AzToken -Syntax
