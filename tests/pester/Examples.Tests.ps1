<#
Every example of the documentation runs here against the emulator, as a reader would run it: each <command:example>
of the built module's help (what Get-Help shows as its examples) and each ```powershell block of README.md, one test
each, found afresh on every run, so that a new example is tested without a change here. README's C# block is run by
tests/AgentTasks.Tests/Docs/ReadmeExampleTests.cs.

An example's code ends at its first blank line; what follows is the output it shows, as Out-String -Width 80 renders
it, with the host's own lines ("What if: ...") first. A last line "..." means that more output follows. An example
passes when it writes no error record, when the output it shows is the output it gives, when it makes no request at
all if it names a host other than loopback, and when the checks of its arrangement (below) hold.

Each example runs in a new runspace that has imported the built module, against an emulator reset for it, in the
test's directory that holds the files it reads. What cannot be had offline is stood in for, the same way for every
example:
  - the emulator's address in the docs, http://127.0.0.1:5099, is this emulator's address, in the code and in the
    output shown;
  - every id in the form of a GUID, in the code and in the output shown, is the id of a task seeded for the example
    (completed, in octocat/hello-world, unless its arrangement seeds others);
  - "Import-Module AgentTasks" and "Import-Module ./out/AgentTasks" import the built module by its path;
  - GH_TOKEN and GHES_TOKEN hold the token "test", GITHUB_TOKEN is not set, and GITHUB_API_URL is the emulator's
    address, so that what would go to https://api.github.com goes to the emulator;
  - the host types "test" when Read-Host -AsSecureString asks for a token;
  - Get-Secret (of Microsoft.PowerShell.SecretManagement, not installed here) returns "test";
  - prompts.csv, work.csv and prompts.txt are the files written below, in the directory the example runs in;
  - tasks started by an example end at once (the emulator's clock is 0 s queued, 0 s running), so that a wait
    returns at its first poll whatever -PollInterval and -Timeout say;
  - $VerbosePreference is Continue, so that each request the module makes is on record;
  - the system's opener of web pages is a stand-in that records the pages Show-CopilotTask gives it
    (New-TestPageOpener), so that no browser starts; Windows has no such stand-in, so an example that opens a page
    is skipped there.
An arrangement may add to that for one example: other environment values, other seeded tasks, or script run before
the example in its runspace (a connection that an earlier block of README's tour made).
#>

BeforeDiscovery {
    $repositoryRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $examples = [System.Collections.Generic.List[hashtable]]::new()

    # Splits an example's text into its code and the output it shows, at the first blank line.
    function New-Example {
        param([string] $Key, [string] $Name, [string] $Text)
        $parts = ($Text.Trim("`r", "`n") -replace '\r\n', "`n") -split '\n[ \t]*\n', 2
        $shown = if ($parts.Count -gt 1) { $parts[1] } else { '' }
        @{ Key = $Key; Name = $Name; Code = $parts[0]; Shown = $shown }
    }

    # The help as the built module ships it. An example's key (its command and number) names its arrangement.
    $helpPath = [System.IO.Path]::Combine($repositoryRoot, 'out', 'AgentTasks', 'en-US', 'AgentTasks.dll-Help.xml')
    if (-not (Test-Path -LiteralPath $helpPath)) {
        throw "The module is not built: $helpPath is missing. Run ./build.ps1 -Task Build first."
    }
    $namespaces = @{
        command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
        maml    = 'http://schemas.microsoft.com/maml/2004/10'
        dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    }
    # XmlDocument.Load honours the file's encoding; Get-Content on Windows PowerShell 5.1 would not.
    $help = New-Object -TypeName System.Xml.XmlDocument
    $help.Load($helpPath)
    foreach ($command in (Select-Xml -Xml $help -XPath '//command:command' -Namespace $namespaces).Node) {
        $commandName = (Select-Xml -Xml $command -XPath 'command:details/command:name' -Namespace $namespaces).Node.InnerText.Trim()
        $number = 0
        foreach ($example in (Select-Xml -Xml $command -XPath 'command:examples/command:example' -Namespace $namespaces).Node) {
            $number++
            $title = (Select-Xml -Xml $example -XPath 'maml:title' -Namespace $namespaces).Node.InnerText.Trim(' ', '-')
            $code = (Select-Xml -Xml $example -XPath 'dev:code' -Namespace $namespaces).Node.InnerText
            $examples.Add((New-Example -Key "$commandName example $number" -Name "$commandName $title" -Text $code))
        }
    }

    # README's ```powershell blocks, named after their section and place in it.
    $section = ''
    $block = $null
    $numberInSection = 0
    foreach ($line in Get-Content -LiteralPath (Join-Path $repositoryRoot 'README.md') -Encoding UTF8) {
        if ($null -ne $block) {
            if ($line -match '^```\s*$') {
                $key = "README.md, $section, block $numberInSection"
                $examples.Add((New-Example -Key $key -Name $key -Text ($block -join "`n")))
                $block = $null
            }
            else {
                $block += $line
            }
        }
        elseif ($line -match '^##\s+(.+)$') {
            $section = $Matches[1].Trim()
            $numberInSection = 0
        }
        elseif ($line -match '^```powershell\s*$') {
            $numberInSection++
            $block = @()
        }
    }
}

Describe 'The documented examples' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $builtManifest = Get-BuiltModuleManifest
        $exampleToken = 'test'

        # The files the examples read. prompts.csv leaves a BaseRef and a Model cell empty: they count as not given.
        Set-Content -LiteralPath (Join-Path $TestDrive 'prompts.csv') -Value @(
            'Prompt,BaseRef,Model'
            'Add input validation to the orders endpoint,main,'
            'Document the retry settings in docs/config.md,,claude-sonnet-4.6'
        )
        Set-Content -LiteralPath (Join-Path $TestDrive 'work.csv') -Value @(
            'Prompt,Repository,CreatePullRequest'
            'Fix the login redirect loop,octocat/hello-world,true'
            'List the rate limit headers in the docs,octo-org/api,false'
        )
        Set-Content -LiteralPath (Join-Path $TestDrive 'prompts.txt') -Value @(
            'Update the changelog for the release'
            'Fix the nightly build [end:failed]'
        )

        # Saved here, put back after each example: examples set some of them ($env:GH_TOKEN = ...).
        $environmentNames = 'GH_TOKEN', 'GITHUB_TOKEN', 'GITHUB_API_URL', 'GHES_TOKEN', 'PATH'
        $savedEnvironment = @{}
        foreach ($name in $environmentNames) {
            $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        }

        $opener = New-TestPageOpener -Directory (Join-Path $TestDrive 'opener')
        $examplePath = if ($opener) { $opener.Directory + [System.IO.Path]::PathSeparator + $env:PATH } else { $env:PATH }

        # Arrangements start tasks through a connection of this runspace; its token keeps its requests apart.
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'arrangement'

        # The requests an example made (not its arrangement's), with the body of each POST parsed.
        function Get-ExampleRequest {
            param([string] $Method)
            $hash = Get-TokenHash $exampleToken
            foreach ($request in @(Get-EmulatorRequest $emulator)) {
                if ($request.auth_sha256 -eq $hash -and (-not $Method -or $request.method -eq $Method)) {
                    $body = if ($request.body) { $request.body | ConvertFrom-Json } else { $null }
                    [pscustomobject]@{ Method = $request.method; Path = $request.path; Query = [uri]::UnescapeDataString($request.query); Body = $body }
                }
            }
        }

        # Tasks still running when the example lists them (0 s queued, 8 s running, so a slow start of the example
        # still finds them running): a wait for them ends at its second poll, after the default 10 s. The clock is
        # set back to 0 s for the tasks the example starts itself.
        function Start-RunningTask {
            param([string] $Repository, [int] $Count = 2)
            Set-EmulatorClock $emulator -QueuedSeconds 0 -RunningSeconds 8
            @(1..$Count | ForEach-Object { "Long task $_" } | New-CopilotTask -Repository $Repository).Id
            Set-EmulatorClock $emulator -QueuedSeconds 0 -RunningSeconds 0
        }

        # Stand-ins for what the examples use that this machine has not.
        $standIns = @'
function Get-Secret {
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [switch] $AsPlainText)
    if ($AsPlainText) { return 'test' }
    $secret = New-Object -TypeName System.Security.SecureString
    foreach ($character in 'test'.ToCharArray()) { $secret.AppendChar($character) }
    $secret
}
$VerbosePreference = 'Continue'
'@

        # What an example needs beyond the defaults above, by key. Environment: variables to set ($null unsets);
        # Seed: returns the ids that stand for the example's GUIDs, in the order they first appear, and may keep ids
        # for Then in the hashtable it is given; Before: script run in the example's runspace first; Then: checks of
        # the example's run (Output, Errors, Warnings, Verbose, HostText, and Rendered: the lines of its output at
        # 80 columns), given the run and Seed's hashtable.
        $arrangements = @{
            'Connect-CopilotAgent example 1'       = @{
                Then = { param($Run) (Get-ExampleRequest -Method POST).Path | Should -Be '/agents/repos/octocat/hello-world/tasks' }
            }
            'Disconnect-CopilotAgent example 1'    = @{
                # The output shown names the public API: no GITHUB_API_URL (the example makes no request).
                Environment = @{ GITHUB_API_URL = $null }
            }
            'Disconnect-CopilotAgent example 2'    = @{
                Then = {
                    param($Run)
                    $starts = @(Get-ExampleRequest -Method POST)
                    $starts.Path | Should -Be @('/agents/repos/octo-org/api/tasks', '/agents/repos/octo-org/api/tasks')
                    # The empty cells of prompts.csv are left out of the request, not sent empty.
                    @($starts[0].Body.PSObject.Properties.Name | Sort-Object) | Should -Be @('base_ref', 'prompt')
                    @($starts[1].Body.PSObject.Properties.Name | Sort-Object) | Should -Be @('model', 'prompt')
                }
            }
            'Get-CopilotAgentConnection example 1' = @{
                # A connection to the public API (the example makes no request).
                Environment = @{ GITHUB_API_URL = $null }
                Before      = 'Connect-CopilotAgent -Token test -Repository octocat/hello-world'
            }
            'New-CopilotTask example 1'            = @{
                Then = {
                    param($Run)
                    $start = Get-ExampleRequest -Method POST
                    $start.Body.base_ref | Should -Be 'main'
                    $start.Body.create_pull_request | Should -BeTrue
                }
            }
            'New-CopilotTask example 2'            = @{
                Then = { param($Run) Get-ExampleRequest | Should -BeNullOrEmpty }
            }
            'New-CopilotTask example 3'            = @{
                Then = {
                    param($Run)
                    $starts = @(Get-ExampleRequest -Method POST)
                    $starts.Path | Should -Be @('/agents/repos/octocat/hello-world/tasks', '/agents/repos/octo-org/api/tasks')
                    $starts.Body.model | Should -Be @('claude-sonnet-4.6', 'claude-sonnet-4.6')
                    $starts[0].Body.create_pull_request | Should -BeTrue
                    $starts[1].Body.create_pull_request | Should -Not -BeTrue
                }
            }
            'New-CopilotTask example 4'            = @{
                Then = { param($Run) $Run.Output[0].State | Should -Be 'Completed' }
            }
            'New-CopilotTask example 5'            = @{
                Then = { param($Run) $Run.Output.Type | Should -Be 'pull' }
            }
            'New-CopilotTask example 6'            = @{
                Then = {
                    param($Run)
                    $start = Get-ExampleRequest -Method POST
                    $start.Path | Should -Be '/agents/repos/octocat/hello-world/tasks'
                    ($start.Body.base_ref, $start.Body.head_ref) | Should -Be @('main', 'fix-login')
                }
            }
            'Show-CopilotTask example 1'           = @{
                OpensPage = $true
                Then      = {
                    param($Run)
                    $started = Get-ExampleRequest -Method POST
                    $started.Path | Should -Be '/agents/repos/octocat/hello-world/tasks'
                    @(Get-OpenedPage $opener) -like 'https://github.com/octocat/hello-world/copilot/tasks/*' | Should -HaveCount 1
                    # The started task brings its page: nothing is read to find it.
                    Get-ExampleRequest -Method GET | Should -BeNullOrEmpty
                }
            }
            'Show-CopilotTask example 2'           = @{
                Seed = { @(New-EmulatorTask $emulator -State failed -Count 4) }
                Then = {
                    param($Run)
                    @($Run.HostText -split '\r?\n' -like 'What if: Performing the operation "Open in the browser" on target "https://github.com/*') | Should -HaveCount 3
                    if ($opener) {
                        Get-OpenedPage $opener -Seconds 0.5 | Should -BeNullOrEmpty
                    }
                }
            }
            'Get-CopilotTask example 1'            = @{
                # The two rows shown, newest first: seeded oldest first, so the ids come back reversed.
                Seed = {
                    $older = New-EmulatorTask $emulator -Prompt 'Fix the typo in README'
                    $newer = New-EmulatorTask $emulator -Owner octo-org -Repo api -State in_progress -Prompt 'Add input validation'
                    $newer, $older
                }
            }
            'Get-CopilotTask example 2'            = @{
                Seed = {
                    param($Seeded)
                    $Seeded.Wanted = @(New-EmulatorTask $emulator -State failed) + @(New-EmulatorTask $emulator -State timed_out)
                    $null = New-EmulatorTask $emulator
                }
                Then = { param($Run, $Seeded) @($Run.Output.Id | Sort-Object) | Should -Be @($Seeded.Wanted | Sort-Object) }
            }
            'Get-CopilotTask example 3'            = @{
                Seed = { $null = New-EmulatorTask $emulator -Count 7 }
                Then = {
                    param($Run)
                    $Run.Output | Should -HaveCount 5
                    $request = Get-ExampleRequest
                    $request | Should -HaveCount 1
                    $request.Query | Should -Match 'per_page=5'
                    $request.Query | Should -Match 'sort=created_at'
                }
            }
            'Get-CopilotTask example 4'            = @{
                Then = { param($Run) @($Run.Output | Where-Object { $_ -is [AgentTasks.Core.Models.CopilotTaskSession] }) | Should -HaveCount 1 }
            }
            'Get-CopilotTask example 5'            = @{
                Seed = { param($Seeded) $Seeded.Running = Start-RunningTask -Repository octocat/hello-world }
                Then = {
                    param($Run, $Seeded)
                    @($Run.Output.Id | Sort-Object) | Should -Be @($Seeded.Running | Sort-Object)
                    $Run.Output.IsRunning | Should -Not -Contain $true
                }
            }
            'Get-CopilotTask example 6'            = @{
                Seed = { $null = New-EmulatorTask $emulator -Count 2 -State failed; $null = New-EmulatorTask $emulator }
                Then = {
                    param($Run)
                    $Run.Output | Should -HaveCount 2
                    $Run.Output.ErrorMessage | Should -Not -Contain $null
                }
            }
            'Get-CopilotTask example 8'            = @{
                Seed = {
                    param($Seeded)
                    $Seeded.Wanted = @(New-EmulatorTask $emulator -Owner octo-org -Repo api -Archived -CreatorId 583231) +
                        @(New-EmulatorTask $emulator -Owner octo-org -Repo api -Archived -CreatorId 9919)
                    $null = New-EmulatorTask $emulator -Owner octo-org -Repo api -Archived -CreatorId 7
                    $null = New-EmulatorTask $emulator -Owner octo-org -Repo api -CreatorId 583231
                }
                Then = { param($Run, $Seeded) @($Run.Output.Id | Sort-Object) | Should -Be @($Seeded.Wanted | Sort-Object) }
            }
            'Wait-CopilotTask example 1'           = @{
                Then = {
                    param($Run)
                    $Run.Output.State | Should -Be 'Completed'
                    $Run.Output.Sessions | Should -HaveCount 1
                }
            }
            'Wait-CopilotTask example 2'           = @{
                Seed = { param($Seeded) $Seeded.Running = Start-RunningTask -Repository octocat/hello-world }
                Then = {
                    param($Run, $Seeded)
                    @($Run.Output.Id | Sort-Object) | Should -Be @($Seeded.Running | Sort-Object)
                    $Run.Output.IsRunning | Should -Not -Contain $true
                }
            }
            'Wait-CopilotTask example 3'           = @{
                # -Any: the first task never stops, the second has.
                Seed = {
                    param($Seeded)
                    $Seeded.Stopped = New-EmulatorTask $emulator
                    (New-EmulatorTask $emulator -State in_progress), $Seeded.Stopped
                }
                Then = { param($Run, $Seeded) $Run.Output.Id | Should -Be $Seeded.Stopped }
            }
            'Wait-CopilotTask example 4'           = @{
                Seed = { $null = Start-RunningTask -Repository octo-org/api }
                # No task is still running after 15 minutes: the last line lists none.
                Then = { param($Run) $Run.Output | Should -BeNullOrEmpty }
            }
            'Wait-CopilotTask example 5'           = @{
                Then = {
                    param($Run)
                    $text = $Run.Rendered -join "`n"
                    foreach ($state in 'Completed', 'Failed', 'WaitingForUser') {
                        $text | Should -Match "\b$state\b"
                    }
                }
            }
            'README.md, A tour, block 1'           = @{
                Then = { param($Run) $Run.Output[0].DefaultRepository | Should -Be 'octo-org/api' }
            }
            'README.md, A tour, block 2'           = @{
                # The tour goes on in the session its first block connected.
                Before = 'Connect-CopilotAgent -Repository octo-org/api'
                Then   = { param($Run) Get-ExampleRequest -Method POST | Should -HaveCount 4 }
            }
            'README.md, A tour, block 4'           = @{
                Before = 'Connect-CopilotAgent -Repository octo-org/api'
                Seed   = { param($Seeded) $Seeded.Running = Start-RunningTask -Repository octo-org/api }
                Then   = {
                    param($Run, $Seeded)
                    $Run.Output | Should -HaveCount 3
                    @($Run.Output[0..1].Id | Sort-Object) | Should -Be @($Seeded.Running | Sort-Object)
                    $Run.Output.State | Should -Be @('Completed', 'Completed', 'Completed')
                }
            }
            'README.md, A tour, block 5'           = @{
                Before = 'Connect-CopilotAgent -Repository octo-org/api'
                Seed   = { @(New-EmulatorTask $emulator -Owner octo-org -Repo api -State failed -Count 4) }
                Then   = {
                    param($Run)
                    @($Run.HostText -split '\r?\n' -like 'What if: Performing the operation "Open in the browser" on target "https://github.com/octo-org/api/*') | Should -HaveCount 3
                }
            }
            'README.md, A tour, block 6'           = @{
                # prompts.txt ends one task in failure: the runbook warns about it, and only about it.
                Then = { param($Run) $Run.Warnings.Message | Should -BeLike '*: Failed' }
            }
            'README.md, The emulator, block 1'     = @{
                Then = {
                    param($Run)
                    $Run.Output | Should -HaveCount 2
                    $Run.Output[0].State | Should -Be 'Completed'
                }
            }
        }

        # The lines a reader sees in a text: no colours, no blanks at the ends of lines nor before or after the text.
        function ConvertTo-ShownLine {
            param([string] $Text)
            $escape = [char] 27
            $lines = @(($Text -replace "$escape\[[0-9;]*m", '') -split '\r?\n' | ForEach-Object { $_.TrimEnd() })
            $first = 0
            while ($first -lt $lines.Count -and $lines[$first] -eq '') { $first++ }
            $last = $lines.Count - 1
            while ($last -ge $first -and $lines[$last] -eq '') { $last-- }
            if ($first -le $last) {
                $lines[$first..$last]
            }
        }

        # The substitutions of the header, on the example's code or on the output it shows.
        function Resolve-ExampleText {
            param([string] $Text, [string[]] $Placeholders, [string[]] $Ids)
            $Text = $Text.Replace('http://127.0.0.1:5099', $emulator.BaseUri)
            for ($i = 0; $i -lt $Placeholders.Count; $i++) {
                $Text = $Text.Replace($Placeholders[$i], $Ids[$i])
            }
            $module = "'" + $builtManifest.Replace("'", "''") + "'"
            [regex]::Replace($Text, '(?m)^(\s*Import-Module\s+)(?:AgentTasks|\./out/AgentTasks)(?=\s|$)', '${1}' + $module.Replace('$', '$$'))
        }
    }

    AfterAll {
        foreach ($name in $environmentNames) {
            [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name])
        }
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Set-EmulatorClock $emulator -QueuedSeconds 0 -RunningSeconds 0
    }

    AfterEach {
        foreach ($name in $environmentNames) {
            [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name])
        }
    }

    It '<Name>' -ForEach $examples {
        $arrangement = $arrangements[$Key]
        if (-not $arrangement) {
            $arrangement = @{}
        }
        if ($arrangement.OpensPage -and -not $opener) {
            Set-ItResult -Skipped -Because 'this system opens web pages through its shell, which has no stand-in: the example would start a browser'
            return
        }

        $environment = @{ GH_TOKEN = $exampleToken; GHES_TOKEN = $exampleToken; GITHUB_TOKEN = $null; GITHUB_API_URL = $emulator.BaseUri; PATH = $examplePath }
        if ($opener) {
            Remove-Item -LiteralPath $opener.Log -ErrorAction SilentlyContinue
        }
        if ($arrangement.Environment) {
            foreach ($name in $arrangement.Environment.Keys) {
                $environment[$name] = $arrangement.Environment[$name]
            }
        }
        foreach ($name in $environment.Keys) {
            [Environment]::SetEnvironmentVariable($name, $environment[$name])
        }

        $guid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
        $placeholders = @([regex]::Matches("$Code`n$Shown", $guid) | ForEach-Object { $_.Value } | Select-Object -Unique)
        $seeded = @{}
        $ids = if ($arrangement.Seed) {
            @(& $arrangement.Seed $seeded)
        }
        else {
            @($placeholders | ForEach-Object { New-EmulatorTask $emulator })
        }
        $ids.Count | Should -BeGreaterOrEqual $placeholders.Count -Because 'each id in the example stands for a seeded task'

        $runspaceScript = @(
            "Set-Location -LiteralPath '$($TestDrive.Replace("'", "''"))'"
            $standIns
            $arrangement.Before
            (Resolve-ExampleText -Text $Code -Placeholders $placeholders -Ids $ids)
        ) -join "`n"
        $run = Invoke-InNewRunspace -ScriptBlock ([scriptblock]::Create($runspaceScript)) -HostSecret $exampleToken
        $rendered = @(ConvertTo-ShownLine ($run.HostText + ($run.Output | Out-String -Width 80)))
        $run | Add-Member -NotePropertyName Rendered -NotePropertyValue $rendered

        @($run.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) | Should -BeNullOrEmpty

        if ($Shown) {
            $expected = @(ConvertTo-ShownLine (Resolve-ExampleText -Text $Shown -Placeholders $placeholders -Ids $ids))
            $actual = $rendered
            if ($expected[-1] -eq '...') {
                $expected = @($expected | Select-Object -SkipLast 1)
                $actual.Count | Should -BeGreaterThan $expected.Count -Because '"..." says that more output follows'
                $actual = @($actual | Select-Object -First $expected.Count)
            }
            ($actual -join "`n") | Should -BeExactly ($expected -join "`n")
        }

        # The docs' own hosts (GitHub Enterprise Server at github.example.com) are not ours to call.
        foreach ($match in [regex]::Matches($Code, '-BaseUri\s+[''"]?(https?://[^\s''"]+)')) {
            if (-not ([uri] $match.Groups[1].Value).IsLoopback) {
                @($run.Verbose | Where-Object { $_.Message -match '^[A-Z]+ https?://' }) | Should -BeNullOrEmpty
                @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
            }
        }

        if ($arrangement.Then) {
            & $arrangement.Then $run $seeded
        }
    }
}
