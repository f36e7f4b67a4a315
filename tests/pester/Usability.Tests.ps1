# What a demanding user relies on at the prompt and in scripts: binding that refuses what it cannot mean, parameters
# that act or are refused with a reason, messages with advice, a connection that keeps what it is not given,
# -WhatIf that names the whole start, and completion from what this session has seen.
Describe 'Binding, messages and completion' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'

        function Get-StartBody {
            foreach ($request in @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST')) {
                $request.body | ConvertFrom-Json
            }
        }
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Disconnect-CopilotAgent
        Reset-Emulator $emulator
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'usability-token' -Repository $repository
    }

    Context 'New-CopilotTask from the pipeline' {
        It 'refuses a piped object that is no prompt, instead of starting a task named after its ToString()' {
            $task = New-CopilotTask -Prompt 'The original'
            Reset-Emulator $emulator

            $null = $task | New-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -HaveCount 1
            $errors[0].Exception.Message | Should -BeLike '*CopilotTask is not a prompt*'
            @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
        }

        It 'binds the text booleans of a CSV column to -CreatePullRequest, and refuses other text in its row' {
            $rows = "Prompt,CreatePullRequest`nYes row,yes`nTrue row,TRUE`nOne row,1`nNo row,no`nEmpty row,`nBad row,maybe" | ConvertFrom-Csv

            $tasks = $rows | New-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks | Should -HaveCount 5
            $errors | Should -HaveCount 1
            $errors[0].Exception.Message | Should -BeLike "*'maybe' is not true or false*"
            $bodies = @(Get-StartBody)
            @($bodies | Where-Object create_pull_request).prompt | Should -Be @('Yes row', 'True row', 'One row')
            @($bodies | Where-Object { -not $_.create_pull_request }).prompt | Should -Be @('No row', 'Empty row')
        }

        It 'refuses -Timeout without -Wait, before any request' {
            { New-CopilotTask -Prompt 'x' -Timeout 1 } | Should -Throw -ErrorId 'CopilotInvalidArgument,*'
            @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
        }
    }

    Context 'Get-CopilotTask parameters' {
        It 'takes the module''s own dates for -Since, and ISO text' {
            $task = New-CopilotTask -Prompt 'Dated'

            (Get-CopilotTask -Repository $repository -Since $task.CreatedAt).Id | Should -Be $task.Id
            (Get-CopilotTask -Repository $repository -Since $task.CreatedAt.AddMinutes(-1).ToString('o')).Id | Should -Be $task.Id
        }

        It 'takes task ids by position, as Wait-CopilotTask does, and still a repository by position' {
            $tasks = @(New-EmulatorTask $emulator -Count 2 | ForEach-Object { Get-CopilotTask -Id $_ })
            $before = @(Get-EmulatorRequest $emulator).Count

            (Get-CopilotTask $tasks[0].Id).Id | Should -Be $tasks[0].Id
            @((Get-CopilotTask $tasks[0].Id, $tasks[1].Id).Id) | Should -Be @($tasks.Id)
            @((Get-CopilotTask $repository).Id | Sort-Object) | Should -Be @($tasks.Id | Sort-Object)
            @(@(Get-EmulatorRequest $emulator)[$before..99].path) | Should -Be @(
                "/agents/tasks/$($tasks[0].Id)", "/agents/tasks/$($tasks[0].Id)", "/agents/tasks/$($tasks[1].Id)",
                "/agents/repos/$repository/tasks")
        }

        It 'takes by position what PowerShell would turn into a task id: a task, a Guid' {
            $id = New-EmulatorTask $emulator
            $task = Get-CopilotTask -Id $id

            (Get-CopilotTask $task).Id | Should -Be $id
            (Get-CopilotTask ([guid] $id)).Id | Should -Be $id
        }

        It 'refuses, with the module''s message, what is no repository: <Name>' -ForEach @(
            @{ Name = 'an empty first position'; Call = { Get-CopilotTask $null }; Message = '-Repository is empty*' }
            @{ Name = 'a task id given to -Repository'; Call = { Get-CopilotTask -Repository '5d1c7b1e-0000-4000-8000-000000000001' }; Message = "'5d1c7b1e-0000-4000-8000-000000000001' is not a repository*give it with -Id*" }
            @{ Name = 'a name without its owner given to -Repository'; Call = { Get-CopilotTask -Repository 'hello-world' }; Message = "'hello-world' is not a repository: expected 'owner/repo'*" }
            @{ Name = 'two ids given to -Repository'; Call = { Get-CopilotTask -Repository 'id-1', 'id-2' }; Message = "'id-1, id-2' is not a repository*" }
        ) {
            { & $Call } | Should -Throw -ErrorId 'CopilotInvalidArgument,*' -ExpectedMessage $Message
            @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
        }

        It 'makes a piped Repository that is no owner/repo that row''s error, not a repository quietly dropped' {
            $ids = @(New-EmulatorTask $emulator -Count 2)
            $before = @(Get-EmulatorRequest $emulator).Count
            $rows = @(
                [pscustomobject]@{ Id = $ids[0]; Repository = 'hello-world' }
                [pscustomobject]@{ Id = $ids[1]; Repository = $repository }
            )

            $tasks = $rows | Get-CopilotTask -ErrorVariable failed -ErrorAction SilentlyContinue

            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'CopilotInvalidArgument,*'
            $failed[0].Exception.Message | Should -BeLike "'hello-world' is not a repository*"
            $failed[0].TargetObject | Should -Be $ids[0]
            $tasks.Id | Should -Be $ids[1]
            @(@(Get-EmulatorRequest $emulator)[$before..99].path) | Should -Be "/agents/repos/$repository/tasks/$($ids[1])"
        }

        It 'explains a repository that is neither owner/repo nor a task id' {
            { Get-CopilotTask 'not a repository' } | Should -Throw -ExpectedMessage "*'not a repository' is not a repository*Nor is it a task id*"
            @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
        }

        It 'takes -Sort in the API''s spelling and comma-joined states in one string' {
            $null = Get-CopilotTask -Repository $repository -Sort created_at -State 'failed,timed_out'

            $query = @(Get-EmulatorRequest $emulator)[-1].query
            $query | Should -BeLike '*sort=created_at*'
            $query | Should -BeLike '*state=failed,timed_out*'
        }

        It 'refuses <Name> with a reason instead of ignoring it' -ForEach @(
            @{ Name = '-First with -Id'; Call = { Get-CopilotTask -Id 'a', 'b' -First 1 }; Reason = '*page a listing*' }
            @{ Name = '-IncludeTotalCount with -Id'; Call = { Get-CopilotTask -Id 'a' -IncludeTotalCount }; Reason = '*page a listing*' }
            @{ Name = '-CreatorId without a repository'; Call = { Get-CopilotTask -CreatorId 5 }; Reason = '*-CreatorId filters one repository*' }
        ) {
            { & $Call } | Should -Throw -ErrorId 'CopilotInvalidArgument,*' -ExpectedMessage $Reason
            @(Get-EmulatorRequest $emulator) | Should -BeNullOrEmpty
        }
    }

    Context 'Messages' {
        It 'gives every error a recommended action, with no .NET parameter name and one full stop' -ForEach @(
            @{ Command = 'Get-CopilotTask'; Arguments = @{ Id = 'no-such-task' } }
            @{ Command = 'Get-CopilotTask'; Arguments = @{ Repository = 'no-such/repo'; Token = 'ghs_installation' } }
            @{ Command = 'New-CopilotTask'; Arguments = @{ Prompt = ' ' } }
        ) {
            $null = & $Command @Arguments -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -Not -BeNullOrEmpty
            foreach ($record in $errors) {
                $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
                $record.ErrorDetails.Message | Should -Not -BeLike "*(Parameter '*"
                # Two full stops in a row (an ellipsis, as in ghs_..., is fine).
                $record.ErrorDetails.Message | Should -Not -Match '(?<!\.)\.\.(?!\.)'
            }
        }

        It 'says when a used-up primary rate limit resets' {
            Add-EmulatorFault $emulator -Kind primary_rate_limit -RetryAfter 600 -Count 10

            $null = Get-CopilotTask -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotRateLimited,*'
            $errors[0].Exception.Message | Should -Match 'The rate limit resets at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC'
            $errors[0].ErrorDetails.RecommendedAction | Should -BeLike 'Wait until*'
        }
    }

    Context 'Connect-CopilotAgent' {
        It 'changes only the default repository when only -Repository is given' {
            Connect-CopilotAgent -Repository 'octo-org/api'

            $connection = Get-CopilotAgentConnection
            $connection.DefaultRepository | Should -Be 'octo-org/api'
            $connection.TokenSource | Should -Be 'Connect-CopilotAgent'
            "$($connection.BaseUri)" | Should -Be "$($emulator.BaseUri)/"
            (New-CopilotTask -Prompt 'Still connected').Repository | Should -Be 'octo-org/api'
        }
    }

    Context '-WhatIf' {
        It 'names the repository, the prompt and every choice of the start' {
            $result = Invoke-InNewRunspace -HostSecret 'unused' -Parameters @{ BaseUri = $emulator.BaseUri } -ScriptBlock {
                param($BaseUri)
                Connect-CopilotAgent -BaseUri $BaseUri -Token 'whatif-token'
                New-CopilotTask -Prompt 'Fix it' -Repository 'octocat/hello-world' -Model gpt-5.4 -BaseRef main -HeadRef fix-login -CustomAgent reviewer -CreatePullRequest -WhatIf
            }

            $result.HostText | Should -BeLike '*Start a Copilot task with prompt "Fix it", model gpt-5.4, base ref main, head ref fix-login, custom agent reviewer, opening a pull request*octocat/hello-world*'
            @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST') | Should -BeNullOrEmpty
        }
    }

    Context 'Repository names' {
        It 'names the repository of your tasks across repositories, and a wait on them polls by list' {
            Set-EmulatorClock $emulator -RunningSeconds 2
            $null = 'Across one', 'Across two' | New-CopilotTask -Repository 'octo-org/api'
            $before = @(Get-EmulatorRequest $emulator).Count

            $tasks = Get-CopilotTask
            $finished = $tasks | Wait-CopilotTask -PollInterval 1 -NoSessions

            $tasks.Repository | Select-Object -Unique | Should -Be 'octo-org/api'
            $tasks[0].HtmlUrl | Should -Be "https://github.com/octo-org/api/copilot/tasks/$($tasks[0].Id)"
            $finished.State | Select-Object -Unique | Should -Be 'Completed'
            $requests = @(Get-EmulatorRequest $emulator | Select-Object -Skip $before)
            @($requests | Where-Object path -Like '/repositories/*') | Should -HaveCount 1
            # After the user-wide listing and the naming, every round is one list request of the repository.
            @($requests | Where-Object path -Like '/agents/repos/octo-org/api/tasks/*') | Should -BeNullOrEmpty
            ($tasks | Out-String -Width 80) | Should -BeLike '*octo-org/api*'
        }
    }

    Context 'Progress' {
        It 'shows the pages of a slow listing longer than one page, and none for one page' {
            $null = New-EmulatorTask $emulator -Count 5
            $list = {
                param($BaseUri, $PageSize)
                Connect-CopilotAgent -BaseUri $BaseUri -Token 'progress-token'
                Get-CopilotTask -Repository octocat/hello-world -PageSize $PageSize
            }
            # Each page takes longer than the interval between two progress records.
            Add-EmulatorFault $emulator -Kind delay -DelayMs 400 -Method GET -PathPrefix '/agents/repos/' -Count 3

            $long = Invoke-InNewRunspace -ScriptBlock $list -Parameters @{ BaseUri = $emulator.BaseUri; PageSize = 2 }
            $short = Invoke-InNewRunspace -ScriptBlock $list -Parameters @{ BaseUri = $emulator.BaseUri; PageSize = 10 }

            $long.Output | Should -HaveCount 5
            $pages = @($long.Progress | Where-Object Activity -EQ 'Listing Copilot tasks')
            @($pages | Where-Object RecordType -EQ 'Processing').StatusDescription | Should -Be @('Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3')
            @($pages | Where-Object RecordType -EQ 'Completed') | Should -HaveCount 1
            $short.Output | Should -HaveCount 5
            @($short.Progress | Where-Object Activity -EQ 'Listing Copilot tasks') | Should -BeNullOrEmpty
        }

        It 'writes a fast listing''s progress a few times a second, not once a page' {
            $null = New-EmulatorTask $emulator -Count 60

            $fast = Invoke-InNewRunspace -Parameters @{ BaseUri = $emulator.BaseUri } -ScriptBlock {
                param($BaseUri)
                Connect-CopilotAgent -BaseUri $BaseUri -Token 'progress-token'
                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                $tasks = @(Get-CopilotTask -Repository octocat/hello-world -PageSize 1)
                [pscustomobject]@{ Count = $tasks.Count; Seconds = $watch.Elapsed.TotalSeconds }
            }

            $fast.Output[0].Count | Should -Be 60
            $pages = @($fast.Progress | Where-Object { $_.Activity -eq 'Listing Copilot tasks' -and $_.RecordType -eq 'Processing' })
            # The first page at once, then at most one record for each fifth of a second the listing took.
            $pages[0].StatusDescription | Should -Be 'Page 1 of 60'
            $pages.Count | Should -BeLessOrEqual (2 + [Math]::Floor($fast.Output[0].Seconds / 0.2))
            @($fast.Progress | Where-Object { $_.Activity -eq 'Listing Copilot tasks' -and $_.RecordType -eq 'Completed' }) | Should -HaveCount 1
        }
    }

    Context 'Completion' {
        It 'offers the tasks seen this session for -Id, named in the tooltip' {
            $task = New-CopilotTask -Prompt 'Complete me'
            $line = 'Wait-CopilotTask -Id '

            $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

            $match = $matches | Where-Object CompletionText -EQ $task.Id
            $match | Should -Not -BeNullOrEmpty
            $match.ToolTip | Should -BeLike 'Complete me (queued*octocat/hello-world)'
        }

        It 'offers every task a listing of several pages wrote, the last one listed first, and its repository' {
            $ids = @(New-EmulatorTask $emulator -Owner 'octo-org' -Repo 'listed-repo' -Count 250)
            $listed = @(Get-CopilotTask -Repository 'octo-org/listed-repo' -PageSize 100)
            $line = 'Wait-CopilotTask -Id '

            $offered = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)

            $listed | Should -HaveCount 250
            $offered[0] | Should -Be $listed[-1].Id
            $offered[0..249] | Should -Be @($listed.Id)[249..0]
            @($ids | Where-Object { $_ -notin $offered }) | Should -BeNullOrEmpty
            $repositoryLine = 'Get-CopilotTask -Repository octo-org/li'
            (TabExpansion2 -inputScript $repositoryLine -cursorColumn $repositoryLine.Length).CompletionMatches.CompletionText | Should -Contain 'octo-org/listed-repo'
        }

        It 'offers the default repository and the repositories seen for -Repository, and their owners for -Owner' {
            Connect-CopilotAgent -Repository 'octo-org/seen-repo'
            $line = 'Get-CopilotTask -Repository octo-org/'

            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'octo-org/seen-repo'
            $owner = 'New-CopilotTask x -Owner octo-o'
            (TabExpansion2 -inputScript $owner -cursorColumn $owner.Length).CompletionMatches.CompletionText | Should -Contain 'octo-org'
        }

        It 'offers both repositories and task ids at Get-CopilotTask''s first position, and only repositories after -Repository' {
            Connect-CopilotAgent -Repository 'octo-org/seen-repo'
            $task = New-CopilotTask -Prompt 'Complete me by position'
            $prefix = $task.Id.Substring(0, 6)
            # What is offered for each line; an empty entry among them makes PSReadLine fail ("Oops, something went
            # wrong"): PowerShell leaves one between the answers of two parameters that share a position.
            function Get-Offered([string] $Line) {
                $offered = @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
                @($offered | Where-Object { -not $_.CompletionText }) | Should -BeNullOrEmpty -Because "Tab after '$Line' must offer no empty entry"
                $offered.CompletionText
            }

            foreach ($line in 'Get-CopilotTask ', 'Get-CopilotTask -Verbose ') {
                $offered = Get-Offered $line
                $offered | Should -Contain 'octo-org/seen-repo'
                $offered | Should -Contain $task.Id
            }
            Get-Offered "Get-CopilotTask $prefix" | Should -Be $task.Id
            Get-Offered 'Get-CopilotTask octo-org/s' | Should -Be 'octo-org/seen-repo'
            Get-Offered 'Get-CopilotTask zzz' | Should -BeNullOrEmpty
            foreach ($line in 'Get-CopilotTask -Repository ', 'Get-CopilotTask -Repository oct') {
                $offered = Get-Offered $line
                $offered | Should -Contain 'octo-org/seen-repo'
                $offered | Should -Not -Contain $task.Id
            }
            Get-Offered 'Get-CopilotTask -Id ' | Should -Contain $task.Id
            foreach ($line in "Get-CopilotTask -TaskId $prefix", "Get-CopilotTask -Id:$prefix", "Get-CopilotTask -Repository $repository $prefix") {
                Get-Offered $line | Should -Be $task.Id
            }
        }

        It 'keeps a task started by New-CopilotTask -Wait one Tab away when the wait is stopped (Ctrl+C)' {
            $powershell = [powershell]::Create()
            $manifest = (Get-BuiltModuleManifest).Replace("'", "''")
            $null = $powershell.AddScript("Import-Module -Name '$manifest'; Connect-CopilotAgent -BaseUri '$($emulator.BaseUri)' -Token stop-token; New-CopilotTask -Prompt 'Interrupted wait [end:in_progress]' -Repository octocat/hello-world -Wait -PollInterval 1")
            $async = $powershell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (-not @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST') -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 100
            }
            Start-Sleep -Milliseconds 500
            $powershell.Stop()
            $powershell.Dispose()

            $started = @(Get-CopilotTask -Repository $repository)
            $started | Should -HaveCount 1
            $line = 'Get-CopilotTask -Id '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $started[0].Id
        }
    }
}
