Describe 'New-CopilotTask' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        $repositoryPath = '/agents/repos/octocat/hello-world/tasks'

        # The POSTs the emulator received, each with its body parsed.
        function Get-StartRequest {
            foreach ($request in @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST')) {
                [pscustomobject]@{ Path = $request.path; Body = $request.body | ConvertFrom-Json; Request = $request }
            }
        }
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'new-task-token' -Repository $repository
    }

    Context 'One prompt' {
        It 'starts a task in the repository given to Connect-CopilotAgent' {
            $task = New-CopilotTask -Prompt 'Fix the login button'

            $task | Should -HaveCount 1
            $task | Should -BeOfType 'AgentTasks.Core.Models.CopilotTask'
            $task.Id | Should -Not -BeNullOrEmpty
            $task.State | Should -Be 'Queued'
            $task.StateValue | Should -BeExactly 'queued'
            $task.Owner | Should -Be 'octocat'
            $task.Repo | Should -Be 'hello-world'
            $task.Repository | Should -Be $repository

            $starts = @(Get-StartRequest)
            $starts | Should -HaveCount 1
            $starts[0].Path | Should -Be $repositoryPath
            $starts[0].Body.prompt | Should -BeExactly 'Fix the login button'
            # Options not given are not sent, so the server's defaults apply.
            ($starts[0].Body.PSObject.Properties.Name -join ',') | Should -Be 'prompt'
        }

        It 'takes the prompt by position' {
            $task = New-CopilotTask 'Positional prompt'

            $task.Repository | Should -Be $repository
            (Get-StartRequest).Body.prompt | Should -BeExactly 'Positional prompt'
        }

        It 'starts the task in -Repository rather than the default' {
            $task = New-CopilotTask -Prompt 'Elsewhere' -Repository 'octo-org/widgets'

            $task.Repository | Should -Be 'octo-org/widgets'
            (Get-StartRequest).Path | Should -Be '/agents/repos/octo-org/widgets/tasks'
        }

        It 'starts the task in -Owner and -Repo (the OwnerRepo parameter set)' {
            $task = New-CopilotTask -Prompt 'Elsewhere' -Owner 'octo-org' -Repo 'widgets'

            $task.Owner | Should -Be 'octo-org'
            $task.Repo | Should -Be 'widgets'
            (Get-StartRequest).Path | Should -Be '/agents/repos/octo-org/widgets/tasks'
        }

        It 'passes a model it does not know through untouched' {
            $null = New-CopilotTask -Prompt 'Use a model from the future' -Model 'gpt-99-turbo-preview'

            (Get-StartRequest).Body.model | Should -BeExactly 'gpt-99-turbo-preview'
        }

        It 'sends -CustomAgent' {
            $task = New-CopilotTask -Prompt 'Use our agent' -CustomAgent 'docs-writer'

            (Get-StartRequest).Body.custom_agent | Should -BeExactly 'docs-writer'
            $task.CustomAgent | Should -BeExactly 'docs-writer'
        }

        It 'sends -CreatePullRequest' {
            $null = New-CopilotTask -Prompt 'Open a pull request' -CreatePullRequest

            (Get-StartRequest).Body.create_pull_request | Should -BeTrue
        }

        It 'sends -BaseRef and -HeadRef' {
            $null = New-CopilotTask -Prompt 'Work on the branch' -BaseRef 'main' -HeadRef 'feature/login'

            $body = (Get-StartRequest).Body
            $body.base_ref | Should -BeExactly 'main'
            $body.head_ref | Should -BeExactly 'feature/login'
        }

        It 'sends -BaseRef alone' {
            $null = New-CopilotTask -Prompt 'Start from a release branch' -BaseRef 'release/1.0'

            $body = (Get-StartRequest).Body
            $body.base_ref | Should -BeExactly 'release/1.0'
            $body.PSObject.Properties.Name | Should -Not -Contain 'head_ref'
        }

        It 'refuses -HeadRef without -BaseRef before any request' {
            $task = New-CopilotTask -Prompt 'Head only' -HeadRef 'feature/login' -ErrorVariable errors -ErrorAction SilentlyContinue

            $task | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotInvalidArgument,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'says so when there is neither a repository nor a default one' {
            # Connect-CopilotAgent keeps what it is not given: a connection without a default starts afresh.
            Disconnect-CopilotAgent
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'new-task-token'

            $task = New-CopilotTask -Prompt 'Where?' -ErrorVariable errors -ErrorAction SilentlyContinue

            $task | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotInvalidArgument,*'
            $errors[0].ToString() | Should -BeLike '*-Repository*'
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'rejects a malformed -Repository at binding, before any request' {
            { New-CopilotTask -Prompt 'x' -Repository 'not a repository' } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'offers the known models for -Model and accepts others' {
            $line = 'New-CopilotTask -Model claude-'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

            $completions | Should -Contain 'claude-sonnet-4.6'
            $completions | Where-Object { $_ -notlike 'claude-*' } | Should -BeNullOrEmpty
        }
    }

    Context 'Prompts from the pipeline' {
        It 'starts one task per prompt, in order' {
            $tasks = 'First prompt', 'Second prompt', 'Third prompt' | New-CopilotTask

            $tasks | Should -HaveCount 3
            @($tasks.Id | Select-Object -Unique) | Should -HaveCount 3
            (Get-StartRequest).Body.prompt | Should -Be @('First prompt', 'Second prompt', 'Third prompt')
        }

        It 'takes Prompt, Repository, BaseRef and Model by property name' {
            $requests = @(
                [pscustomobject]@{ Prompt = 'From an object'; Repository = 'octo-org/widgets'; BaseRef = 'main'; Model = 'claude-opus-4.6' }
                [pscustomobject]@{ Prompt = 'Default repository' }
            )

            $tasks = $requests | New-CopilotTask

            $tasks | Should -HaveCount 2
            $tasks[0].Repository | Should -Be 'octo-org/widgets'
            $tasks[1].Repository | Should -Be $repository
            $starts = @(Get-StartRequest)
            $starts[0].Body.base_ref | Should -BeExactly 'main'
            $starts[0].Body.model | Should -BeExactly 'claude-opus-4.6'
            $starts[1].Body.PSObject.Properties.Name -join ',' | Should -Be 'prompt'
        }

        It 'gives an empty prompt in the middle its own non-terminating error while the others start' {
            $tasks = 'First prompt', '', 'Third prompt' | New-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks | Should -HaveCount 2
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotInvalidArgument,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Get-StartRequest).Body.prompt | Should -Be @('First prompt', 'Third prompt')
        }

        It 'treats a prompt of white space as empty' {
            $tasks = 'First prompt', "  `t ", 'Third prompt' | New-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks | Should -HaveCount 2
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotInvalidArgument,*'
        }
    }

    Context '-WhatIf' {
        It 'sends nothing and writes no task' {
            $tasks = 'First prompt', 'Second prompt' | New-CopilotTask -WhatIf

            $tasks | Should -BeNullOrEmpty
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'needs no token' {
            Disconnect-CopilotAgent

            { New-CopilotTask -Prompt 'Only looking' -Repository $repository -WhatIf } | Should -Not -Throw
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'starts the task with -Confirm:$false' {
            $task = New-CopilotTask -Prompt 'No questions' -Confirm:$false

            $task | Should -HaveCount 1
            @(Get-StartRequest) | Should -HaveCount 1
        }
    }

    Context '-Wait' {
        It 'returns the task once it has finished, with its sessions' {
            $task = New-CopilotTask -Prompt 'Finish quickly' -Wait -PollInterval 1

            $task | Should -HaveCount 1
            $task.State | Should -Be 'Completed'
            $task.IsRunning | Should -BeFalse
            $task.Sessions | Should -Not -BeNullOrEmpty
            $task.Sessions[0].Prompt | Should -BeExactly 'Finish quickly'
        }

        It 'returns every task of the pipeline in its final state' {
            $tasks = 'Finish quickly', 'Fail quickly [end:failed]' | New-CopilotTask -Wait -PollInterval 1

            $tasks | Should -HaveCount 2
            $tasks[0].State | Should -Be 'Completed'
            $tasks[1].State | Should -Be 'Failed'
            $tasks[1].Sessions[0].ErrorMessage | Should -Not -BeNullOrEmpty
            @(Get-StartRequest) | Should -HaveCount 2
        }

        It 'shows the pull request of a task started with -CreatePullRequest' {
            $task = New-CopilotTask -Prompt 'Open a pull request' -CreatePullRequest -Wait -PollInterval 1

            $task.State | Should -Be 'Completed'
            $task.Artifacts | Should -HaveCount 1
            $task.Artifacts[0].Type | Should -BeExactly 'pull'
        }

        It 'names the pull request''s ids for what they are: a database id and a global id, not a number' {
            $artifact = (New-CopilotTask -Prompt 'Open a pull request' -CreatePullRequest -Wait -PollInterval 1).Artifacts[0]

            $names = $artifact.PSObject.Properties.Name
            $names | Should -Contain 'PullRequestDatabaseId'
            $names | Should -Contain 'PullRequestGlobalId'
            $names | Should -Not -Contain 'PullRequestId'
            $artifact.PullRequestDatabaseId | Should -BeGreaterThan 0
            $artifact.PullRequestGlobalId | Should -BeLike 'PR_*'
            # What a person reads, in a table and in a task's list view, says which id it is.
            $shown = $artifact | Out-String -Width 80
            $shown | Should -BeLike "*pull request (database id $($artifact.PullRequestDatabaseId))*"
            "$artifact" | Should -Be "pull request (database id $($artifact.PullRequestDatabaseId))"
        }

        It 'stops at -Timeout with an OperationTimeout error and the task as last seen' {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $task = New-CopilotTask -Prompt 'Never ends [end:in_progress]' -Wait -Timeout 2 -PollInterval 1 -ErrorVariable errors -ErrorAction SilentlyContinue
            $watch.Stop()

            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTimeout*'
            $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $task | Should -HaveCount 1
            $task.IsRunning | Should -BeTrue
            $errors[0].TargetObject | Should -Be $task.Id
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        }
    }
}
