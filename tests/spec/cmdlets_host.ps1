# Spec tests: host and session cmdlets -- Get-Host/$Host, Clear-Host, Get-Culture,
# Get-UICulture, Get-ExecutionPolicy, Set-ExecutionPolicy, Add-Type -AssemblyName.
#
# Sources (PowerShell 7.4): the cmdlet pages; PowerShell's source: GetHostCmdlet.cs,
# GetCultureCommand.cs, ExecutionPolicyCommands.cs and SecuritySupport.cs (Unrestricted for
# every scope off Windows; SetExecutionPolicy throws PlatformNotSupportedException there),
# ExecutionPolicyCommands.resx, AddType.cs (LoadAssemblies, ResolveAssemblyName: an unknown
# name is looked for as <name>.dll in the current location), AddTypeStrings.resx,
# DotNetTypes.format.ps1xml (the CultureInfo table), InitialSessionState.cs (aliases on Unix).
# The cases assume pwsh running in an en-US locale.

#### Get-Host writes $Host, the console host
$h = Get-Host
$h.Name
[object]::ReferenceEquals($h, $Host)
$Host.Version -is [version]
$Host.Version.Major
$Host.InstanceId -eq (Get-Host).InstanceId
$Host.CurrentCulture.Name
## STDOUT:
ConsoleHost
True
True
7
True
en-US
## END

#### $Host.UI writes to the console outside the pipeline
$captured = $Host.UI.WriteLine('direct line')
$null -eq $captured
$null = $Host.UI.Write('no newline'); $Host.UI.WriteLine()
$Host.UI.WriteWarningLine('careful')
## STDOUT:
direct line
True
no newline
WARNING: careful
## END

#### $Host.UI.RawUI knows the window size
$size = $Host.UI.RawUI.WindowSize
$size.Width -gt 0
$size.Height -gt 0
## STDOUT:
True
True
## END

#### Clear-Host writes nothing down the pipeline
(Clear-Host | Measure-Object).Count
## STDOUT:
0
## END

#### default aliases of the new commands on Linux
Get-Alias cls, gps, saps | ForEach-Object { '{0} -> {1}' -f $_.Name, $_.Definition }
foreach ($name in 'clear', 'ps', 'start', 'kill') {
    try { Get-Alias $name -ErrorAction Stop } catch { "no $name" }
}
## STDOUT:
cls -> Clear-Host
gps -> Get-Process
saps -> Start-Process
no clear
no ps
no start
no kill
## END

#### Get-Culture is the session culture
Get-Culture
## STDOUT:

LCID             Name             DisplayName
----             ----             -----------
1033             en-US            English (United States)

## END

#### the culture's name and TextInfo
(Get-Culture).Name -eq $PSCulture
(Get-Culture).TextInfo.ToTitleCase('hello world')
(Get-Culture -NoUserOverrides).Name
## STDOUT:
True
Hello World
en-US
## END

#### Get-Culture -Name writes one culture per name, also from the pipeline
Get-Culture -Name de-DE, en-GB | ForEach-Object { '{0} {1} {2}' -f $_.LCID, $_.Name, $_.DisplayName }
'fr-FR' | Get-Culture | ForEach-Object DisplayName
(Get-Culture -Name en-us).Name
## STDOUT:
1031 de-DE German (Germany)
2057 en-GB English (United Kingdom)
French (France)
en-US
## END

#### Get-UICulture
(Get-UICulture).Name
(Get-UICulture).Name -eq $PSUICulture
## STDOUT:
en-US
True
## END

#### Get-ExecutionPolicy is Unrestricted off Windows
Get-ExecutionPolicy
Get-ExecutionPolicy -Scope CurrentUser
Get-ExecutionPolicy MachinePolicy
(Get-ExecutionPolicy).GetType().FullName
## STDOUT:
Unrestricted
Unrestricted
Unrestricted
Microsoft.PowerShell.ExecutionPolicy
## END

#### Get-ExecutionPolicy -List writes every scope
Get-ExecutionPolicy -List
## STDOUT:

        Scope ExecutionPolicy
        ----- ---------------
MachinePolicy    Unrestricted
   UserPolicy    Unrestricted
      Process    Unrestricted
  CurrentUser    Unrestricted
 LocalMachine    Unrestricted

## END

#### Get-ExecutionPolicy -List and -Scope together
try { Get-ExecutionPolicy -List -Scope Process } catch { $_.FullyQualifiedErrorId; "$_" }
## STDOUT:
ListAndScopeSpecified,Microsoft.PowerShell.Commands.GetExecutionPolicyCommand
Cannot get execution policy. Specify only the List or Scope parameters.
## END

#### Set-ExecutionPolicy is not supported off Windows
try { Set-ExecutionPolicy -ExecutionPolicy Bypass -Scope Process -Force } catch {
    $_.FullyQualifiedErrorId; $_.Exception.Message; $_.Exception.GetType().FullName
}
## STDOUT:
System.PlatformNotSupportedException,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand
Operation is not supported on this platform.
System.PlatformNotSupportedException
## END

#### Set-ExecutionPolicy's error does not stop the script
Set-ExecutionPolicy RemoteSigned
'continued'
## STDOUT:
continued
## END
## error: System.PlatformNotSupportedException

#### Set-ExecutionPolicy -WhatIf only reports
Set-ExecutionPolicy RemoteSigned -WhatIf
'Bypass' | Set-ExecutionPolicy -WhatIf
## STDOUT:
What if: Performing the operation "Set-ExecutionPolicy" on target "RemoteSigned".
What if: Performing the operation "Set-ExecutionPolicy" on target "Bypass".
## END

#### Group Policy scopes cannot be set
try { Set-ExecutionPolicy Bypass -Scope MachinePolicy -WhatIf } catch { $_.FullyQualifiedErrorId; "$_" }
## STDOUT:
CantSetGroupPolicy,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand
Cannot set execution policy. Execution policies at the MachinePolicy or UserPolicy scopes must be set through Group Policy.
## END

#### Set-ExecutionPolicy rejects an unknown policy
try { Set-ExecutionPolicy Lenient } catch { $_.FullyQualifiedErrorId }
## STDOUT:
CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand
## END

#### Add-Type -AssemblyName of assemblies whose types are built in
Add-Type -AssemblyName System.Web
[System.Web.HttpUtility]::UrlEncode('a b&c')
Add-Type -AssemblyName System.Net.Http, System.Security
Add-Type -AssemblyName 'System.Web, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a'
'loaded'
## STDOUT:
a+b%26c
loaded
## END

#### Add-Type -AssemblyName of an unknown assembly looks for <name>.dll here
Push-Location ([System.IO.Path]::GetTempPath())
try { Add-Type -AssemblyName NoSuch.Assembly.Xyz } catch {
    $_.FullyQualifiedErrorId
    $_.CategoryInfo.Category
    $_.Exception.Message -eq "Cannot find path '$(Join-Path (Get-Location) 'NoSuch.Assembly.Xyz.dll')' because it does not exist."
}
Pop-Location
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.AddTypeCommand
ObjectNotFound
True
## END

#### Add-Type: Windows-only assemblies are not there on Linux
try { Add-Type -AssemblyName PresentationFramework } catch { $_.FullyQualifiedErrorId }
## STDOUT:
PathNotFound,Microsoft.PowerShell.Commands.AddTypeCommand
## END

#### Add-Type checks -OutputType before anything else
try { Add-Type -TypeDefinition 'x' -OutputType ConsoleApplication } catch { $_.FullyQualifiedErrorId }
try { Add-Type -TypeDefinition 'x' -OutputType Library } catch { $_.FullyQualifiedErrorId }
## STDOUT:
AssemblyTypeNotSupported,Microsoft.PowerShell.Commands.AddTypeCommand
OUTPUTTYPE_REQUIRES_ASSEMBLY,Microsoft.PowerShell.Commands.AddTypeCommand
## END
