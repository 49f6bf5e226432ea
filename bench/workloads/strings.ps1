# String building and -replace, 200k iterations. Expected output: 1400000
# -replace is case-insensitive, so 'VALUE' matches "value".
$total = 0
foreach ($i in 1..200000) {
    $t = "item$i-value"
    $t = $t -replace '\d+', 'N'
    $t = $t -replace 'VALUE', 'v'
    $total += $t.Length
}
$total
