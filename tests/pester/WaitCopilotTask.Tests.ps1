Describe 'Wait-CopilotTask' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        $repositoryPath = '/agents/repos/octocat/hello-world/tasks'
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'wait-token' -Repository $repository
    }

    It 'waits for the tasks piped from Get-CopilotTask and returns them finished, with sessions' {
        $started = 'Finish quickly', 'Fail quickly [end:failed]' | New-CopilotTask

        $finished = Get-CopilotTask -Repository $repository | Wait-CopilotTask -PollInterval 1

        $finished | Should -HaveCount 2
        @($finished.Id | Sort-Object) | Should -Be @($started.Id | Sort-Object)
        ($finished | Where-Object Id -EQ $started[0].Id).State | Should -Be 'Completed'
        ($finished | Where-Object Id -EQ $started[1].Id).State | Should -Be 'Failed'
        foreach ($task in $finished) {
            $task.IsRunning | Should -BeFalse
            $task.Sessions | Should -HaveCount 1
        }
    }

    It 'waits for task ids from the pipeline' {
        $started = 'First', 'Second' | New-CopilotTask

        $finished = $started.Id | Wait-CopilotTask -PollInterval 1

        $finished | Should -HaveCount 2
        $finished.State | Select-Object -Unique | Should -Be 'Completed'
        $paths = @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'GET').path | Select-Object -Unique
        $paths | Should -Contain "/agents/tasks/$($started[0].Id)"
        $paths | Should -Contain "/agents/tasks/$($started[1].Id)"
    }

    It 'takes the id by position' {
        $started = New-CopilotTask -Prompt 'Positional'

        (Wait-CopilotTask $started.Id -PollInterval 1).State | Should -Be 'Completed'
    }

    It 'returns a task that has already stopped after one request' {
        $id = @(New-EmulatorTask $emulator -State failed)[0]

        $task = Wait-CopilotTask -Id $id -Repository $repository -PollInterval 1

        $task.State | Should -Be 'Failed'
        @(Get-EmulatorRequest $emulator) | Should -HaveCount 1
    }

    It '-Any returns as soon as one task has stopped' {
        $started = 'Finish quickly', 'Never ends [end:in_progress]' | New-CopilotTask
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $first = $started | Wait-CopilotTask -Any -PollInterval 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $watch.Stop()

        $first | Should -HaveCount 1
        $first.Id | Should -Be $started[0].Id
        $first.State | Should -Be 'Completed'
        $errors | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
    }

    It '-Timeout gives a task that never finishes an OperationTimeout error, then the task as last seen' {
        $task = New-CopilotTask -Prompt 'Never ends [end:in_progress]'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $output = $task | Wait-CopilotTask -Timeout 2 -PollInterval 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $watch.Stop()

        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTimeout*'
        $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $errors[0].TargetObject | Should -Be $task.Id
        $errors[0].Exception | Should -BeOfType 'AgentTasks.Core.Errors.CopilotTimeoutException'
        $output | Should -HaveCount 1
        $output.Id | Should -Be $task.Id
        $output.State | Should -Be 'InProgress'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 15
    }

    It '-Timeout returns the tasks that did stop as well as the error for the one that did not' {
        $started = 'Finish quickly', 'Never ends [end:in_progress]' | New-CopilotTask

        $output = $started | Wait-CopilotTask -Timeout 4 -PollInterval 1 -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be $started[1].Id
        $output | Should -HaveCount 2
        ($output | Where-Object Id -EQ $started[0].Id).State | Should -Be 'Completed'
        ($output | Where-Object Id -EQ $started[1].Id).State | Should -Be 'InProgress'
    }

    It 'polls tasks of one repository with one list request per round' {
        # Long enough in progress for several rounds.
        Set-EmulatorClock $emulator -RunningSeconds 3
        $started = 'One', 'Two', 'Three' | New-CopilotTask
        $before = @(Get-EmulatorRequest $emulator).Count

        $finished = $started | Wait-CopilotTask -PollInterval 1

        $finished | Should -HaveCount 3
        $finished.State | Select-Object -Unique | Should -Be 'Completed'
        $requests = @(Get-EmulatorRequest $emulator | Select-Object -Skip $before)
        $lists = @($requests | Where-Object { $_.method -eq 'GET' -and $_.path -eq $repositoryPath })
        $lists.Count | Should -BeGreaterThan 0
        $lists | ForEach-Object { $_.query | Should -BeLike '*since=*' }
        # The piped tasks say when they were updated, so the first round is a list already.
        $requests[0].path | Should -Be $repositoryPath
        foreach ($task in $started) {
            # Only a last read for its sessions; every round is a list.
            @($requests | Where-Object path -EQ "$repositoryPath/$($task.Id)").Count | Should -Be 1
        }
    }

    It '-NoSessions returns the tasks as the last list saw them, without reading each again' {
        Set-EmulatorClock $emulator -RunningSeconds 2
        $started = 'Four', 'Five' | New-CopilotTask
        $before = @(Get-EmulatorRequest $emulator).Count

        $finished = $started | Wait-CopilotTask -PollInterval 1 -NoSessions

        $finished | Should -HaveCount 2
        $finished.State | Select-Object -Unique | Should -Be 'Completed'
        $finished | ForEach-Object { $_.Sessions | Should -BeNullOrEmpty }
        @(Get-EmulatorRequest $emulator | Select-Object -Skip $before | Where-Object path -NE $repositoryPath) | Should -BeNullOrEmpty
    }

    It 'writes an error for a task that does not exist and goes on waiting for the others' {
        $task = New-CopilotTask -Prompt 'Finish quickly'

        $finished = 'missing-task', $task.Id | Wait-CopilotTask -PollInterval 1 -ErrorVariable errors -ErrorAction SilentlyContinue

        $finished.Id | Should -Be $task.Id
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTaskNotFound,*'
        $errors[0].TargetObject | Should -Be 'missing-task'
    }

    It 'keeps waiting through a server error, with a warning' {
        $task = New-CopilotTask -Prompt 'Finish quickly'
        # Five failed attempts exhaust the retries of one poll; the next round succeeds.
        Add-EmulatorFault $emulator -Kind status -Status 502 -RetryAfter 0 -Count 5 -Method GET

        $finished = $task | Wait-CopilotTask -PollInterval 1 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue

        $finished.State | Should -Be 'Completed'
        $errors | Should -BeNullOrEmpty
        $warnings.Count | Should -BeGreaterThan 0
        "$($warnings[0])" | Should -BeLike '*502*'
    }

    It 'stops the whole wait with CopilotAuthenticationFailed when the token is refused' {
        $task = New-CopilotTask -Prompt 'Never ends [end:in_progress]'
        Add-EmulatorFault $emulator -Kind status -Status 401 -Count 100

        { $task | Wait-CopilotTask -PollInterval 1 -Timeout 10 } | Should -Throw -ErrorId 'CopilotAuthenticationFailed,*'
    }

    It 'rejects -PollInterval <PollInterval> and -Timeout <Timeout> outside their ranges' -ForEach @(
        @{ PollInterval = 0; Timeout = 5 }
        @{ PollInterval = 1; Timeout = -2 }
    ) {
        { Wait-CopilotTask -Id 'any-id' -PollInterval $PollInterval -Timeout $Timeout } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'reports progress while it waits' {
        $result = Invoke-InNewRunspace -ScriptBlock {
            param($BaseUri, $Repository)
            Connect-CopilotAgent -BaseUri $BaseUri -Token 'progress-token' -Repository $Repository
            New-CopilotTask -Prompt 'Show progress' | Wait-CopilotTask -PollInterval 1
        } -Parameters @{ BaseUri = $emulator.BaseUri; Repository = $repository }

        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -HaveCount 1
        $result.Progress.Count | Should -BeGreaterThan 1
        $result.Progress[0].Activity | Should -Not -BeNullOrEmpty
        $result.Progress[0].StatusDescription | Should -BeLike '*of 1*'
        $result.Progress[-1].RecordType | Should -Be 'Completed'
    }
}
