# The helpers of the Pester tests, imported by every *.Tests.ps1 in its BeforeAll (and by build.ps1 for the emulator's
# path and the demo). Importing it has no side effect: Initialize-AgentTasksTest imports the BUILT module (out/AgentTasks,
# never src/), saves the environment and starts the API emulator on a free loopback port; Complete-AgentTasksTest undoes
# that. The rest drives the emulator's /_emulator/ control surface (src/AgentTasks.Emulator/README.md).
# Runs on Windows PowerShell 5.1 and PowerShell 7.

function Get-RepositoryRoot {
    [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
}

function Get-BuiltModuleManifest {
    [System.IO.Path]::Combine((Get-RepositoryRoot), 'out', 'AgentTasks', 'AgentTasks.psd1')
}

<#
.SYNOPSIS
The emulator dll, the one place its path is written. With -Configuration, that build's dll (which may not exist yet);
without, AGENTTASKS_EMULATOR when build.ps1 or CI names it, else the newest Debug or Release build.
#>
function Get-EmulatorPath {
    param([string] $Configuration)
    if ($Configuration) {
        return [System.IO.Path]::Combine((Get-RepositoryRoot), 'src', 'AgentTasks.Emulator', 'bin', $Configuration, 'net10.0', 'AgentTasks.Emulator.dll')
    }
    if ($env:AGENTTASKS_EMULATOR) {
        if (-not (Test-Path -LiteralPath $env:AGENTTASKS_EMULATOR)) {
            throw "AGENTTASKS_EMULATOR names '$env:AGENTTASKS_EMULATOR', which does not exist."
        }
        return $env:AGENTTASKS_EMULATOR
    }
    $candidates = foreach ($name in 'Debug', 'Release') {
        Get-Item -LiteralPath (Get-EmulatorPath -Configuration $name) -ErrorAction SilentlyContinue
    }
    $newest = $candidates | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $newest) {
        throw 'The emulator is not built (src/AgentTasks.Emulator/bin/<Configuration>/net10.0/AgentTasks.Emulator.dll is missing): run ./build.ps1 -Task Build first.'
    }
    $newest.FullName
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

<#
.SYNOPSIS
Starts the built emulator (EmulatorPath, by default Get-EmulatorPath's) with a fast clock on a free loopback port and
waits until its control surface answers. Returns an object with BaseUri (http://127.0.0.1:PORT, no trailing slash), Process and the paths of its logs.
#>
function Start-TestEmulator {
    [CmdletBinding()]
    param(
        [double] $QueuedSeconds = 0.3,
        [double] $RunningSeconds = 1,
        [int] $StartTimeoutSeconds = 60,
        [string] $EmulatorPath = (Get-EmulatorPath)
    )
    $dotnet = (Get-Command -Name dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
    $dll = $EmulatorPath
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "The emulator is not built ($dll is missing): run ./build.ps1 -Task Build first."
    }
    $invariant = [System.Globalization.CultureInfo]::InvariantCulture
    # The port is free when asked for but may be taken before the emulator binds it: try again with another.
    for ($attempt = 1; ; $attempt++) {
        $port = Get-FreeTcpPort
        $baseUri = "http://127.0.0.1:$port"
        $logStem = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "agenttasks-emulator-$port-$([guid]::NewGuid().ToString('N'))")
        $arguments = @(
            "`"$dll`""
            '--urls', $baseUri
            '--queued-seconds', $QueuedSeconds.ToString($invariant)
            '--running-seconds', $RunningSeconds.ToString($invariant)
        )
        $process = Start-Process -FilePath $dotnet -ArgumentList $arguments -NoNewWindow -PassThru `
            -RedirectStandardOutput "$logStem.out.log" -RedirectStandardError "$logStem.err.log"
        $emulator = [pscustomobject]@{
            BaseUri   = $baseUri
            Process   = $process
            OutputLog = "$logStem.out.log"
            ErrorLog  = "$logStem.err.log"
        }
        if (Wait-TestEmulator -Emulator $emulator -TimeoutSeconds $StartTimeoutSeconds) {
            return $emulator
        }
        $errorText = Get-Content -LiteralPath $emulator.ErrorLog -Raw -ErrorAction SilentlyContinue
        Stop-TestEmulator -Emulator $emulator
        if ($attempt -ge 3) {
            throw "The emulator ($dll) did not answer on $baseUri within $StartTimeoutSeconds s. Its error output: $errorText"
        }
    }
}

function Wait-TestEmulator {
    param(
        [Parameter(Mandatory)] $Emulator,
        [int] $TimeoutSeconds = 60
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if ($Emulator.Process.HasExited) {
            return $false
        }
        try {
            $null = Invoke-RestMethod -Method Get -Uri "$($Emulator.BaseUri)/_emulator/requests" -UseBasicParsing -TimeoutSec 5 -ErrorAction Stop
            return $true
        }
        catch {
            Start-Sleep -Milliseconds 200
        }
    }
    $false
}

function Stop-TestEmulator {
    param($Emulator)
    if (-not $Emulator) {
        return
    }
    $process = $Emulator.Process
    if ($process -and -not $process.HasExited) {
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
        $null = $process.WaitForExit(10000)
    }
    Remove-Item -LiteralPath $Emulator.OutputLog, $Emulator.ErrorLog -Force -ErrorAction SilentlyContinue
}

function Invoke-EmulatorControl {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [hashtable] $Body
    )
    $request = @{
        Method          = $Method
        Uri             = "$($Emulator.BaseUri)/_emulator/$Path"
        UseBasicParsing = $true
        ErrorAction     = 'Stop'
    }
    if ($null -ne $Body) {
        $request.Body = ConvertTo-Json -InputObject $Body -Compress -Depth 5
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

# Forgets tasks, faults and the request log; the clock goes back to the one the emulator started with.
function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'reset'
}

# Seeds Count tasks frozen in State (default completed), one minute apart, newest last. Returns their ids, oldest first.
function New-EmulatorTask {
    param(
        [Parameter(Mandatory)] $Emulator,
        [string] $Owner = 'octocat',
        [string] $Repo = 'hello-world',
        [int] $Count = 1,
        [string] $State,
        [switch] $Archived,
        [long] $CreatorId,
        [string] $Prompt
    )
    $body = @{ owner = $Owner; repo = $Repo; count = $Count; archived = [bool] $Archived }
    if ($State) { $body.state = $State }
    if ($CreatorId) { $body.creator_id = $CreatorId }
    if ($Prompt) { $body.prompt = $Prompt }
    $answer = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'seed' -Body $body
    foreach ($task in $answer.tasks) {
        [string] $task.id
    }
}

# Freezes a task (and its newest session) in State.
function Set-EmulatorTaskState {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [string] $State
    )
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path "tasks/$([uri]::EscapeDataString($Id))/state" -Body @{ state = $State }
}

# Kinds: status, rate_limit, secondary_rate_limit, primary_rate_limit, delay, drop, drop_after, malformed, body (Status
# default 200 with Body as it is, of ContentType, default JSON).
function Add-EmulatorFault {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Kind,
        [int] $Status,
        [Nullable[int]] $RetryAfter,
        [int] $DelayMs,
        [int] $Count,
        [int] $Percent,
        [string] $Method,
        [string] $PathPrefix,
        [string] $Body,
        [string] $ContentType
    )
    $fault = @{ kind = $Kind }
    if ($Status) { $fault.status = $Status }
    if ($null -ne $RetryAfter) { $fault.retry_after = $RetryAfter }
    if ($DelayMs) { $fault.delay_ms = $DelayMs }
    if ($Count) { $fault.count = $Count }
    if ($Percent) { $fault.percent = $Percent }
    if ($Method) { $fault.method = $Method }
    if ($PathPrefix) { $fault.path_prefix = $PathPrefix }
    if ($PSBoundParameters.ContainsKey('Body')) { $fault.body = $Body }
    if ($ContentType) { $fault.content_type = $ContentType }
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'faults' -Body $fault
}

function Clear-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Delete -Path 'faults'
}

# Every API request since the last reset, in arrival order: method, path, query ('?a=b' or ''), headers (names in
# lower case, authorization redacted), body, status, fault, auth_sha256 (of the token, never the token).
function Get-EmulatorRequest {
    param([Parameter(Mandatory)] $Emulator)
    $answer = Invoke-EmulatorControl -Emulator $Emulator -Method Get -Path 'requests'
    foreach ($request in $answer.requests) {
        $request
    }
}

# Changes how long tasks started from now on stay queued and running.
function Set-EmulatorClock {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Nullable[double]] $QueuedSeconds,
        [Nullable[double]] $RunningSeconds
    )
    $body = @{}
    if ($null -ne $QueuedSeconds) { $body.queued_seconds = $QueuedSeconds }
    if ($null -ne $RunningSeconds) { $body.running_seconds = $RunningSeconds }
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'clock' -Body $body
}

# A stand-in for the system's opener of web pages, so that Show-CopilotTask starts no browser: .NET hands a page to
# the first xdg-open on PATH (Linux; FreeBSD and the like too), and this one writes its argument to a log instead.
# Returns the directory to put first on PATH and the log. Windows opens pages through the shell, which has no such
# stand-in: there $null is returned.
function New-TestPageOpener {
    param([Parameter(Mandatory)] [string] $Directory)
    if ($IsWindows -or $PSVersionTable.PSVersion.Major -lt 6 -or $IsMacOS) {
        return $null
    }
    $null = New-Item -ItemType Directory -Path $Directory -Force
    $log = Join-Path $Directory 'opened.txt'
    $opener = Join-Path $Directory 'xdg-open'
    Set-Content -LiteralPath $opener -Value @('#!/bin/sh', "printf '%s\n' `"`$1`" >> '$log'")
    [System.IO.File]::SetUnixFileMode($opener, [System.IO.UnixFileMode] 'UserRead, UserWrite, UserExecute')
    [pscustomobject]@{ Directory = $Directory; Log = $log }
}

# The pages the stand-in opener was given, waiting up to Seconds for Count of them (the opener runs on its own).
function Get-OpenedPage {
    param([Parameter(Mandatory)] $Opener, [int] $Count = 1, [double] $Seconds = 10)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    do {
        $pages = @(if (Test-Path -LiteralPath $Opener.Log) { Get-Content -LiteralPath $Opener.Log })
        if ($pages.Count -ge $Count) {
            break
        }
        Start-Sleep -Milliseconds 50
    } while ([DateTime]::UtcNow -lt $deadline)
    $pages
}

# The SHA-256 (lower-case hex) the emulator logs for the token a request carried.
function Get-TokenHash {
    param([Parameter(Mandatory)] [string] $Token)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try {
        $bytes = $sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($Token))
        -join ($bytes | ForEach-Object { $_.ToString('x2') })
    }
    finally {
        $sha.Dispose()
    }
}

<#
.SYNOPSIS
Runs a script in a new runspace of this process that has imported the built module, and returns what each stream
received: Output, Errors (a terminating error last), Warnings, Verbose, Information and Progress (the one stream that
*>&1 cannot capture).

.DESCRIPTION
With -HostSecret, the runspace has a host (RecordingHost.cs) that records what is written to the host itself, such as
"What if:" lines and Write-Host, in HostText, and answers Read-Host -AsSecureString by typing HostSecret. Without it,
the runspace has no host UI and that text is lost.
#>
function Invoke-InNewRunspace {
    param(
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [hashtable] $Parameters = @{},
        [string] $HostSecret
    )
    $recordingHost = $null
    $runspace = $null
    $powershell = [powershell]::Create()
    try {
        if ($PSBoundParameters.ContainsKey('HostSecret')) {
            if (-not ('AgentTasksTestUtils.RecordingHost' -as [type])) {
                Add-Type -Path (Join-Path $PSScriptRoot 'RecordingHost.cs')
            }
            $recordingHost = New-Object -TypeName AgentTasksTestUtils.RecordingHost -ArgumentList $HostSecret
            $runspace = [runspacefactory]::CreateRunspace($recordingHost)
            $runspace.Open()
            $powershell.Runspace = $runspace
        }
        $import = "Import-Module -Name '{0}' -ErrorAction Stop" -f (Get-BuiltModuleManifest).Replace("'", "''")
        $null = $powershell.AddScript($import).AddStatement()
        $null = $powershell.AddScript($ScriptBlock.ToString()).AddParameters($Parameters)
        $terminating = @()
        try {
            $output = $powershell.Invoke()
        }
        catch {
            # Invoke wraps a terminating error (a throw, -ErrorAction Stop) in a MethodInvocationException.
            $output = @()
            $inner = $_.Exception.InnerException
            $terminating = if ($inner -is [System.Management.Automation.IContainsErrorRecord]) { $inner.ErrorRecord } else { $_ }
        }
        [pscustomobject]@{
            Output      = @($output)
            Errors      = @($powershell.Streams.Error) + @($terminating)
            Warnings    = @($powershell.Streams.Warning)
            Verbose     = @($powershell.Streams.Verbose)
            Information = @($powershell.Streams.Information)
            Progress    = @($powershell.Streams.Progress)
            HostText    = if ($recordingHost) { $recordingHost.Text } else { '' }
        }
    }
    finally {
        $powershell.Dispose()
        if ($runspace) {
            $runspace.Dispose()
        }
    }
}

# The variables the cmdlets read: saved and cleared by Initialize-AgentTasksTest, put back by Complete-AgentTasksTest.
$script:EnvironmentNames = 'GH_TOKEN', 'GITHUB_TOKEN', 'GITHUB_API_URL'
$script:SavedEnvironment = $null
$script:FileEmulator = $null

# Imports out/AgentTasks into the global scope (from a module function, a plain import would reach this module only),
# after removing an AgentTasks loaded from anywhere else.
function Import-BuiltModule {
    $manifest = Get-BuiltModuleManifest
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built: $manifest is missing. Run ./build.ps1 -Task Build (dotnet build AgentTasks.sln) first; the tests import the built module, never src/."
    }
    $moduleBase = Split-Path -Parent $manifest
    Get-Module -Name AgentTasks | Where-Object { $_.ModuleBase -ne $moduleBase } | Remove-Module -Force
    if (-not (Get-Module -Name AgentTasks)) {
        Import-Module -Name $manifest -Global -ErrorAction Stop
    }
}

<#
.SYNOPSIS
The start of every test file (its top BeforeAll): imports the built module, saves and clears GH_TOKEN, GITHUB_TOKEN and
GITHUB_API_URL, and starts an emulator on Start-TestEmulator's fast clock, which it returns. Complete-AgentTasksTest,
in the file's AfterAll, undoes all of it, also after a failure half-way.
#>
function Initialize-AgentTasksTest {
    Import-BuiltModule
    if ($null -eq $script:SavedEnvironment) {
        $script:SavedEnvironment = @{}
        foreach ($name in $script:EnvironmentNames) {
            $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }
    $script:FileEmulator = Start-TestEmulator
    $script:FileEmulator
}

# The end of every test file: forget the connection, stop the emulator, put the environment back.
function Complete-AgentTasksTest {
    if (Get-Command -Name Disconnect-CopilotAgent -ErrorAction SilentlyContinue) {
        Disconnect-CopilotAgent
    }
    Stop-TestEmulator -Emulator $script:FileEmulator
    $script:FileEmulator = $null
    if ($null -ne $script:SavedEnvironment) {
        foreach ($name in $script:SavedEnvironment.Keys) {
            [Environment]::SetEnvironmentVariable($name, $script:SavedEnvironment[$name])
        }
        $script:SavedEnvironment = $null
    }
}
