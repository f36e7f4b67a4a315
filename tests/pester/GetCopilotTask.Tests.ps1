Describe 'Get-CopilotTask' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        $repositoryPath = '/agents/repos/octocat/hello-world/tasks'

        # The API requests since the last reset (seeding is not one), with the query string decoded.
        function Get-ApiRequest {
            foreach ($request in @(Get-EmulatorRequest $emulator)) {
                [pscustomobject]@{ Method = $request.method; Path = $request.path; Query = [uri]::UnescapeDataString($request.query) }
            }
        }
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'get-task-token' -Repository $repository
    }

    Context 'Parameter sets' {
        BeforeEach {
            $mine = @(New-EmulatorTask $emulator -Count 3) + @(New-EmulatorTask $emulator -Owner 'octo-org' -Repo 'widgets' -Count 2)
            $theirs = @(New-EmulatorTask $emulator -Count 2 -CreatorId 7)
        }

        It 'lists the user''s own tasks across repositories by default (User set)' {
            $tasks = Get-CopilotTask

            $tasks | Should -HaveCount 5
            @($tasks.Id | Sort-Object) | Should -Be @($mine | Sort-Object)
            $tasks | Should -BeOfType 'AgentTasks.Core.Models.CopilotTask'
            # One listing, then one request per repository to name it (the items carry only its id).
            @((Get-ApiRequest).Path | Where-Object { $_ -notlike '/repositories/*' }) | Should -Be '/agents/tasks'
            $tasks.Repository | Should -Not -Contain $null
        }

        It 'lists one repository''s tasks, whoever created them, with -Repository' {
            $tasks = Get-CopilotTask -Repository $repository

            $tasks | Should -HaveCount 5
            @($tasks.Id | Sort-Object) | Should -Be @(@($mine[0..2]) + $theirs | Sort-Object)
            $tasks.Repository | Select-Object -Unique | Should -Be $repository
            (Get-ApiRequest).Path | Should -Be $repositoryPath
        }

        It 'takes the repository by position' {
            $tasks = Get-CopilotTask 'octo-org/widgets'

            $tasks | Should -HaveCount 2
            (Get-ApiRequest).Path | Should -Be '/agents/repos/octo-org/widgets/tasks'
        }

        It 'lists one repository''s tasks with -Owner and -Repo' {
            $tasks = Get-CopilotTask -Owner 'octo-org' -Repo 'widgets'

            $tasks | Should -HaveCount 2
            $tasks.Repository | Select-Object -Unique | Should -Be 'octo-org/widgets'
            (Get-ApiRequest).Path | Should -Be '/agents/repos/octo-org/widgets/tasks'
        }

        It 'lists the most recently updated first' {
            $tasks = Get-CopilotTask -Repository 'octo-org/widgets'

            $tasks[0].UpdatedAt | Should -BeGreaterThan $tasks[1].UpdatedAt
        }

        It 'gets a task by -Id, with its sessions' {
            $task = Get-CopilotTask -Id $mine[0]

            $task | Should -HaveCount 1
            $task.Id | Should -Be $mine[0]
            $task.Sessions | Should -HaveCount 1
            $task.Sessions[0].TaskId | Should -Be $mine[0]
            (Get-ApiRequest).Path | Should -Be "/agents/tasks/$($mine[0])"
        }

        It 'asks again conditionally: a second command for an unchanged task gets a 304' {
            $first = Get-CopilotTask -Id $mine[0]
            $second = Get-CopilotTask -Id $mine[0]

            $second.Id | Should -Be $first.Id
            @(Get-EmulatorRequest $emulator).status | Should -Be @(200, 304)
        }

        It 'gets a task of a known repository by -Id and -Repository' {
            $task = Get-CopilotTask -Id $mine[0] -Repository $repository

            $task.Repository | Should -Be $repository
            $task.Sessions | Should -HaveCount 1
            (Get-ApiRequest).Path | Should -Be "$repositoryPath/$($mine[0])"
        }

        It 'gets several tasks by -Id, in order' {
            $tasks = Get-CopilotTask -Id $mine[1], $mine[0]

            $tasks.Id | Should -Be @($mine[1], $mine[0])
        }

        It 'accepts the alias -TaskId' {
            (Get-CopilotTask -TaskId $mine[0]).Id | Should -Be $mine[0]
        }

        It 'rejects a task id with a slash, "..", or white space before any request' -ForEach @(
            @{ BadId = 'a/b' }
            @{ BadId = '..' }
            @{ BadId = 'has space' }
        ) {
            { Get-CopilotTask -Id $BadId } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            @(Get-ApiRequest).Count | Should -Be 0
        }

        It 'rejects a malformed repository before any request' -ForEach @(
            @{ BadRepository = 'no-slash'; ErrorId = 'CopilotInvalidArgument'; Message = "*'no-slash' is not a repository: expected 'owner/repo'*" }
            @{ BadRepository = 'too/many/parts'; ErrorId = 'ParameterArgumentTransformationError'; Message = "*'too/many/parts' is not a repository: expected 'owner/repo'*" }
            @{ BadRepository = 'spaces in/name'; ErrorId = 'ParameterArgumentTransformationError'; Message = "*'spaces in' is not a repository owner*" }
        ) {
            # Text shaped like a task id is left for -Id by position, so named it is refused by the cmdlet; other text
            # fails in the module's transformation, while the parameter is bound.
            $record = { Get-CopilotTask -Repository $BadRepository } | Should -Throw -PassThru
            $record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $record.Exception.Message | Should -BeLike $Message
            @(Get-ApiRequest).Count | Should -Be 0
        }

        It 'rejects an empty -Repository (allowed at binding for piped tasks of unknown repository) before any request' {
            { Get-CopilotTask -Repository '' } | Should -Throw -ErrorId 'CopilotInvalidArgument,*'
            @(Get-ApiRequest).Count | Should -Be 0
        }
    }

    Context 'The pipeline' {
        BeforeEach {
            $ids = @(New-EmulatorTask $emulator -Count 3)
        }

        It 'gets tasks by ids from the pipeline' {
            $tasks = $ids | Get-CopilotTask

            $tasks.Id | Should -Be $ids
            (Get-ApiRequest).Path | Should -Be @($ids | ForEach-Object { "/agents/tasks/$_" })
        }

        It 'reads each listed task again in full, in its repository, when task objects are piped' {
            $tasks = Get-CopilotTask -Repository $repository | Get-CopilotTask

            $tasks | Should -HaveCount 3
            foreach ($task in $tasks) {
                $task.Sessions | Should -HaveCount 1
                $task.Repository | Should -Be $repository
            }
            $paths = @((Get-ApiRequest).Path)
            $paths[0] | Should -Be $repositoryPath
            $paths[1..3] | Should -Be @($tasks | ForEach-Object { "$repositoryPath/$($_.Id)" })
        }

        It 'gets tasks from the user listing (no repository known) through /agents/tasks/{id}' {
            # The token may not see the repository, so it cannot be named: the tasks keep only its id.
            Add-EmulatorFault $emulator -Kind status -Status 404 -PathPrefix '/repositories/' -Count 10
            $tasks = Get-CopilotTask | Get-CopilotTask

            $tasks | Should -HaveCount 3
            @((Get-ApiRequest).Path | Where-Object { $_ -like '/agents/*' } | Select-Object -Skip 1) | Should -Be @($tasks | ForEach-Object { "/agents/tasks/$($_.Id)" })
        }

        It 'gets tasks from the user listing through their repository once it is named' {
            $tasks = Get-CopilotTask | Get-CopilotTask

            $tasks | Should -HaveCount 3
            @((Get-ApiRequest).Path | Where-Object { $_ -like '/agents/repos/*' }) | Should -Be @($tasks | ForEach-Object { "$repositoryPath/$($_.Id)" })
        }

        It 'gets a task just started by New-CopilotTask' {
            $task = New-CopilotTask -Prompt 'Round trip' | Get-CopilotTask

            $task.Sessions[0].Prompt | Should -BeExactly 'Round trip'
            (Get-ApiRequest).Path | Select-Object -Last 1 | Should -Be "$repositoryPath/$($task.Id)"
        }

        It 'binds a TaskId property to -Id' {
            $task = [pscustomobject]@{ TaskId = $ids[0] } | Get-CopilotTask

            $task.Id | Should -Be $ids[0]
        }

        It 'writes an error for a missing task and goes on with the next' {
            $tasks = 'missing-task', $ids[0] | Get-CopilotTask -ErrorVariable errors -ErrorAction SilentlyContinue

            $tasks.Id | Should -Be $ids[0]
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTaskNotFound,*'
            $errors[0].TargetObject | Should -Be 'missing-task'
        }
    }

    Context 'Filters' {
        It '-State takes several states in the API''s spelling' {
            $null = New-EmulatorTask $emulator -Count 3
            $failed = @(New-EmulatorTask $emulator -Count 2 -State failed)
            $timedOut = @(New-EmulatorTask $emulator -Count 1 -State timed_out)

            $tasks = Get-CopilotTask -Repository $repository -State failed, timed_out

            @($tasks.Id | Sort-Object) | Should -Be @($failed + $timedOut | Sort-Object)
            $tasks.State | Select-Object -Unique | Sort-Object | Should -Be @('Failed', 'TimedOut')
            (Get-ApiRequest).Query | Should -BeLike '*state=failed,timed_out*'
        }

        It '-State takes <State>' -ForEach @(
            @{ State = 'in_progress' }
            @{ State = 'InProgress' }
        ) {
            $null = New-EmulatorTask $emulator -Count 2
            $running = @(New-EmulatorTask $emulator -Count 2 -State in_progress)

            $tasks = Get-CopilotTask -Repository $repository -State $State

            @($tasks.Id | Sort-Object) | Should -Be @($running | Sort-Object)
            $tasks.State | Select-Object -Unique | Should -Be 'InProgress'
            (Get-ApiRequest).Query | Should -BeLike '*state=in_progress*'
        }

        It '-State filters the user''s listing too' {
            $failed = @(New-EmulatorTask $emulator -Count 1 -State failed)
            $null = New-EmulatorTask $emulator -Count 2

            $tasks = Get-CopilotTask -State failed

            $tasks.Id | Should -Be $failed
            @((Get-ApiRequest).Path | Where-Object { $_ -notlike '/repositories/*' }) | Should -Be '/agents/tasks'
        }

        It 'rejects an unknown state before any request' {
            { Get-CopilotTask -Repository $repository -State 'finished' } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
            @(Get-ApiRequest).Count | Should -Be 0
        }

        It '-Since keeps the tasks updated at or after it' {
            # Seeded tasks: created 10..1 minutes ago, updated 30 s after; 3 min 45 s ago keeps the last four.
            $null = New-EmulatorTask $emulator -Count 10
            $since = [DateTime]::UtcNow.AddSeconds(-225)

            $tasks = Get-CopilotTask -Repository $repository -Since $since

            $tasks | Should -HaveCount 4
            foreach ($task in $tasks) {
                $task.UpdatedAt | Should -BeGreaterOrEqual ([DateTimeOffset] $since).AddSeconds(-1)
            }
            (Get-ApiRequest).Query | Should -BeLike '*since=*'
        }

        It '-Archived lists only archived tasks' {
            $null = New-EmulatorTask $emulator -Count 3
            $archived = @(New-EmulatorTask $emulator -Count 2 -Archived)

            $tasks = Get-CopilotTask -Repository $repository -Archived

            @($tasks.Id | Sort-Object) | Should -Be @($archived | Sort-Object)
            $tasks.IsArchived | Select-Object -Unique | Should -BeTrue
            (Get-ApiRequest).Query | Should -BeLike '*is_archived=true*'
        }

        It 'lists only tasks not archived without -Archived' {
            $active = @(New-EmulatorTask $emulator -Count 3)
            $null = New-EmulatorTask $emulator -Count 2 -Archived

            $tasks = Get-CopilotTask -Repository $repository

            @($tasks.Id | Sort-Object) | Should -Be @($active | Sort-Object)
        }

        It '-CreatorId keeps the tasks of those users' {
            $null = New-EmulatorTask $emulator -Count 3
            $seventh = @(New-EmulatorTask $emulator -Count 2 -CreatorId 7)
            $eighth = @(New-EmulatorTask $emulator -Count 1 -CreatorId 8)

            $tasks = Get-CopilotTask -Repository $repository -CreatorId 7

            @($tasks.Id | Sort-Object) | Should -Be @($seventh | Sort-Object)
            (Get-ApiRequest).Query | Should -BeLike '*creator_id=7*'

            $tasks = Get-CopilotTask -Repository $repository -CreatorId 7, 8
            @($tasks.Id | Sort-Object) | Should -Be @($seventh + $eighth | Sort-Object)
        }

        It '-CreatorId needs a repository' {
            { Get-CopilotTask -CreatorId 7 } | Should -Throw -ErrorId 'CopilotInvalidArgument,*' -ExpectedMessage '*give -Repository*'

            @(Get-ApiRequest).Count | Should -Be 0
        }

        It '-Sort and -Direction order the listing' {
            $null = New-EmulatorTask $emulator -Count 4

            $tasks = Get-CopilotTask -Repository $repository -Sort CreatedAt -Direction Ascending

            $tasks | Should -HaveCount 4
            ($tasks.Id -join ',') | Should -Be (($tasks | Sort-Object CreatedAt).Id -join ',')
            (Get-ApiRequest).Query | Should -BeLike '*sort=created_at*'
            (Get-ApiRequest).Query | Should -BeLike '*direction=asc*'

            $descending = Get-CopilotTask -Repository $repository -Sort CreatedAt -Direction Descending
            ($descending.Id -join ',') | Should -Be (($tasks.Id[3..0]) -join ',')
        }
    }

    Context 'Pages' {
        It 'rejects -PageSize <PageSize> before any request' -ForEach @(
            @{ PageSize = 0 }
            @{ PageSize = 101 }
        ) {
            { Get-CopilotTask -Repository $repository -PageSize $PageSize } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            @(Get-ApiRequest).Count | Should -Be 0
        }

        It 'follows the pages of -PageSize' {
            $ids = @(New-EmulatorTask $emulator -Count 5)

            $tasks = Get-CopilotTask -Repository $repository -PageSize 2

            @($tasks.Id | Sort-Object) | Should -Be @($ids | Sort-Object)
            $requests = @(Get-ApiRequest)
            $requests | Should -HaveCount 3
            $requests.Query | ForEach-Object { $_ | Should -BeLike '*per_page=2*' }
        }

        It 'never has two requests in flight, though it asks for the next page while the pipeline works' {
            $null = New-EmulatorTask $emulator -Count 30
            # Each answer held 50 ms, each task 5 ms in the pipeline: a request sent before the last was answered
            # would arrive while the emulator holds it.
            Add-EmulatorFault $emulator -Kind delay -DelayMs 50 -Percent 100 -Method GET

            $tasks = Get-CopilotTask -Repository $repository -PageSize 3 | ForEach-Object { Start-Sleep -Milliseconds 5; $_ }

            $requests = @(Get-EmulatorRequest $emulator)
            $requests.in_flight_on_arrival | Sort-Object -Unique | Should -Be @(0)
            $requests | Should -HaveCount 10
            $tasks | Should -HaveCount 30
        }

        It '-First 5 makes exactly one request' {
            $null = New-EmulatorTask $emulator -Count 30
            $newest = (Get-CopilotTask -Repository $repository).Id[0..4]
            $before = @(Get-ApiRequest).Count

            $tasks = Get-CopilotTask -Repository $repository -First 5

            $tasks.Id | Should -Be $newest
            $requests = @(Get-ApiRequest | Select-Object -Skip $before)
            $requests | Should -HaveCount 1
            $requests[0].Query | Should -BeLike '*per_page=5*'
        }

        It 'stops asking for pages when the pipeline has enough' {
            $null = New-EmulatorTask $emulator -Count 30

            $tasks = Get-CopilotTask -Repository $repository -PageSize 10 | Select-Object -First 3

            $tasks | Should -HaveCount 3
            @(Get-ApiRequest) | Should -HaveCount 1
        }

        It '-Skip leaves out the first tasks' {
            $null = New-EmulatorTask $emulator -Count 10
            $all = (Get-CopilotTask -Repository $repository).Id

            (Get-CopilotTask -Repository $repository -Skip 3).Id | Should -Be $all[3..9]
            (Get-CopilotTask -Repository $repository -Skip 3 -First 2).Id | Should -Be $all[3..4]
        }

        It '-Skip and -First work across pages' {
            $null = New-EmulatorTask $emulator -Count 10
            $all = (Get-CopilotTask -Repository $repository).Id
            $before = @(Get-ApiRequest).Count

            $tasks = Get-CopilotTask -Repository $repository -Skip 3 -First 2 -PageSize 2

            $tasks.Id | Should -Be $all[3..4]
            # Page 1 (tasks 0-1) is never asked for: page 2 skips task 2 and gives task 3, page 3 gives task 4.
            @(Get-ApiRequest | Select-Object -Skip $before | ForEach-Object { $_.Query -replace '.*[?&](page=\d+).*', '$1' }) | Should -Be @('page=2', 'page=3')
        }

        It '-IncludeTotalCount writes the count of matching tasks first' {
            $null = New-EmulatorTask $emulator -Count 7
            $null = New-EmulatorTask $emulator -Count 2 -Archived

            $output = @(Get-CopilotTask -Repository $repository -IncludeTotalCount -First 2)

            $output | Should -HaveCount 3
            $output[0] -is [uint64] | Should -BeTrue
            [uint64] $output[0] | Should -Be 7
            $output[0].Accuracy | Should -Be 1
            $output[1..2] | Should -BeOfType 'AgentTasks.Core.Models.CopilotTask'

            $archived = @(Get-CopilotTask -Repository $repository -Archived -IncludeTotalCount)
            [uint64] $archived[0] | Should -Be 2
            $archived | Should -HaveCount 3
        }
    }
}
