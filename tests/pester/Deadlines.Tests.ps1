# Deadlines an unattended run can rely on, against a port that takes connections and never answers (the listener
# is started and never accepts: the operating system completes the handshake and nothing reads the request).
Describe 'Deadlines' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $null = Initialize-AgentTasksTest
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start(64)
        $silentUri = "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
    }

    AfterAll {
        $silent.Stop()
        Complete-AgentTasksTest
    }

    BeforeEach {
        Connect-CopilotAgent -BaseUri $silentUri -Token 'deadline-token' -Repository 'octocat/hello-world'
    }

    It 'Wait-CopilotTask -Timeout bounds the whole wait, requests in flight included' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $tasks = Wait-CopilotTask -Id 't1' -Timeout 3 -ErrorVariable errors -ErrorAction SilentlyContinue
        $watch.Stop()

        $tasks | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTimeout,*'
        "$($errors[0].TargetObject)" | Should -Be 't1'
        # One request alone would take 30 s (the default request timeout); 10 s leaves room for a slow machine.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It '-OperationTimeoutSeconds bounds one call across its retries' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $null = Get-CopilotTask -Id 't1' -RequestTimeoutSeconds 1 -OperationTimeoutSeconds 2 -ErrorVariable errors -ErrorAction SilentlyContinue
        $watch.Stop()

        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'CopilotTimeout,*'
        $errors[0].Exception.Message | Should -BeLike '*time budget of 2 s*'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
    }

    It 'Connect-CopilotAgent keeps the timeouts for the calls of the runspace' {
        Connect-CopilotAgent -BaseUri $silentUri -Token 'deadline-token' -RequestTimeoutSeconds 1 -OperationTimeoutSeconds 2

        $null = Get-CopilotTask -Id 't1' -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].Exception.Message | Should -BeLike '*time budget of 2 s*'
    }

    It 'refuses timeouts outside their ranges before any request' -ForEach @(
        @{ Parameters = @{ RequestTimeoutSeconds = 0 } }
        @{ Parameters = @{ OperationTimeoutSeconds = -1 } }
        @{ Parameters = @{ RequestTimeoutSeconds = 3601 } }
    ) {
        { Get-CopilotTask -Id 't1' @Parameters } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}
