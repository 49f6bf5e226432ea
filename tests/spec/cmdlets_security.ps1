# Spec tests: SecureString, PSCredential, ConvertTo/From-SecureString, Read-Host.
#
# Sources (PowerShell 7.4 docs): ConvertTo-SecureString, ConvertFrom-SecureString,
# Get-Credential, Read-Host; SecureStringCommands.cs, SecureStringHelper.cs and
# SecureString.Tests.ps1 for the export format and error ids.  The AES vector
# below was computed with openssl (aes-128-cbc, key 01..10, IV 00112233..ff).

#### A SecureString shows only its type name
$s = ConvertTo-SecureString 'P@ss' -AsPlainText -Force
$s
"$s"
$s.Length
$s.GetType().FullName
## STDOUT:
System.Security.SecureString
System.Security.SecureString
4
System.Security.SecureString
## END

#### -AsPlainText works without -Force in PowerShell 7; ConvertFrom -AsPlainText reveals
$s = ConvertTo-SecureString 'Example' -AsPlainText
ConvertFrom-SecureString -SecureString $s -AsPlainText
## STDOUT:
Example
## END

#### The key-less export on Unix is the hex of the UTF-16LE characters
$s = ConvertTo-SecureString 'Ab' -AsPlainText
$e = ConvertFrom-SecureString $s
$e
ConvertTo-SecureString $e | ConvertFrom-SecureString -AsPlainText
## STDOUT:
41006200
Ab
## END

#### Round trip with -Key through a file, as in the docs
$d = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
$null = New-Item -ItemType Directory $d
$key = [System.Text.Encoding]::UTF8.GetBytes('1234' * 8)
$s = '[8Chars][8Chars][Not8]' | ConvertTo-SecureString -AsPlainText -Force
$enc = $s | ConvertFrom-SecureString -Key $key
$enc.StartsWith('76492d1116743f0423413b16050a5345')
$enc | Set-Content "$d/enc.txt"
$s2 = Get-Content "$d/enc.txt" | ConvertTo-SecureString -Key $key
$s2 | ConvertFrom-SecureString -AsPlainText
Remove-Item $d -Recurse
## STDOUT:
True
[8Chars][8Chars][Not8]
## END

#### Each export uses a new IV
$s = ConvertTo-SecureString 'same' -AsPlainText
$k = [byte[]](1..32)
(ConvertFrom-SecureString $s -Key $k) -ne (ConvertFrom-SecureString $s -Key $k)
## STDOUT:
True
## END

#### A known AES-128 export decrypts (vector made with openssl)
$enc = '76492d1116743f0423413b16050a5345MgB8AEEAQgBFAGkATQAwAFIAVgBaAG4AZQBJAG0AYQBxADcAegBOADMAdQAvAHcAPQA9AHwAMgBkAGMAZgA5ADcAMgBhADcANwA1AGIANwA4ADQAYwA2ADcANQA3AGMAMQBmADYAOAA3ADcANQA2ADcAMQA2AA=='
ConvertTo-SecureString $enc -Key ([byte[]](1..16)) | ConvertFrom-SecureString -AsPlainText
## STDOUT:
P@ss
## END

#### -SecureKey: the key is the UTF-16 bytes of the SecureString
$sk = ConvertTo-SecureString '12345678' -AsPlainText
$s = ConvertTo-SecureString 'secret' -AsPlainText
$e = ConvertFrom-SecureString $s -SecureKey $sk
ConvertTo-SecureString $e -SecureKey $sk | ConvertFrom-SecureString -AsPlainText
## STDOUT:
secret
## END

#### A key of the wrong length is a terminating Argument error
$s = ConvertTo-SecureString 'x' -AsPlainText
try { ConvertFrom-SecureString -SecureString $s -Key ([byte[]](1, 2)) } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
## STDOUT:
Argument,Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand
The specified key is not valid. Valid key length settings are either 128 bits, 192 bits, or 256 bits.
## END

#### The wrong key is a cryptographic error
$s = ConvertTo-SecureString 'x' -AsPlainText
$e = ConvertFrom-SecureString $s -Key ([byte[]](1..16))
try { ConvertTo-SecureString $e -Key ([byte[]](2..17)) -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
## STDOUT:
ImportSecureString_InvalidArgument_CryptographicError,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand
## END

#### Binding a string to -SecureString never shows the string
try { ConvertFrom-SecureString 'hunter2' } catch {
    $_.FullyQualifiedErrorId
    $_.Exception.Message -match 'hunter2'
}
try { [securestring]'hunter2' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message -match 'hunter2' }
## STDOUT:
CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand
False
ConvertToFinalInvalidCastException
False
## END

#### An empty SecureString cannot be exported
try { ConvertFrom-SecureString ([securestring]::new()) } catch { $_.FullyQualifiedErrorId }
## STDOUT:
Argument,Microsoft.PowerShell.Commands.ConvertFromSecureStringCommand
## END

#### PSCredential shows the user and hides the password
$c = [pscredential]::new('corp\bob', (ConvertTo-SecureString 'pw1' -AsPlainText))
$c
## STDOUT:

UserName Password
-------- --------
corp\bob System.Security.SecureString

## END

#### GetNetworkCredential splits the domain and reveals the password
$c = [pscredential]::new('corp\bob', (ConvertTo-SecureString 'pw1' -AsPlainText))
$n = $c.GetNetworkCredential()
$n.UserName; $n.Domain; $n.Password
Get-Credential -Credential $c | ForEach-Object { $_.UserName }
## STDOUT:
bob
corp
pw1
corp\bob
## END

#### Read-Host at the end of input returns $null after writing the prompt
$v = Read-Host -Prompt 'Name'
''
$null -eq $v
## STDOUT:
Name: 
True
## END

#### Get-Credential at the end of input returns nothing
$c = Get-Credential -UserName bob
''
$null -eq $c
## STDOUT:

PowerShell credential request
Enter your credentials.
Password for user bob: 
True
## END
