# Twin of fib.ps1. Expected output: 17711
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(22))
