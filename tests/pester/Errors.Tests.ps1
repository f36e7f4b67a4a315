Describe 'Error records' {
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
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'errors-token' -Repository $repository
    }

    Context 'CopilotTaskNotFound' {
        It 'is a non-terminating ObjectNotFound error about the id, with GitHub''s message and the request id' {
            $task = Get-CopilotTask -Id 'no-such-task' -ErrorVariable errors -ErrorAction SilentlyContinue

            $task | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $record = $errors[0]
            $record.FullyQualifiedErrorId | Should -Be 'CopilotTaskNotFound,AgentTasks.Commands.GetCopilotTaskCommand'
            $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $record.TargetObject | Should -Be 'no-such-task'
            $record.Exception | Should -BeOfType 'AgentTasks.Core.Errors.CopilotNotFoundException'
            $record.Exception.StatusCode | Should -Be 404
            $record.Exception.RequestId | Should -Not -BeNullOrEmpty
            $record.ErrorDetails.Message | Should -BeLike '*Not Found*'
            $record.ErrorDetails.Message | Should -BeLike "*$($record.Exception.RequestId)*"
        }

        It 'stops the command with -ErrorAction Stop' {
            { Get-CopilotTask -Id 'no-such-task' -ErrorAction Stop } | Should -Throw -ErrorId 'CopilotTaskNotFound,*'
        }

        It 'is about the id in the repository-scoped GET too' {
            $null = Get-CopilotTask -Id 'no-such-task' -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTaskNotFound,*'
            $errors[0].TargetObject | Should -Be 'no-such-task'
        }

        It 'is not retried' {
            $null = Get-CopilotTask -Id 'no-such-task' -ErrorAction SilentlyContinue

            @(Get-EmulatorRequest $emulator) | Should -HaveCount 1
        }
    }

    Context 'CopilotAuthenticationFailed' {
        It 'stops the pipeline (terminating AuthenticationError) on a 401' {
            Add-EmulatorFault $emulator -Kind status -Status 401

            $record = { Get-CopilotTask -Repository $repository } | Should -Throw -ErrorId 'CopilotAuthenticationFailed,*' -PassThru

            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $record.Exception.StatusCode | Should -Be 401
        }

        It 'does not go on to the next prompt: every later one would fail the same way' {
            Add-EmulatorFault $emulator -Kind status -Status 401 -Count 10

            { 'First', 'Second', 'Third' | New-CopilotTask } | Should -Throw -ErrorId 'CopilotAuthenticationFailed,*'

            @(Get-EmulatorRequest $emulator) | Should -HaveCount 1
        }
    }

    Context 'CopilotPermissionDenied' {
        It 'says that installation tokens (ghs_) are refused' {
            $tasks = Get-CopilotTask -Repository $repository -Token 'ghs_installation0token' -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotPermissionDenied,*'
            $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $errors[0].TargetObject | Should -Be $repository
            $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*installation token*'
        }

        It 'is a 403 that is not a rate limit' {
            Add-EmulatorFault $emulator -Kind status -Status 403

            $null = New-CopilotTask -Prompt 'Not allowed' -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotPermissionDenied,*'
            # The advice for any 403, not the installation-token hint of a ghs_ token.
            $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*"Agent tasks" permission*'
            $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*installation*'
        }
    }

    Context 'CopilotValidationFailed' {
        It 'is a non-terminating InvalidArgument error on a 422' {
            Add-EmulatorFault $emulator -Kind status -Status 422

            $tasks = Get-CopilotTask -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotValidationFailed,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -Be $repository
            $errors[0].ErrorDetails.Message | Should -BeLike '*Validation Failed*'
            @(Get-EmulatorRequest $emulator) | Should -HaveCount 1
        }

        It 'names the prompt of the task that was refused, and the next prompt still starts' {
            Add-EmulatorFault $emulator -Kind status -Status 422 -Method POST

            $tasks = 'Refused prompt', 'Accepted prompt' | New-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks | Should -HaveCount 1
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotValidationFailed,*'
            $errors[0].ErrorDetails.Message | Should -BeLike '*Refused prompt*'
            $errors[0].TargetObject.Prompt | Should -Be 'Refused prompt'
            $errors[0].TargetObject.Repository | Should -Be $repository
        }
    }

    Context 'CopilotRateLimited' {
        It 'reports a rate limit whose wait is too long to sleep through, with the wait asked for' -ForEach @(
            @{ Kind = 'rate_limit' }
            @{ Kind = 'secondary_rate_limit' }
        ) {
            Add-EmulatorFault $emulator -Kind $Kind -RetryAfter 3600

            $null = Get-CopilotTask -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotRateLimited,*'
            $errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $errors[0].Exception.RetryAfter.TotalSeconds | Should -Be 3600
            @(Get-EmulatorRequest $emulator) | Should -HaveCount 1
        }

        It 'waits out a short rate limit and succeeds' {
            $ids = @(New-EmulatorTask $emulator -Count 2)
            Add-EmulatorFault $emulator -Kind rate_limit -RetryAfter 1

            $tasks = Get-CopilotTask -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -BeNullOrEmpty
            @($tasks.Id | Sort-Object) | Should -Be @($ids | Sort-Object)
            @(Get-EmulatorRequest $emulator) | Should -HaveCount 2
        }
    }

    Context 'CopilotServerError' {
        It 'is reported after the retries a GET is allowed' {
            Add-EmulatorFault $emulator -Kind status -Status 500 -RetryAfter 0 -Count 20

            $null = Get-CopilotTask -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotServerError,*'
            $errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $errors[0].Exception.StatusCode | Should -Be 500
            $requests = @(Get-EmulatorRequest $emulator)
            $requests.Count | Should -BeGreaterThan 1
            $requests.status | Select-Object -Unique | Should -Be 500
        }

        It 'is not reported when a retry succeeds' {
            $ids = @(New-EmulatorTask $emulator -Count 1)
            Add-EmulatorFault $emulator -Kind status -Status 502 -RetryAfter 0

            $tasks = Get-CopilotTask -Repository $repository -ErrorVariable errors -ErrorAction SilentlyContinue

            $errors | Should -BeNullOrEmpty
            $tasks.Id | Should -Be $ids
        }

        It 'never retries a start, so no task is started twice' {
            Add-EmulatorFault $emulator -Kind status -Status 500 -RetryAfter 0 -Count 20 -Method POST

            $null = New-CopilotTask -Prompt 'Only once' -ErrorVariable errors -ErrorAction SilentlyContinue

            # A 500 leaves open whether GitHub acted: the task is looked for (one GET), never started again.
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotStartUnconfirmed,*'
            $errors[0].Exception.InnerException.ErrorId | Should -Be 'CopilotServerError'
            @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST') | Should -HaveCount 1
        }

        It 'returns the task of a start whose connection broke after the server acted, with a warning' {
            Add-EmulatorFault $emulator -Kind drop_after -Method POST

            $task = New-CopilotTask -Prompt 'Maybe started' -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue

            $errors | Should -BeNullOrEmpty
            $task.Name | Should -Be 'Maybe started'
            "$warnings" | Should -BeLike '*not started twice*'
            @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST') | Should -HaveCount 1
            @(Get-CopilotTask -Repository $repository) | Should -HaveCount 1
        }
    }

    Context 'CopilotListingIncomplete' {
        It 'says a listing stopped short, and after how many tasks, when a later page fails' {
            $null = New-EmulatorTask $emulator -Count 5
            $written = 0

            Get-CopilotTask -Repository $repository -PageSize 2 -OperationTimeoutSeconds 2 -ErrorVariable errors -ErrorAction SilentlyContinue |
                ForEach-Object {
                    # Once the first page has streamed out, the next page request fails for good.
                    if ($written -eq 0) { Add-EmulatorFault $emulator -Kind status -Status 500 -Count 50 -Method GET }
                    $written++
                }

            $written | Should -Be 2
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotListingIncomplete,*'
            $errors[0].Exception.Message | Should -BeLike '*incomplete*after 2 tasks*'
            $errors[0].Exception.Delivered | Should -Be 2
            $errors[0].Exception.InnerException.ErrorId | Should -Be 'CopilotServerError'
        }
    }

    Context 'CopilotTokenMissing' {
        BeforeEach {
            Disconnect-CopilotAgent
        }

        It 'stops the command (terminating AuthenticationError) when there is no token anywhere' {
            $record = { Get-CopilotTask } | Should -Throw -ErrorId 'CopilotTokenMissing,*' -PassThru

            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $record.Exception.Message | Should -BeLike '*GH_TOKEN*'
        }

        It 'makes no request' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Repository $repository -WarningAction SilentlyContinue

            { 'First', 'Second' | New-CopilotTask } | Should -Throw -ErrorId 'CopilotTokenMissing,*'
            { Wait-CopilotTask -Id 'any-task' } | Should -Throw -ErrorId 'CopilotTokenMissing,*'

            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'ignores GH_TOKEN and GITHUB_TOKEN of only white space' {
            $env:GH_TOKEN = ' '
            $env:GITHUB_TOKEN = ''
            try {
                { Get-CopilotTask } | Should -Throw -ErrorId 'CopilotTokenMissing,*'
            }
            finally {
                Remove-Item Env:\GH_TOKEN, Env:\GITHUB_TOKEN -ErrorAction SilentlyContinue
            }
        }
    }

    Context 'CopilotInvalidBaseUri' {
        It 'refuses plain http to a host other than loopback in Connect-CopilotAgent' {
            $record = { Connect-CopilotAgent -BaseUri 'http://example.com' -Token 'errors-token' } |
                Should -Throw -ErrorId 'CopilotInvalidBaseUri,*' -PassThru

            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.Exception.Message | Should -BeLike '*https*'
        }

        It 'refuses user information in the base URI without repeating it' {
            $record = { Connect-CopilotAgent -BaseUri 'https://user:secret-in-uri@example.com' -Token 'errors-token' } |
                Should -Throw -ErrorId 'CopilotInvalidBaseUri,*' -PassThru

            $record.Exception.Message | Should -Not -BeLike '*secret-in-uri*'
        }

        It 'refuses a GITHUB_API_URL of plain http to another host when a cmdlet runs' {
            Disconnect-CopilotAgent
            $env:GITHUB_API_URL = 'http://example.com'
            try {
                { Get-CopilotTask -Token 'errors-token' } | Should -Throw -ErrorId 'CopilotInvalidBaseUri,*'
            }
            finally {
                Remove-Item Env:\GITHUB_API_URL -ErrorAction SilentlyContinue
            }
        }
    }
}
