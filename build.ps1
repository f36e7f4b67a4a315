#Requires -Version 5.1
<#
.SYNOPSIS
Builds, tests, packages and demonstrates the AgentTasks module.

.DESCRIPTION
A thin layer over dotnet and Pester; the projects themselves lay out the importable module in out/AgentTasks
and stamp its version. Runs on Windows PowerShell 5.1 and PowerShell 7. Pester comes from NuGet, pinned in
tests/pester/PesterRestore.csproj; PowerShell 7 from the repo's tool manifest (dotnet tool restore, then dotnet pwsh).

  Build    dotnet build AgentTasks.sln
  Test     Build, then xunit (dotnet test) and Pester (tests/pester) against the built out/AgentTasks; ends with the
           line "N passed, N failed" over both, and exits 1 on any failure. This is what .ci/run runs.
  Pester   Pester only, against the module already built (CI's per-PowerShell jobs)
  Package  Build in Release, then a .nupkg for the PowerShell Gallery in out/packages
  Demo     Build, start the emulator, and walk through the cmdlets against it
  Bench    Build in Release, then tests/bench/Invoke-Benchmark.ps1 in PowerShell 7: the module against a raw HttpClient
           loop and Invoke-RestMethod, memory, requests made (about 2 minutes; not a test, nothing passes or fails)

.EXAMPLE
./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo', 'Bench')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepositoryRoot = $PSScriptRoot
$Solution = Join-Path $RepositoryRoot 'AgentTasks.sln'
$ModuleDirectory = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'AgentTasks')
$ModuleManifest = Join-Path $ModuleDirectory 'AgentTasks.psd1'
$ResultsDirectory = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'TestResults')
$script:LastBuiltConfiguration = $null

# The Pester helpers know where the emulator is built and how to start and stop it: Get-EmulatorPath, Start-TestEmulator,
# Stop-TestEmulator. Importing them has no side effect (they import the built module only when a test file asks).
Import-Module -Name ([System.IO.Path]::Combine($RepositoryRoot, 'tests', 'pester', 'AgentTasks.TestUtils.psm1')) -Force

# Runs a native command and fails on its exit code; its output goes to the host, never into a function's result. Its standard error is output like any other: with
# $ErrorActionPreference = 'Stop', Windows PowerShell 5.1 would turn a redirected stderr line into a terminating error.
function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [Parameter(Mandatory)] [string[]] $Arguments
    )
    $ErrorActionPreference = 'Continue'
    & $FilePath @Arguments | Out-Host
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0) {
        throw "$(Split-Path -Leaf $FilePath) $($Arguments[0]) failed with exit code $exitCode."
    }
}

function Invoke-DotNet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    Invoke-Native -FilePath 'dotnet' -Arguments $Arguments
}

function Invoke-Build {
    param([Parameter(Mandatory)] [string] $BuildConfiguration)
    # Each build lays out out/AgentTasks afresh, so only the same configuration twice in a row is skipped.
    if ($script:LastBuiltConfiguration -eq $BuildConfiguration) {
        return
    }
    Invoke-DotNet -Arguments @('build', $Solution, '-c', $BuildConfiguration)
    $script:LastBuiltConfiguration = $BuildConfiguration
}

# The PowerShell that runs this script, as a command line: pwsh for PowerShell 7, powershell.exe for 5.1.
function Get-PowerShellExecutable {
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        return Join-Path $PSHOME 'powershell.exe'
    }
    $name = if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) { 'pwsh.exe' } else { 'pwsh' }
    Join-Path $PSHOME $name
}

# Pester, pinned in tests/pester/PesterRestore.csproj and restored from NuGet by it: the same version on every machine,
# whatever Pester the machine has installed (Windows PowerShell 5.1 ships 3.4). Returns the path of Pester.psd1.
function Get-PesterManifest {
    $project = [System.IO.Path]::Combine($RepositoryRoot, 'tests', 'pester', 'PesterRestore.csproj')
    $version = ([xml] (Get-Content -LiteralPath $project -Raw)).Project.ItemGroup.PackageDownload.Version.Trim('[', ']')
    Invoke-DotNet -Arguments @('restore', $project, '--verbosity', 'quiet')
    $packageRoot = (& dotnet msbuild $project -nologo -getProperty:NuGetPackageRoot | Out-String).Trim()
    $manifest = [System.IO.Path]::Combine($packageRoot, 'pester', $version, 'tools', 'Pester.psd1')
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "Pester $version was restored, yet $manifest is missing."
    }
    $manifest
}

<#
Runs Pester on tests/pester in a new process of the same PowerShell (tests/pester/Invoke-PesterSuite.ps1, with -File so
that its output is plain lines, not CLIXML): the module's dlls are then not locked in this session, and nothing the
tests import or set stays behind. Returns the counts of the child's last line, "Pester: N passed, N failed".
#>
function Invoke-PesterTest {
    param([Parameter(Mandatory)] [string] $TestConfiguration)

    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "The module is not built ($ModuleManifest is missing): run ./build.ps1 -Task Build -Configuration $TestConfiguration first."
    }
    $emulator = Get-EmulatorPath -Configuration $TestConfiguration
    if (-not (Test-Path -LiteralPath $emulator)) {
        throw "The emulator is not built for $TestConfiguration ($emulator is missing): run ./build.ps1 -Task Build -Configuration $TestConfiguration first."
    }
    $pester = Get-PesterManifest
    $null = New-Item -ItemType Directory -Path $ResultsDirectory -Force
    $suite = [System.IO.Path]::Combine($RepositoryRoot, 'tests', 'pester', 'Invoke-PesterSuite.ps1')
    $arguments = @(
        '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $suite
        '-PesterPath', $pester, '-ResultPath', [System.IO.Path]::Combine($ResultsDirectory, 'Pester.xml')
    )

    Write-Host "Pester $(Split-Path -Leaf (Split-Path -Parent (Split-Path -Parent $pester))) on tests/pester against $ModuleDirectory" -ForegroundColor Cyan
    $previousEmulator = $env:AGENTTASKS_EMULATOR
    $env:AGENTTASKS_EMULATOR = $emulator
    $summary = $null
    try {
        $ErrorActionPreference = 'Continue'
        & (Get-PowerShellExecutable) @arguments | ForEach-Object {
            if ("$_" -match '^Pester: (\d+) passed, (\d+) failed$') {
                $summary = [pscustomobject]@{ Passed = [int] $Matches[1]; Failed = [int] $Matches[2] }
            }
            Write-Host $_
        }
        $exitCode = $LASTEXITCODE
    }
    finally {
        $env:AGENTTASKS_EMULATOR = $previousEmulator
    }
    if (-not $summary) {
        # The child ended before its summary (Pester failed to load, the process crashed): one failure, said so.
        Write-Host "The Pester run exited with $exitCode before it reported its counts: see above." -ForegroundColor Red
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    if ($exitCode -ne 0 -and $summary.Failed -eq 0) {
        $summary.Failed = 1
    }
    $summary
}

# dotnet test, with a TRX file to count from: the counts come from the runner's own record, not from its console text.
function Invoke-XunitTest {
    param([Parameter(Mandatory)] [string] $TestConfiguration)
    $trx = [System.IO.Path]::Combine($ResultsDirectory, 'xunit.trx')
    Remove-Item -LiteralPath $trx -Force -ErrorAction SilentlyContinue
    Write-Host "dotnet test $Solution -c $TestConfiguration --no-build" -ForegroundColor Cyan
    $ErrorActionPreference = 'Continue'
    & dotnet test $Solution -c $TestConfiguration --no-build --logger 'trx;LogFileName=xunit.trx' --results-directory $ResultsDirectory | Out-Host
    $exitCode = $LASTEXITCODE
    if (-not (Test-Path -LiteralPath $trx)) {
        Write-Host "dotnet test exited with $exitCode and wrote no results ($trx): see above." -ForegroundColor Red
        return [pscustomobject]@{ Passed = 0; Failed = 1 }
    }
    $counters = ([xml] (Get-Content -LiteralPath $trx -Raw)).TestRun.ResultSummary.Counters
    $counts = [pscustomobject]@{ Passed = [int] $counters.passed; Failed = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted }
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) {
        $counts.Failed = 1
    }
    $counts
}

# Both runners, every time (a failing xunit run does not hide Pester's results), then the one closing line CI reads.
function Invoke-AllTests {
    param([Parameter(Mandatory)] [string] $TestConfiguration)
    Invoke-Build -BuildConfiguration $TestConfiguration
    $xunit = Invoke-XunitTest -TestConfiguration $TestConfiguration
    $pester = Invoke-PesterTest -TestConfiguration $TestConfiguration
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "$($xunit.Passed + $pester.Passed) passed, $failed failed"
    if ($failed -ne 0) {
        exit 1
    }
}

function New-ModulePackage {
    Invoke-Build -BuildConfiguration 'Release'
    $packages = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'packages')
    $null = New-Item -ItemType Directory -Path $packages -Force
    Get-ChildItem -LiteralPath $packages -Filter 'AgentTasks.*.nupkg' | Remove-Item -Force

    # A file repository registered for this publish only, so nothing reaches a real gallery.
    $repositoryName = 'AgentTasksBuild' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    if (Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet) {
        Import-Module -Name Microsoft.PowerShell.PSResourceGet
        Register-PSResourceRepository -Name $repositoryName -Uri $packages -Trusted
        try {
            Publish-PSResource -Path $ModuleDirectory -Repository $repositoryName
        }
        finally {
            Unregister-PSResourceRepository -Name $repositoryName
        }
    }
    else {
        Write-Host 'Microsoft.PowerShell.PSResourceGet is not installed: packaging with PowerShellGet''s Publish-Module.' -ForegroundColor Yellow
        Register-PSRepository -Name $repositoryName -SourceLocation $packages -PublishLocation $packages -InstallationPolicy Trusted
        try {
            Publish-Module -Path $ModuleDirectory -Repository $repositoryName -Force
        }
        finally {
            Unregister-PSRepository -Name $repositoryName
        }
    }

    $package = Get-ChildItem -LiteralPath $packages -Filter 'AgentTasks.*.nupkg' | Select-Object -First 1
    if (-not $package) {
        throw "Publishing reported no error, yet no AgentTasks .nupkg is in $packages."
    }
    Write-Host "Package ready for the PowerShell Gallery: $($package.FullName)" -ForegroundColor Green
}

function Invoke-Demo {
    Invoke-Build -BuildConfiguration $Configuration
    Write-Host "`nStarting the AgentTasks emulator (GitHub's agent tasks API, offline)" -ForegroundColor Cyan
    $emulator = Start-TestEmulator -QueuedSeconds 1 -RunningSeconds 3 -EmulatorPath (Get-EmulatorPath -Configuration $Configuration)
    $baseUri = $emulator.BaseUri
    Write-Host "It listens on $baseUri; its tasks stay queued for 1 s, then run for 3 s."
    try {
        Import-Module -Name $ModuleManifest -Force
        Write-Host "`nConnect-CopilotAgent -BaseUri $baseUri -Token demo -Repository octocat/hello-world" -ForegroundColor Cyan
        Write-Host 'The token and defaults are kept for this session only; nothing is written to disk.'
        Connect-CopilotAgent -BaseUri $baseUri -Token demo -Repository octocat/hello-world

        $prompts = @(
            'Add a health check endpoint to the API'
            'Fix the flaky login test'
            'Upgrade the logging library [end:failed]'
        )
        Write-Host "`nThree prompts | New-CopilotTask: one task per prompt (the emulator fails the one ending in [end:failed])" -ForegroundColor Cyan
        $started = $prompts | New-CopilotTask
        $started | Format-Table | Out-Host

        Write-Host 'Wait-CopilotTask -PollInterval 1: polls until every task has stopped running' -ForegroundColor Cyan
        $finished = $started | Wait-CopilotTask -PollInterval 1
        $finished | Format-Table | Out-Host

        Write-Host 'Get-CopilotTask -State failed | Format-Table: the tasks that need a look' -ForegroundColor Cyan
        Get-CopilotTask -State failed | Format-Table | Out-Host

        Write-Host 'Get-CopilotTask -Id <id> | Format-List: one task in full, with its sessions' -ForegroundColor Cyan
        $finished | Where-Object State -EQ 'Failed' | Select-Object -First 1 | Get-CopilotTask | Format-List | Out-Host

        Disconnect-CopilotAgent
    }
    finally {
        Write-Host 'Stopping the emulator.' -ForegroundColor Cyan
        Stop-TestEmulator -Emulator $emulator
    }
}

# The benchmark runs in a PowerShell 7 of its own (its emulator, module and compiled raw client stay out of this session).
function Invoke-Benchmark {
    Invoke-Build -BuildConfiguration 'Release'
    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        throw 'The benchmark needs PowerShell 7: run dotnet pwsh -File build.ps1 -Task Bench.'
    }
    $script = [System.IO.Path]::Combine($RepositoryRoot, 'tests', 'bench', 'Invoke-Benchmark.ps1')
    Invoke-Native -FilePath (Get-PowerShellExecutable) -Arguments @(
        '-NoProfile', '-NonInteractive', '-File', $script, '-EmulatorPath', (Get-EmulatorPath -Configuration 'Release'))
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            Invoke-Build -BuildConfiguration $Configuration
        }
        'Test' {
            Invoke-AllTests -TestConfiguration $Configuration
        }
        'Pester' {
            $pester = Invoke-PesterTest -TestConfiguration $Configuration
            if ($pester.Failed -ne 0) {
                exit 1
            }
        }
        'Package' {
            New-ModulePackage
        }
        'Demo' {
            Invoke-Demo
        }
        'Bench' {
            Invoke-Benchmark
        }
    }
}
