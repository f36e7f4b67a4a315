# Starts an unattended run can trust: a start that may have happened is looked for instead of reported as failed,
# every failed start names its input, and no prompt ever gets two tasks.
Describe 'New-CopilotTask under unclear answers' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'

        function Get-EmulatorTaskName {
            @(Get-CopilotTask -Repository $repository -Token 'check-token').Name
        }
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'start-token' -Repository $repository
    }

    It 'returns a task whose answer was lost, with a warning that it was found and not started twice' {
        Add-EmulatorFault $emulator -Kind drop_after -Method POST

        $task = New-CopilotTask -Prompt 'Answer lost' -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -BeNullOrEmpty
        $task.Name | Should -Be 'Answer lost'
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "*$($task.Id)*not started twice*"
        @(Get-EmulatorTaskName) | Should -Be @('Answer lost')
    }

    It 'reports a start it cannot find as CopilotStartUnconfirmed, saying the task may still appear' {
        # The answer comes after the request timeout, and the task only then.
        Add-EmulatorFault $emulator -Kind delay -DelayMs 2500 -Method POST

        $null = New-CopilotTask -Prompt 'Too slow' -RequestTimeoutSeconds 1 -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotStartUnconfirmed,*'
        $errors[0].Exception.Message | Should -BeLike '*may still appear*doubled*'
        $errors[0].TargetObject.Prompt | Should -Be 'Too slow'
    }

    It 'names the whole input of a failed start, so that the record pipes back into New-CopilotTask' {
        $same = 'Update every dependency of the service to its latest minor version and make the build pass'
        Add-EmulatorFault $emulator -Kind status -Status 422 -Method POST

        $null = "$same, part one", "$same, part two" | New-CopilotTask -BaseRef main -Model gpt-5.4 -CreatePullRequest -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 1
        $failed[0].TargetObject.Prompt | Should -Be "$same, part one"
        $failed[0].TargetObject.Repository | Should -Be $repository

        $retried = $failed.TargetObject | New-CopilotTask

        $retried.Name | Should -Not -BeNullOrEmpty
        $body = (@(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST')[-1]).body | ConvertFrom-Json
        $body.prompt | Should -Be "$same, part one"
        $body.base_ref | Should -Be 'main'
        $body.model | Should -Be 'gpt-5.4'
        $body.create_pull_request | Should -BeTrue
    }

    It 'leaves, across 100 prompts under POST faults, one task per object returned and never two for a prompt' {
        # Lost answers (the task exists), garbled 201s (it exists) and 502s before any work (it does not).
        Add-EmulatorFault $emulator -Kind drop_after -Method POST -Percent 15
        Add-EmulatorFault $emulator -Kind malformed -Method POST -Percent 10
        Add-EmulatorFault $emulator -Kind status -Status 502 -Method POST -Percent 10
        $prompts = 1..100 | ForEach-Object { "Bulk prompt $_" }

        $tasks = $prompts | New-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        Clear-EmulatorFault $emulator

        $names = @(Get-EmulatorTaskName)
        $names.Count | Should -Be @($tasks).Count
        @($names | Group-Object | Where-Object Count -GT 1) | Should -BeNullOrEmpty
        @($warnings).Count | Should -BeGreaterThan 0
        foreach ($record in $errors) {
            $record.FullyQualifiedErrorId | Should -BeLike 'CopilotStartUnconfirmed,*'
            $prompts | Should -Contain $record.TargetObject.Prompt
        }
        # Every prompt ends as a task or as an error that names it.
        @(@($tasks.Name) + @($errors.TargetObject.Prompt) | Sort-Object -Unique).Count | Should -Be 100
    }
}
