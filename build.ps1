#Requires -Version 5.1
<#
.SYNOPSIS
Builds, tests, packages and demonstrates the AgentTasks module.

.DESCRIPTION
A thin layer over dotnet and Pester; the projects themselves lay out the importable module in out/AgentTasks
and stamp its version. Runs on Windows PowerShell 5.1 and PowerShell 7.

  Build    dotnet build AgentTasks.sln
  Test     Build, then dotnet test, then Pester (tests/pester) against the built out/AgentTasks
  Pester   Pester only, against the module already built (what .ci/run and CI use after their own build)
  Package  Build in Release, then a .nupkg for the PowerShell Gallery in out/packages
  Demo     Build, start the emulator, and walk through the cmdlets against it

.EXAMPLE
./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo')]
    [string[]] $Task = 'Build',

    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepositoryRoot = $PSScriptRoot
$Solution = Join-Path $RepositoryRoot 'AgentTasks.sln'
$ModuleDirectory = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'AgentTasks')
$ModuleManifest = Join-Path $ModuleDirectory 'AgentTasks.psd1'
$PesterInstallHint = 'Install-Module Pester -MinimumVersion 5.5 -Scope CurrentUser -Force -SkipPublisherCheck'
$script:LastBuiltConfiguration = $null

# Runs a native command and fails on its exit code. Its standard error is output like any other: with
# $ErrorActionPreference = 'Stop', Windows PowerShell 5.1 would turn a redirected stderr line into a terminating error.
function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [Parameter(Mandatory)] [string[]] $Arguments
    )
    $ErrorActionPreference = 'Continue'
    & $FilePath @Arguments
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

function Get-EmulatorDll {
    param([Parameter(Mandatory)] [string] $BuildConfiguration)
    [System.IO.Path]::Combine($RepositoryRoot, 'src', 'AgentTasks.Emulator', 'bin', $BuildConfiguration, 'net10.0', 'AgentTasks.Emulator.dll')
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

<#
Runs Pester on tests/pester in a new process of the same PowerShell: the module's dlls are then not locked in this
session (a later build can replace them), and nothing the tests import or set stays behind. The child prints
"Pester: N passed, N failed" last, from Pester's result object, for .ci/run to read.
#>
function Invoke-PesterTest {
    param([Parameter(Mandatory)] [string] $TestConfiguration)

    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object Version -GE ([version] '5.0') |
        Sort-Object Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        throw "Pester 5 or later is needed for tests/pester and was not found. Install it with:`n    $PesterInstallHint"
    }
    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "The module is not built ($ModuleManifest is missing): run ./build.ps1 -Task Build -Configuration $TestConfiguration first."
    }
    $emulator = Get-EmulatorDll -BuildConfiguration $TestConfiguration
    if (-not (Test-Path -LiteralPath $emulator)) {
        throw "The emulator is not built for $TestConfiguration ($emulator is missing): run ./build.ps1 -Task Build -Configuration $TestConfiguration first."
    }
    $resultsDirectory = [System.IO.Path]::Combine($RepositoryRoot, 'out', 'TestResults')
    $null = New-Item -ItemType Directory -Path $resultsDirectory -Force

    # Run.Exit would end the child before the summary line, so the child reports and exits by itself;
    # Run.Throw stays off for the same reason. A failed block or file counts as a failure too.
    $runner = {
        param([string] $PesterPath, [string] $TestPath, [string] $ResultPath)
        # No $ErrorActionPreference here: the test files run in scopes below this one and would inherit it.
        Import-Module -Name $PesterPath -Force -ErrorAction Stop
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $TestPath
        $configuration.Run.PassThru = $true
        $configuration.Run.Exit = $false
        $configuration.Run.Throw = $false
        $configuration.Output.Verbosity = 'Detailed'
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
    }
    $quote = { param([string] $Text) "'" + $Text.Replace("'", "''") + "'" }
    $command = '& {' + $runner.ToString() + '} -PesterPath ' + (& $quote $pester.Path) +
        ' -TestPath ' + (& $quote ([System.IO.Path]::Combine($RepositoryRoot, 'tests', 'pester'))) +
        ' -ResultPath ' + (& $quote ([System.IO.Path]::Combine($resultsDirectory, 'Pester.xml')))
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($command))

    Write-Host "Pester $($pester.Version) on tests/pester against $ModuleDirectory" -ForegroundColor Cyan
    $previousEmulator = $env:AGENTTASKS_EMULATOR
    $env:AGENTTASKS_EMULATOR = $emulator
    try {
        Invoke-Native -FilePath (Get-PowerShellExecutable) -Arguments @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', $encoded)
    }
    catch {
        throw "The Pester tests failed: see above."
    }
    finally {
        $env:AGENTTASKS_EMULATOR = $previousEmulator
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

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        $listener.LocalEndpoint.Port
    }
    finally {
        $listener.Stop()
    }
}

function Invoke-Demo {
    Invoke-Build -BuildConfiguration $Configuration
    $emulatorDll = Get-EmulatorDll -BuildConfiguration $Configuration
    $dotnet = (Get-Command -Name dotnet -CommandType Application | Select-Object -First 1).Source
    $baseUri = "http://127.0.0.1:$(Get-FreeTcpPort)"
    $logStem = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "agenttasks-demo-$([guid]::NewGuid().ToString('N'))")

    Write-Host "`nStarting the AgentTasks emulator (GitHub's agent tasks API, offline) on $baseUri" -ForegroundColor Cyan
    Write-Host 'Its tasks stay queued for 1 s, then run for 3 s.'
    $emulator = Start-Process -FilePath $dotnet -NoNewWindow -PassThru `
        -ArgumentList @("`"$emulatorDll`"", '--urls', $baseUri, '--queued-seconds', '1', '--running-seconds', '3') `
        -RedirectStandardOutput "$logStem.out.log" -RedirectStandardError "$logStem.err.log"
    try {
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($true) {
            if ($emulator.HasExited) {
                throw "The emulator stopped at once: $(Get-Content -LiteralPath "$logStem.err.log" -Raw -ErrorAction SilentlyContinue)"
            }
            try {
                $null = Invoke-RestMethod -Uri "$baseUri/_emulator/requests" -UseBasicParsing -TimeoutSec 5
                break
            }
            catch {
                if ([DateTime]::UtcNow -gt $deadline) {
                    throw "The emulator did not answer on $baseUri within 60 s."
                }
                Start-Sleep -Milliseconds 200
            }
        }

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
        if (-not $emulator.HasExited) {
            Stop-Process -Id $emulator.Id -Force -ErrorAction SilentlyContinue
            $null = $emulator.WaitForExit(10000)
        }
        Remove-Item -LiteralPath "$logStem.out.log", "$logStem.err.log" -Force -ErrorAction SilentlyContinue
    }
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            Invoke-Build -BuildConfiguration $Configuration
        }
        'Test' {
            Invoke-Build -BuildConfiguration $Configuration
            Invoke-DotNet -Arguments @('test', $Solution, '-c', $Configuration, '--no-build')
            Invoke-PesterTest -TestConfiguration $Configuration
        }
        'Pester' {
            Invoke-PesterTest -TestConfiguration $Configuration
        }
        'Package' {
            New-ModulePackage
        }
        'Demo' {
            Invoke-Demo
        }
    }
}
