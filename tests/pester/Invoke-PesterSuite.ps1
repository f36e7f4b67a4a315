#Requires -Version 5.1
<#
.SYNOPSIS
Runs every tests/pester/*.Tests.ps1 with the given Pester and prints "Pester: N passed, N failed" last.

.DESCRIPTION
build.ps1 starts this script in a new PowerShell process with -File, so that the module's dlls are not locked in the
calling session and test output reaches a redirected log as plain lines. Exits 1 when anything failed, a block or a
whole file included.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ResultPath
)

# No $ErrorActionPreference here: the test files run in scopes below this one and would inherit it.
$ProgressPreference = 'SilentlyContinue'
Import-Module -Name $PesterPath -Force -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
# Run.Exit would end the process before the summary line; Run.Throw stays off for the same reason.
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Run.Throw = $false
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath

$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
"Pester: $($result.PassedCount) passed, $failed failed"
if ($result.Result -ne 'Passed') {
    exit 1
}
exit 0
