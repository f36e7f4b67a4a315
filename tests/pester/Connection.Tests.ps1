Describe 'Connect-CopilotAgent, Disconnect-CopilotAgent and Get-CopilotAgentConnection' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        $connectionToken = 'connection-token-4b1d'

        # The token each API request carried, as the emulator logged it (a SHA-256, never the token).
        function Get-RequestTokenHash {
            @(Get-EmulatorRequest $emulator).auth_sha256
        }
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Disconnect-CopilotAgent
        foreach ($name in 'GH_TOKEN', 'GITHUB_TOKEN', 'GITHUB_API_URL') {
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    Context 'Connect-CopilotAgent' {
        It 'keeps the base URI, the token and a default repository, and makes no request' {
            $info = Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository -PassThru

            $info | Should -BeOfType 'AgentTasks.Core.Models.CopilotAgentConnection'
            $info.BaseUri.AbsoluteUri | Should -Be "$($emulator.BaseUri)/"
            $info.DefaultRepository | Should -Be $repository
            $info.TokenSource | Should -Be 'Connect-CopilotAgent'
            $info.HasToken | Should -BeTrue
            $info.ApiVersion | Should -Match '^\d{4}-\d{2}-\d{2}$'
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        It 'writes nothing without -PassThru' {
            $output = Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken

            $output | Should -BeNullOrEmpty
        }

        It 'is what the other cmdlets use' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository

            $task = New-CopilotTask -Prompt 'Uses the connection'

            $task.Repository | Should -Be $repository
            Get-RequestTokenHash | Should -Be (Get-TokenHash $connectionToken)
        }

        It 'takes the token as a SecureString' {
            $secure = ConvertTo-SecureString -String $connectionToken -AsPlainText -Force
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $secure

            $null = Get-CopilotTask

            Get-RequestTokenHash | Should -Be (Get-TokenHash $connectionToken)
        }

        It 'sends -ApiVersion as X-GitHub-Api-Version' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -ApiVersion '2025-11-28'

            $null = Get-CopilotTask

            (Get-EmulatorRequest $emulator).headers.'x-github-api-version' | Should -Be '2025-11-28'
            (Get-CopilotAgentConnection).ApiVersion | Should -Be '2025-11-28'
        }

        It 'rejects an -ApiVersion that is not a date, at binding: <Case>' -ForEach @(
            @{ Case = 'a word'; Version = 'v3' }
            @{ Case = 'a trailing newline'; Version = "2026-03-10`n" }
            @{ Case = 'non-ASCII digits'; Version = -join ([char[]] @(0x0662, 0x0660, 0x0662, 0x0666)) + '-03-10' }
            @{ Case = 'a day that does not exist'; Version = '2026-02-30' }
        ) {
            { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -ApiVersion $Version } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }

        It 'rejects a malformed default repository' {
            { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository 'no-slash' } |
                Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        }

        It 'accepts an https base URI such as GitHub Enterprise Server''s, without a request' {
            $info = Connect-CopilotAgent -BaseUri 'https://ghes.example.com/api/v3' -Token $connectionToken -PassThru

            $info.BaseUri.AbsoluteUri | Should -Be 'https://ghes.example.com/api/v3/'
        }

        It 'accepts http to localhost' {
            $info = Connect-CopilotAgent -BaseUri 'http://localhost:5099' -Token $connectionToken -PassThru

            $info.BaseUri.AbsoluteUri | Should -Be 'http://localhost:5099/'
        }

        It 'warns when there is no token anywhere' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -HaveCount 1
            "$($warnings[0])" | Should -BeLike '*GH_TOKEN*'
        }

        It 'keeps the previous connection when the new one is refused' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository

            { Connect-CopilotAgent -BaseUri 'http://example.com' -Token 'other' } | Should -Throw -ErrorId 'CopilotInvalidBaseUri,*'

            $info = Get-CopilotAgentConnection
            $info.BaseUri.AbsoluteUri | Should -Be "$($emulator.BaseUri)/"
            $info.DefaultRepository | Should -Be $repository
        }
    }

    Context 'Where the token and base URI come from' {
        It 'prefers -Token on the call to the connection''s' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken

            $null = Get-CopilotTask -Token 'call-token'
            $null = Get-CopilotTask

            Get-RequestTokenHash | Should -Be @((Get-TokenHash 'call-token'), (Get-TokenHash $connectionToken))
        }

        It 'prefers the connection''s token to GH_TOKEN' {
            $env:GH_TOKEN = 'gh-token-from-environment'
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken

            $null = Get-CopilotTask

            Get-RequestTokenHash | Should -Be (Get-TokenHash $connectionToken)
        }

        It 'prefers GH_TOKEN to GITHUB_TOKEN' {
            $env:GH_TOKEN = 'gh-token-from-environment'
            $env:GITHUB_TOKEN = 'github-token-from-environment'
            Connect-CopilotAgent -BaseUri $emulator.BaseUri

            $null = Get-CopilotTask

            Get-RequestTokenHash | Should -Be (Get-TokenHash 'gh-token-from-environment')
            (Get-CopilotAgentConnection).TokenSource | Should -Be 'GH_TOKEN'
        }

        It 'uses GITHUB_TOKEN last' {
            $env:GITHUB_TOKEN = 'github-token-from-environment'
            Connect-CopilotAgent -BaseUri $emulator.BaseUri

            $null = Get-CopilotTask

            Get-RequestTokenHash | Should -Be (Get-TokenHash 'github-token-from-environment')
            (Get-CopilotAgentConnection).TokenSource | Should -Be 'GITHUB_TOKEN'
        }

        It 'uses GITHUB_API_URL and GH_TOKEN with no connection at all' {
            $env:GITHUB_API_URL = $emulator.BaseUri
            $env:GH_TOKEN = 'gh-token-from-environment'

            $null = Get-CopilotTask

            Get-RequestTokenHash | Should -Be (Get-TokenHash 'gh-token-from-environment')
            $info = Get-CopilotAgentConnection
            $info.BaseUri.AbsoluteUri | Should -Be "$($emulator.BaseUri)/"
            $info.TokenSource | Should -Be 'GH_TOKEN'
        }
    }

    Context 'Get-CopilotAgentConnection' {
        It 'shows where the token comes from and never the token' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository

            $info = Get-CopilotAgentConnection

            $info.TokenSource | Should -Be 'Connect-CopilotAgent'
            ($info | Format-List * -Force | Out-String) | Should -Not -BeLike "*$connectionToken*"
            ($info | Format-Table * | Out-String) | Should -Not -BeLike "*$connectionToken*"
            ($info | ConvertTo-Json | Out-String) | Should -Not -BeLike "*$connectionToken*"
            ($info.PSObject.Properties | ForEach-Object { "$($_.Value)" }) -join ' ' | Should -Not -BeLike "*$connectionToken*"
        }

        It 'shows the defaults when not connected' {
            $info = Get-CopilotAgentConnection

            $info.BaseUri.AbsoluteUri | Should -Be 'https://api.github.com/'
            $info.TokenSource | Should -Be 'none'
            $info.HasToken | Should -BeFalse
            $info.DefaultRepository | Should -BeNullOrEmpty
        }
    }

    Context 'Disconnect-CopilotAgent' {
        It 'forgets the connection' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository

            Disconnect-CopilotAgent

            $info = Get-CopilotAgentConnection
            $info.TokenSource | Should -Be 'none'
            $info.DefaultRepository | Should -BeNullOrEmpty
            $info.BaseUri.AbsoluteUri | Should -Be 'https://api.github.com/'
            { Get-CopilotTask } | Should -Throw -ErrorId 'CopilotTokenMissing,*'
        }

        It 'can be called when not connected' {
            { Disconnect-CopilotAgent; Disconnect-CopilotAgent } | Should -Not -Throw
        }
    }

    Context 'One connection per runspace' {
        It 'is not seen from a new runspace' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository

            $result = Invoke-InNewRunspace -ScriptBlock { Get-CopilotAgentConnection }

            $result.Errors | Should -BeNullOrEmpty
            $result.Output | Should -HaveCount 1
            $result.Output[0].TokenSource | Should -Be 'none'
            $result.Output[0].DefaultRepository | Should -BeNullOrEmpty
            $result.Output[0].BaseUri.AbsoluteUri | Should -Be 'https://api.github.com/'
            (Get-CopilotAgentConnection).TokenSource | Should -Be 'Connect-CopilotAgent'
        }

        It 'is out of what the prompt lists with Get-Variable and the variable: drive' {
            # Invoke-InNewRunspace sends its script as a host does, so it runs as typed at the prompt.
            $result = Invoke-InNewRunspace -Parameters @{ BaseUri = $emulator.BaseUri } -ScriptBlock {
                param($BaseUri)
                Connect-CopilotAgent -BaseUri $BaseUri -Token 'listed-token' -Repository 'octo-org/widgets'
                [pscustomobject]@{
                    Variables  = @(Get-Variable | ForEach-Object { "$($_.Name)=$($_.Value)" })
                    Drive      = @(Get-ChildItem variable: | ForEach-Object Name)
                    Connection = Get-CopilotAgentConnection
                }
            }

            $result.Errors | Should -BeNullOrEmpty
            $result.Output[0].Connection.DefaultRepository | Should -Be 'octo-org/widgets'
            $result.Output[0].Variables | Should -Not -BeNullOrEmpty
            $result.Output[0].Variables | Should -Not -BeLike '*AgentTasks*'
            $result.Output[0].Drive | Should -Not -BeLike '*AgentTasks*'
        }

        It 'is forgotten when PowerShell resets a runspace for reuse (runspace pools, ForEach-Object -Parallel)' {
            $manifest = Get-BuiltModuleManifest
            # What a pool does to a runspace it hands out again (ForEach-Object -Parallel in PSTask.cs): ResetRunspaceState.
            $powershell = [powershell]::Create()
            try {
                $null = $powershell.AddScript("Import-Module '$($manifest.Replace("'", "''"))'; Connect-CopilotAgent -BaseUri '$($emulator.BaseUri)' -Token reset-token").Invoke()
                $powershell.Runspace.ResetRunspaceState()
                $powershell.Commands.Clear()
                $powershell.AddCommand('Get-CopilotAgentConnection').Invoke()[0].TokenSource | Should -Be 'none'
            }
            finally {
                $powershell.Dispose()
            }

            if ($PSVersionTable.PSVersion.Major -ge 7) {
                # One runspace reused for every item: each must start unconnected although the one before connected.
                $seen = 1..3 | ForEach-Object -ThrottleLimit 1 -Parallel {
                    Import-Module $using:manifest
                    (Get-CopilotAgentConnection).TokenSource
                    Connect-CopilotAgent -BaseUri $using:emulator.BaseUri -Token "parallel-token-$_"
                }
                $seen | Should -Be @('none', 'none', 'none')
            }
        }

        It 'is not changed by a connection made in another runspace' {
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $connectionToken -Repository $repository

            $result = Invoke-InNewRunspace -ScriptBlock {
                param($BaseUri)
                Connect-CopilotAgent -BaseUri $BaseUri -Token 'other-runspace-token' -Repository 'octo-org/widgets'
                Disconnect-CopilotAgent
            } -Parameters @{ BaseUri = $emulator.BaseUri }

            $result.Errors | Should -BeNullOrEmpty
            $info = Get-CopilotAgentConnection
            $info.TokenSource | Should -Be 'Connect-CopilotAgent'
            $info.DefaultRepository | Should -Be $repository
            $null = Get-CopilotTask
            Get-RequestTokenHash | Should -Be (Get-TokenHash $connectionToken)
        }
    }
}
