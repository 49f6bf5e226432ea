# Integer loop: add 1..1000000. Expected output: 500000500000
$s=0; foreach ($i in 1..1000000) { $s += $i }; $s
