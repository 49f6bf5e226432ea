# Recursive function calls. Expected output: 17711
function fib($n) { if ($n -lt 2) { $n } else { (fib ($n-1)) + (fib ($n-2)) } }; fib 22
