# Show-CopilotTask against a stand-in opener (New-TestPageOpener): which page reaches the system, with how many
# requests, and what is refused. Windows has no stand-in for its shell, so the tests that open pages run elsewhere.
Describe 'Show-CopilotTask' {
    BeforeDiscovery {
        $noOpener = $IsWindows -or $PSVersionTable.PSVersion.Major -lt 6 -or $IsMacOS
    }

    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        $savedPath = $env:PATH

        # The requests since the test's arrangement (the mark it set).
        function Get-ApiRequest {
            foreach ($request in @(Get-EmulatorRequest $emulator | Select-Object -Skip $script:mark)) {
                "$($request.method) $($request.path)"
            }
        }
    }

    AfterAll {
        $env:PATH = $savedPath
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'show-token' -Repository $repository
        $ids = @(New-EmulatorTask $emulator -Count 2)
        $tasks = @($ids | ForEach-Object { Get-CopilotTask -Id $_ })
        $script:mark = @(Get-EmulatorRequest $emulator).Count
        $opener = New-TestPageOpener -Directory (Join-Path $TestDrive ([guid]::NewGuid()))
        if ($opener) {
            $env:PATH = $opener.Directory + [System.IO.Path]::PathSeparator + $savedPath
        }
    }

    AfterEach {
        $env:PATH = $savedPath
    }

    It 'opens a piped task''s own page, with no request' -Skip:$noOpener {
        $output = $tasks[0] | Show-CopilotTask

        $output | Should -BeNullOrEmpty
        Get-OpenedPage $opener | Should -Be $tasks[0].HtmlUrl
        Get-ApiRequest | Should -BeNullOrEmpty
    }

    It 'reads an id given alone (by position) for its page' -Skip:$noOpener {
        Show-CopilotTask $ids[1] -Repository $repository

        Get-OpenedPage $opener | Should -Be $tasks[1].HtmlUrl
        Get-ApiRequest | Should -Be "GET /agents/repos/$repository/tasks/$($ids[1])"
    }

    It 'opens every task piped, once each, after the last has arrived' -Skip:$noOpener {
        $seen = @{}
        & {
            $tasks[0]
            $tasks[0]
            # The first page would have been handed on by now if pages opened as they came.
            Start-Sleep -Milliseconds 500
            $seen.BeforeTheLast = @(Get-OpenedPage $opener -Seconds 0)
            $tasks[1]
        } | Show-CopilotTask

        $seen.Keys | Should -Contain 'BeforeTheLast'
        $seen.BeforeTheLast | Should -BeNullOrEmpty
        # In either order: the module starts the openers in turn, but each runs on its own and they race to the log.
        Get-OpenedPage $opener -Count 2 | Sort-Object | Should -Be @($tasks.HtmlUrl | Sort-Object)
    }

    It 'never hands the system a piped HtmlUrl that is no web address, and reads the task instead: <Address>' -Skip:$noOpener -ForEach @(
        @{ Address = '/bin/sh' }
        @{ Address = 'file:///etc/passwd' }
        @{ Address = 'javascript:alert(1)' }
        @{ Address = 'https://github.com@example.com/copilot/tasks/1' }
    ) {
        [pscustomobject]@{ Id = $ids[0]; HtmlUrl = $Address } | Show-CopilotTask

        Get-OpenedPage $opener | Should -Be $tasks[0].HtmlUrl
        Get-ApiRequest | Should -Be "GET /agents/tasks/$($ids[0])"
    }

    It 'names each page with -WhatIf and opens none' {
        $result = Invoke-InNewRunspace -HostSecret 'unused' -Parameters @{ Tasks = $tasks } -ScriptBlock {
            param($Tasks)
            $Tasks | Show-CopilotTask -WhatIf
        }

        $result.Errors | Should -BeNullOrEmpty
        $result.Output | Should -BeNullOrEmpty
        foreach ($task in $tasks) {
            $result.HostText | Should -BeLike "*What if: Performing the operation `"Open in the browser`" on target `"$($task.HtmlUrl)`"*"
        }
        if ($opener) {
            Get-OpenedPage $opener -Seconds 0.5 | Should -BeNullOrEmpty
        }
    }

    It 'refuses more than ten pages without -Force, before any request, and opens them with it' -Skip:$noOpener {
        $many = 1..11 | ForEach-Object { 'task-{0:d2}' -f $_ }

        { $many | Show-CopilotTask } | Should -Throw -ErrorId 'CopilotInvalidArgument,*' -ExpectedMessage '*11 pages*-Force*'
        Get-ApiRequest | Should -BeNullOrEmpty

        $pages = 1..11 | ForEach-Object { [pscustomobject]@{ Id = "task-$_"; HtmlUrl = "https://github.com/o/r/copilot/tasks/task-$_" } }
        $pages | Show-CopilotTask -Force
        Get-OpenedPage $opener -Count 11 | Should -HaveCount 11
    }

    It 'lists any number of pages with -WhatIf, which opens none' {
        $pages = 1..11 | ForEach-Object { [pscustomobject]@{ Id = "task-$_"; HtmlUrl = "https://github.com/o/r/copilot/tasks/task-$_" } }
        $result = Invoke-InNewRunspace -HostSecret 'unused' -Parameters @{ Pages = $pages } -ScriptBlock {
            param($Pages)
            $Pages | Show-CopilotTask -WhatIf
        }

        $result.Errors | Should -BeNullOrEmpty
        @($result.HostText -split '\r?\n' -like 'What if: *Open in the browser*') | Should -HaveCount 11
    }

    It 'says where there is no opener, with the address to open elsewhere' -Skip:$noOpener {
        # A PATH with no opener on it at all (nor gnome-open or kfmclient, the others .NET looks for).
        $env:PATH = $TestDrive

        $tasks[0] | Show-CopilotTask -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'CopilotBrowserUnavailable,AgentTasks.Commands.ShowCopilotTaskCommand'
        $failed[0].TargetObject | Should -Be $ids[0]
        $failed[0].Exception.Message | Should -BeLike "Could not open $($tasks[0].HtmlUrl) in a browser: *xdg-open*"
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike '*HtmlUrl*'
    }

    It 'reports a task it cannot read and still opens the others' -Skip:$noOpener {
        'no-such-task', $ids[1] | Show-CopilotTask -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTaskNotFound,*'
        Get-OpenedPage $opener | Should -Be $tasks[1].HtmlUrl
    }
}
