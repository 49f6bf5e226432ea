# Get-Help: cmdlet pages, comment-based help, about topics, errors.

#### Get-Help of a cmdlet: the default view
Get-Help Remove-Module
## STDOUT:

NAME
    Remove-Module

SYNOPSIS
    Removes imported modules from the session.


SYNTAX
    Remove-Module [-Name] <System.String[]> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]

    Remove-Module [-ModuleInfo] <System.Management.Automation.PSModuleInfo[]> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]


DESCRIPTION
    `Remove-Module` undoes `Import-Module`: the functions, variables and aliases the module exported leave the
    session, and the module leaves the `Get-Module` list. The module files are not touched. Names take wildcards; a
    name that matches no imported module is an error.


RELATED LINKS
    Import-Module
    Get-Module

REMARKS
    To see the examples, type: "Get-Help Remove-Module -Examples"
    For more information, type: "Get-Help Remove-Module -Detailed"
    For technical information, type: "Get-Help Remove-Module -Full"
## END

#### Get-Help -Parameter shows one parameter's attributes
Get-Help Get-Alias -Parameter Name
## STDOUT:

    -Name <System.String[]>
        Alias names to get; wildcards are allowed. Without it, every alias is returned.

        Required?                    false
        Position?                    0
        Default value                None
        Accept pipeline input?       True (ByPropertyName, ByValue)
        Aliases                      none
        Accept wildcard characters?  true
## END

#### Get-Help properties
$h = Get-Help Get-Alias
$h.Name
$h.Category
$h.Synopsis
$h.ModuleName
## STDOUT:
Get-Alias
Cmdlet
Gets the aliases of the session.
Microsoft.PowerShell.Utility
## END

#### Get-Help of an alias shows the command's help
(Get-Help gal).Name
## STDOUT:
Get-Alias
## END

#### comment-based help before the function
<#
.SYNOPSIS
Adds two numbers.

.DESCRIPTION
Returns the sum
of both numbers.

.PARAMETER A
The first number.

.EXAMPLE
Add-Two 1 2
Returns 3.
#>
function Add-Two([int]$A, $B = 5) { $A + $B }
Get-Help Add-Two -Full
## STDOUT:

NAME
    Add-Two

SYNOPSIS
    Adds two numbers.


SYNTAX
    Add-Two [[-A] <Int32>] [[-B] <Object>]


DESCRIPTION
    Returns the sum of both numbers.


PARAMETERS
    -A <Int32>
        The first number.

        Required?                    false
        Position?                    1
        Default value
        Accept pipeline input?       false
        Aliases
        Accept wildcard characters?  false

    -B <Object>

        Required?                    false
        Position?                    2
        Default value                5
        Accept pipeline input?       false
        Aliases
        Accept wildcard characters?  false


INPUTS

OUTPUTS

    -------------------------- EXAMPLE 1 --------------------------

    PS > Add-Two 1 2

    Returns 3.


RELATED LINKS
## END

#### comment-based help inside the body, line-comment form, parameter comments
function Get-Thing {
    # .SYNOPSIS
    # Gets a thing.
    [CmdletBinding()]
    param(
        # The name of the thing.
        [Parameter(Mandatory, ValueFromPipeline)][string]$Name,
        [switch]$Force
    )
    $Name
}
Get-Help Get-Thing -Detailed
## STDOUT:

NAME
    Get-Thing

SYNOPSIS
    Gets a thing.


SYNTAX
    Get-Thing [-Name] <String> [-Force] [<CommonParameters>]


DESCRIPTION


PARAMETERS
    -Name <String>
        The name of the thing.

    -Force [<SwitchParameter>]

    <CommonParameters>
        This cmdlet supports the common parameters: Verbose, Debug,
        ErrorAction, ErrorVariable, WarningAction, WarningVariable,
        OutBuffer, PipelineVariable, and OutVariable. For more information, see
        about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).


RELATED LINKS

REMARKS
    To see the examples, type: "Get-Help Get-Thing -Examples"
    For more information, type: "Get-Help Get-Thing -Detailed"
    For technical information, type: "Get-Help Get-Thing -Full"
## END

#### comment-based help at the end of the body
function Get-Last {
    'last'
<#
.SYNOPSIS
Help at the end.
#>
}
(Get-Help Get-Last).Synopsis
## STDOUT:
Help at the end.
## END

#### a comment that is not help is ignored
# just a note about this function
function Get-Plain($x) { }
Get-Help Get-Plain
## STDOUT:

NAME
    Get-Plain

SYNTAX
    Get-Plain [[-x] <Object>]


ALIASES
    None


REMARKS
    None
## END

#### -Online prints the first .LINK address
function Get-Linked {
<#
.SYNOPSIS
Linked.
.LINK
https://example.com/linked
#>
}
Get-Help Get-Linked -Online
## STDOUT:
https://example.com/linked
## END

#### -Online without an address is an error
function Get-Unlinked { <# .SYNOPSIS
x #> }
Get-Help Get-Unlinked -Online
## error: InvalidOperation

#### help for a script file
$dir = Join-Path ([System.IO.Path]::GetTempPath()) "pwshlike-help1-$PID"
$null = [System.IO.Directory]::CreateDirectory($dir)
[System.IO.File]::WriteAllText("$dir/tool.ps1", @'
<#
.SYNOPSIS
A tool script.
#>
param([string]$Path)
'@)
$h = Get-Help "$dir/tool.ps1"
$h.Synopsis
$h.Category
[System.IO.Directory]::Delete($dir, $true)
## STDOUT:
A tool script.
ExternalScript
## END

#### a pattern lists matching topics
(Get-Help *-Location | ForEach-Object { $_.Name }) -join ','
## STDOUT:
Get-Location,Pop-Location,Push-Location,Set-Location
## END

#### about topics
(Get-Help about_pwshlike).Synopsis
(Get-Help about_pwshlike).Category
## STDOUT:
pwshlike is a PowerShell-compatible shell written in Python.
HelpFile
## END

#### unknown topic
Get-Help about_NoSuchTopic -ErrorAction Stop
## error: HelpNotFound

#### help function passes its parameters on
(help Get-Alias -Parameter Exclude | Out-String).Trim().Split("`n")[0]
## STDOUT:
-Exclude <System.String[]>
## END

#### -Examples view of a cmdlet
Get-Help Get-Alias -Examples
## STDOUT:

NAME
    Get-Alias

SYNOPSIS
    Gets the aliases of the session.

    -------------------------- Example 1: Aliases of a command --------------------------

    Get-Alias -Definition Get-ChildItem

    Lists `dir` and `gci`.


    -------------------------- Example 2: Look up one alias --------------------------

    (Get-Alias gcm).Definition

    Prints `Get-Command`.
## END
