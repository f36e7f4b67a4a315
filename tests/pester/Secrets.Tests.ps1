Describe 'The token stays secret' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        # A value that cannot turn up by chance.
        $sentinel = 'sentinel' + [guid]::NewGuid().ToString('N')
        $installationSentinel = 'ghs_' + $sentinel

        # Everything a record can show: its default view, every property, and for errors the exception, its inner
        # exceptions and the error details.
        function ConvertTo-FullText {
            param([Parameter(ValueFromPipeline)] $InputObject)
            process {
                if ($null -eq $InputObject) {
                    return
                }
                $InputObject | Out-String -Width 4096
                $InputObject | Format-List * -Force | Out-String -Width 4096
                if ($InputObject -is [System.Management.Automation.ErrorRecord]) {
                    $InputObject.ToString()
                    $InputObject.Exception.ToString()
                    $InputObject.Exception | Format-List * -Force | Out-String -Width 4096
                    $InputObject.ErrorDetails | Format-List * -Force | Out-String -Width 4096
                    $InputObject.CategoryInfo | Format-List * -Force | Out-String -Width 4096
                    "$($InputObject.TargetObject)"
                }
            }
        }

        # Runs a command with every stream merged into the output, verbose and debug on; a terminating error is
        # caught and kept with the rest.
        function Invoke-Captured {
            param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
            try {
                & $ScriptBlock *>&1
            }
            catch {
                $_
            }
        }
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        $Error.Clear()
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $sentinel -Repository $repository
    }

    It 'is in no record of any stream (output, error, warning, verbose, debug, information) through success and failure' {
        $seeded = @(New-EmulatorTask $emulator -Count 3)
        $records = @(
            Invoke-Captured { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $sentinel -Repository $repository -PassThru -Verbose -Debug }
            Invoke-Captured { Get-CopilotAgentConnection -Verbose -Debug }
            Invoke-Captured { New-CopilotTask -Prompt 'Keep the secret' -Wait -PollInterval 1 -Verbose -Debug }
            Invoke-Captured { Get-CopilotTask -Repository $repository -First 2 -Verbose -Debug }
            Invoke-Captured { $seeded | Get-CopilotTask -Verbose -Debug | Wait-CopilotTask -PollInterval 1 -Verbose -Debug }
            Invoke-Captured { Get-CopilotTask -Id 'no-such-task' -Verbose -Debug }
            Invoke-Captured { New-CopilotTask -Prompt 'Only looking' -WhatIf -Verbose -Debug }
            Invoke-Captured {
                Add-EmulatorFault $emulator -Kind status -Status 503 -RetryAfter 0 -Count 2
                Get-CopilotTask -Repository $repository -Verbose -Debug
            }
            Invoke-Captured {
                Add-EmulatorFault $emulator -Kind status -Status 422
                Get-CopilotTask -Repository $repository -Verbose -Debug
            }
            Invoke-Captured {
                Add-EmulatorFault $emulator -Kind rate_limit -RetryAfter 3600
                Get-CopilotTask -Repository $repository -Verbose -Debug
            }
            Invoke-Captured {
                Add-EmulatorFault $emulator -Kind status -Status 401
                Get-CopilotTask -Repository $repository -Verbose -Debug
            }
            Invoke-Captured { Get-CopilotTask -Repository $repository -Token $installationSentinel -Verbose -Debug }
            Invoke-Captured { New-CopilotTask -Prompt 'Never ends [end:in_progress]' -Wait -Timeout 1 -PollInterval 1 -Verbose -Debug }
        )

        # The checks below are only worth something if the commands really ran, with the token, and failed too.
        $streams = $records | ForEach-Object { $_.GetType().Name } | Select-Object -Unique
        $streams | Should -Contain 'VerboseRecord'
        $streams | Should -Contain 'ErrorRecord'
        $streams | Should -Contain 'CopilotTask'
        @(Get-EmulatorRequest $emulator).auth_sha256 | Should -Contain (Get-TokenHash $sentinel)
        @(Get-EmulatorRequest $emulator).auth_sha256 | Should -Contain (Get-TokenHash $installationSentinel)

        $text = ($records | ConvertTo-FullText) -join "`n"
        $text | Should -Not -BeLike "*$sentinel*"
    }

    It 'is in no error record left in $Error' {
        $null = Get-CopilotTask -Id 'no-such-task' -ErrorAction SilentlyContinue
        $null = Get-CopilotTask -Repository $repository -Token $installationSentinel -ErrorAction SilentlyContinue
        try { Get-CopilotTask -Id 'no-such-task' -ErrorAction Stop } catch { $null = $_ }
        Add-EmulatorFault $emulator -Kind status -Status 401
        try { Get-CopilotTask -Repository $repository } catch { $null = $_ }

        $Error.Count | Should -BeGreaterThan 0
        ($Error | Out-String -Width 4096) | Should -Not -BeLike "*$sentinel*"
        (($Error | ConvertTo-FullText) -join "`n") | Should -Not -BeLike "*$sentinel*"
    }

    It 'is in no progress record' {
        # Progress cannot be redirected; a runspace of its own collects it.
        $result = Invoke-InNewRunspace -ScriptBlock {
            param($BaseUri, $Token, $Repository)
            Connect-CopilotAgent -BaseUri $BaseUri -Token $Token -Repository $Repository
            New-CopilotTask -Prompt 'Show progress' | Wait-CopilotTask -PollInterval 1
            New-CopilotTask -Prompt 'Never ends [end:in_progress]' | Wait-CopilotTask -Timeout 1 -PollInterval 1
        } -Parameters @{ BaseUri = $emulator.BaseUri; Token = $sentinel; Repository = $repository }

        $result.Progress | Should -Not -BeNullOrEmpty
        $progressText = ($result.Progress | ForEach-Object { $_.Activity, $_.StatusDescription, $_.CurrentOperation, $_.ToString() }) -join "`n"
        $progressText | Should -Not -BeLike "*$sentinel*"
        $allText = (@($result.Output) + $result.Errors + $result.Warnings + $result.Verbose + $result.Information | ConvertTo-FullText) -join "`n"
        $allText | Should -Not -BeLike "*$sentinel*"
    }

    It 'is not shown by the connection, the tasks or their ToString()' {
        $task = New-CopilotTask -Prompt 'Look at me'
        $info = Get-CopilotAgentConnection

        ((@($task, $info) | ConvertTo-FullText) -join "`n") | Should -Not -BeLike "*$sentinel*"
        $task.ToString() | Should -Be $task.Id
        $info.ToString() | Should -Not -BeLike "*$sentinel*"
    }

    It 'given as a plain string to -Token, is bound as a SecureString (so error records do not carry it)' {
        $null = Get-CopilotTask -Id 'no-such-task' -Token $sentinel -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors | Should -HaveCount 1
        # PowerShell 7.6 leaves InvocationInfo.BoundParameters empty on error records, so the binding is checked on
        # the command, and what a user keeps of the record (Format-List, Export-Clixml) is searched for the token.
        (Get-Command -Name Get-CopilotTask).Parameters['Token'].ParameterType | Should -Be ([securestring])
        ($errors[0].InvocationInfo | Format-List * -Force | Out-String -Width 4096) | Should -Not -BeLike "*$sentinel*"
        [System.Management.Automation.PSSerializer]::Serialize($errors[0], 5) | Should -Not -BeLike "*$sentinel*"
    }
}
