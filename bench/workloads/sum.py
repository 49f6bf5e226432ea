# Twin of sum.ps1: add 1..1000000. Expected output: 500000500000
s = 0
for i in range(1, 1000001):
    s += i
print(s)
