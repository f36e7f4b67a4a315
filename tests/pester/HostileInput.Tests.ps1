# Hostile input and crafted answers, through every cmdlet: each ends in an ErrorRecord whose FullyQualifiedErrorId starts
# with a Copilot ErrorId, or with PowerShell's binding error that carries the core's message (a refusal at binding), and
# never in a raw .NET exception. A local mistake sends nothing: the emulator's request log stays empty.
# Runs on Windows PowerShell 5.1: characters outside ASCII are made with [char], not "`u{...}".

BeforeDiscovery {
    function script:Text([int[]] $Codes) { -join ($Codes | ForEach-Object { [char] $_ }) }
    $esc = [char] 0x1B
    $nul = [char] 0
    $oUmlaut = [char] 0xF6
    $fullwidthTok = Text 0xFF54, 0xFF4F, 0xFF4B
    $fullwidthDots = Text 0xFF0E, 0xFF0E
    $oneDotLeaders = Text 0x2024, 0x2024
    $zeroWidthSpace = [char] 0x200B
    $arabicDate = Text 0x0662, 0x0660, 0x0662, 0x0666, 0x2D, 0x0660, 0x0663, 0x2D, 0x0661, 0x0660

    # Tokens HttpClient cannot put into an Authorization header (or cut at a NUL): refused before any request.
    $badTokens = @(
        @{ Name = 'a CR LF inside'; BadToken = "to`r`nken" }
        @{ Name = 'a LF inside'; BadToken = "to`nken" }
        @{ Name = 'a NUL inside'; BadToken = "tok${nul}x" }
        @{ Name = 'an escape sequence'; BadToken = "tok$esc[2J" }
        @{ Name = 'a space inside'; BadToken = 'to ken' }
        @{ Name = 'a tab inside'; BadToken = "to`tken" }
        @{ Name = 'a letter outside ASCII'; BadToken = "t${oUmlaut}k" }
        @{ Name = 'full-width look-alikes'; BadToken = $fullwidthTok }
        @{ Name = 'a zero-width space'; BadToken = "tok$zeroWidthSpace" }
    )

    # Task ids that are not one: PowerShell's binding error, with the core's message; nothing sent.
    $badIds = @(
        @{ Name = 'a dot (the list endpoint after dot-segment removal)'; BadId = '.' }
        @{ Name = 'two dots'; BadId = '..' }
        @{ Name = 'a slash'; BadId = 'a/b' }
        @{ Name = 'a backslash'; BadId = 'a\b' }
        @{ Name = 'escaped dots'; BadId = '%2e%2e' }
        @{ Name = 'an escaped slash'; BadId = 'a%2Fb' }
        @{ Name = 'a query mark'; BadId = 'a?b' }
        @{ Name = 'a fragment mark'; BadId = 'a#b' }
        @{ Name = 'a trailing newline'; BadId = "abc`n" }
        @{ Name = 'white space only'; BadId = ' ' }
        @{ Name = 'a space inside'; BadId = 'a b' }
        @{ Name = 'an escape sequence'; BadId = "$esc[31mred" }
        @{ Name = 'full-width dots'; BadId = $fullwidthDots }
        @{ Name = 'one-dot leaders'; BadId = $oneDotLeaders }
        @{ Name = 'a zero-width space'; BadId = "a${zeroWidthSpace}b" }
        @{ Name = '201 characters'; BadId = 'a' * 201 }
    )

    # -Owner and -Repo are plain strings: the core refuses them, as CopilotInvalidArgument.
    $badOwnerRepo = @(
        @{ Name = 'an owner with a trailing newline'; BadOwner = "octocat`n"; BadRepo = 'hello-world' }
        @{ Name = 'a repo with a trailing newline'; BadOwner = 'octocat'; BadRepo = "hello-world`n" }
        @{ Name = 'a repo of escaped dots'; BadOwner = 'octocat'; BadRepo = '%2e%2e' }
        @{ Name = 'a repo that is a dot and a newline'; BadOwner = 'octocat'; BadRepo = ".`n" }
        @{ Name = 'an owner of white space'; BadOwner = ' '; BadRepo = 'hello-world' }
        @{ Name = 'a full-width owner'; BadOwner = (Text 0xFF4F, 0xFF43, 0xFF54, 0xFF4F); BadRepo = 'hello-world' }
        @{ Name = 'a repo with a zero-width space'; BadOwner = 'octocat'; BadRepo = "hello$zeroWidthSpace" }
        @{ Name = 'an owner of 101 characters'; BadOwner = 'o' * 101; BadRepo = 'hello-world' }
        @{ Name = 'a repo with a NUL'; BadOwner = 'octocat'; BadRepo = "hello${nul}world" }
    )

    # -Repository is read at binding: PowerShell's transformation error, with the core's message.
    $badRepositories = @(
        @{ Name = 'an owner with a newline'; BadRepository = "octocat`n/hello-world" }
        @{ Name = 'a trailing newline'; BadRepository = "octocat/hello-world`n" }
        @{ Name = 'a leading space'; BadRepository = ' octocat/hello-world' }
        @{ Name = 'escaped dots'; BadRepository = 'octocat/%2e%2e' }
        @{ Name = 'an escaped newline'; BadRepository = 'octocat/hello%0A' }
        @{ Name = 'full-width letters'; BadRepository = ('octocat/' + (Text 0xFF52, 0xFF45, 0xFF50, 0xFF4F)) }
        @{ Name = 'a repo of 101 characters'; BadRepository = ('octocat/' + ('r' * 101)) }
        @{ Name = 'an escape sequence'; BadRepository = "octocat/$esc[2J" }
    )

    $badApiVersions = @(
        @{ Name = 'a trailing newline'; BadApiVersion = "2026-03-10`n" }
        @{ Name = 'Arabic-Indic digits'; BadApiVersion = $arabicDate }
        @{ Name = 'a date that does not exist'; BadApiVersion = '2026-02-30' }
        @{ Name = 'month 13'; BadApiVersion = '2026-13-45' }
    )
}

Describe 'Hostile input and crafted answers' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $repository = 'octocat/hello-world'
        $token = 'hostile-test-token'

        # Every ErrorRecord the command produced, non-terminating ones and the terminating one; it never throws.
        function Get-CommandError {
            param([Parameter(Mandatory)] [scriptblock] $Command)
            $records = New-Object System.Collections.Generic.List[object]
            try {
                & $Command 2>&1 | ForEach-Object {
                    if ($_ -is [System.Management.Automation.ErrorRecord]) { $records.Add($_) }
                }
            }
            catch {
                $records.Add($_)
            }
            , $records.ToArray()
        }

        # Records made by the module or by PowerShell's binder, at least one: each has one of the ids (a raw .NET
        # exception would have its type name there), a message with no control character (a refused value is shown
        # escaped) and without the C# parameter name .NET appends, and never repeats Secret.
        function Assert-CopilotError {
            param($Records, [string[]] $ErrorId, [string] $Secret)
            @($Records).Count | Should -BeGreaterThan 0
            foreach ($record in $Records) {
                ($record.FullyQualifiedErrorId -split ',')[0] | Should -BeIn $ErrorId
                $message = $record.ToString()
                $message | Should -Not -Match '[\x00-\x1F\x7F]'
                $message | Should -Not -BeLike "*(Parameter '*"
                if ($Secret) {
                    $message.Contains($Secret) | Should -BeFalse
                    $record.Exception.ToString().Contains($Secret) | Should -BeFalse
                }
            }
        }

        function Assert-NothingSent {
            @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        }

        $local = 'CopilotInvalidArgument'
        $binding = 'ParameterArgumentValidationError', 'ParameterArgumentTransformationError'
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    BeforeEach {
        Reset-Emulator $emulator
        Remove-Item Env:\GH_TOKEN, Env:\GITHUB_TOKEN, Env:\GITHUB_API_URL -ErrorAction SilentlyContinue
        Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $token -Repository $repository
    }

    Context 'A token that cannot go into a header: <Name>' -ForEach $badTokens {
        It 'is refused by every cmdlet that takes -Token, before anything is sent' {
            $secret = $BadToken
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Token $secret }) $local $secret
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Id 'a1b2c3d4' -Token $secret }) $local $secret
            Assert-CopilotError (Get-CommandError { New-CopilotTask -Prompt 'Hostile' -Token $secret }) $local $secret
            Assert-CopilotError (Get-CommandError { Wait-CopilotTask -Id 'a1b2c3d4' -Token $secret }) $local $secret
            Assert-CopilotError (Get-CommandError { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $secret }) $local $secret
            Assert-NothingSent
        }

        It 'is refused as a SecureString too' {
            $secure = ConvertTo-SecureString -String $BadToken -AsPlainText -Force
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Token $secure }) $local $BadToken
            Assert-NothingSent
        }
    }

    # An environment variable cannot hold a NUL (the process environment ends the value there).
    It 'refuses <Name> from GH_TOKEN and GITHUB_TOKEN, naming the variable; Get-CopilotAgentConnection shows no token' -ForEach ($badTokens | Where-Object { $_.BadToken.IndexOf([char] 0) -lt 0 }) {
        Disconnect-CopilotAgent
        $env:GITHUB_API_URL = $emulator.BaseUri
        foreach ($variable in 'GH_TOKEN', 'GITHUB_TOKEN') {
            Remove-Item Env:\GH_TOKEN, Env:\GITHUB_TOKEN -ErrorAction SilentlyContinue
            Set-Item -Path "Env:\$variable" -Value $BadToken
            $records = Get-CommandError { Get-CopilotTask }
            Assert-CopilotError $records $local $BadToken
            $records[0].ToString() | Should -BeLike "*$variable*"
            (Get-CopilotAgentConnection).TokenSource | Should -Be 'none'
            # Nothing to refuse for these three: they describe or forget, and send nothing.
            Get-CommandError { Connect-CopilotAgent -WarningAction SilentlyContinue; Disconnect-CopilotAgent; $null = Get-CopilotAgentConnection } |
                Should -BeNullOrEmpty
        }
        Assert-NothingSent
    }

    Context 'A task id that is not one: <Name>' -ForEach $badIds {
        It 'is refused at binding by Get-CopilotTask and Wait-CopilotTask, given or piped, before anything is sent' {
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Id $BadId }) $binding
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Id $BadId -Repository $repository }) $binding
            Assert-CopilotError (Get-CommandError { Wait-CopilotTask -Id $BadId -Timeout 1 }) $binding
            Assert-CopilotError (Get-CommandError { [pscustomobject]@{ Id = $BadId } | Wait-CopilotTask -Timeout 1 }) $binding
            Assert-NothingSent
        }
    }

    It 'refuses an empty task id at binding, with the core''s message' {
        Assert-CopilotError (Get-CommandError { Get-CopilotTask -Id '' }) $binding
        Assert-CopilotError (Get-CommandError { Wait-CopilotTask -Id '' }) $binding
        Assert-NothingSent
    }

    Context 'An owner or repo GitHub would not allow: <Name>' -ForEach $badOwnerRepo {
        It 'is refused by Get-CopilotTask and New-CopilotTask before anything is sent' {
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Owner $BadOwner -Repo $BadRepo }) $local
            Assert-CopilotError (Get-CommandError { New-CopilotTask -Prompt 'Hostile' -Owner $BadOwner -Repo $BadRepo }) $local
            Assert-CopilotError (Get-CommandError { New-CopilotTask -Prompt 'Hostile' -Owner $BadOwner -Repo $BadRepo -WhatIf }) $local
            Assert-NothingSent
        }
    }

    Context 'A repository GitHub would not allow: <Name>' -ForEach $badRepositories {
        It 'is refused at binding by every cmdlet that takes -Repository, before anything is sent' {
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Repository $BadRepository }) $binding
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Id 'a1b2c3d4' -Repository $BadRepository }) $binding
            Assert-CopilotError (Get-CommandError { New-CopilotTask -Prompt 'Hostile' -Repository $BadRepository }) $binding
            Assert-CopilotError (Get-CommandError { Wait-CopilotTask -Id 'a1b2c3d4' -Repository $BadRepository -Timeout 1 }) $binding
            Assert-CopilotError (Get-CommandError { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $token -Repository $BadRepository }) $binding
            Assert-NothingSent
            (Get-CopilotAgentConnection).DefaultRepository | Should -Be $repository
        }
    }

    Context 'An API version that cannot be sent: <Name>' -ForEach $badApiVersions {
        It 'is refused by Connect-CopilotAgent, which keeps the connection it had' {
            Assert-CopilotError (Get-CommandError { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $token -ApiVersion $BadApiVersion }) ($binding + $local)
            (Get-CopilotAgentConnection).ApiVersion | Should -Be '2026-03-10'
            $null = Get-CopilotTask
            (Get-EmulatorRequest $emulator).headers.'x-github-api-version' | Should -Be '2026-03-10'
        }
    }

    It 'refuses an API version that is not a date at binding' -ForEach @(
        @{ ApiVersion = 'latest' }
        @{ ApiVersion = '' }
        @{ ApiVersion = ' 2026-03-10' }
    ) {
        Assert-CopilotError (Get-CommandError { Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token $token -ApiVersion $ApiVersion }) $binding
    }

    Context 'A base URI with a control character or white space' {
        It 'is refused by Connect-CopilotAgent' {
            Assert-CopilotError (Get-CommandError { Connect-CopilotAgent -BaseUri "$($emulator.BaseUri)/api`nv3" -Token $token }) 'CopilotInvalidBaseUri'
            (Get-CopilotAgentConnection).BaseUri | Should -Be "$($emulator.BaseUri)/"
        }

        It 'is refused from GITHUB_API_URL by the cmdlets, and Get-CopilotAgentConnection shows none' {
            Disconnect-CopilotAgent
            $env:GITHUB_API_URL = "$($emulator.BaseUri)/a b"
            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Token $token }) 'CopilotInvalidBaseUri'
            Assert-CopilotError (Get-CommandError { New-CopilotTask -Prompt 'Hostile' -Repository $repository -Token $token }) 'CopilotInvalidBaseUri'
            Assert-CopilotError (Get-CommandError { Wait-CopilotTask -Id 'a1b2c3d4' -Token $token }) 'CopilotInvalidBaseUri'
            (Get-CopilotAgentConnection).BaseUri | Should -BeNullOrEmpty
            Assert-NothingSent
        }
    }

    Context 'Other hostile values' {
        It 'refuses <Name> before anything is sent' -ForEach @(
            @{ Name = 'an empty prompt'; Command = { New-CopilotTask -Prompt '' }; ErrorId = 'CopilotInvalidArgument' }
            @{ Name = 'a prompt of white space'; Command = { New-CopilotTask -Prompt " `t`n" }; ErrorId = 'CopilotInvalidArgument' }
            @{ Name = 'an empty -Repository'; Command = { Get-CopilotTask -Repository '' }; ErrorId = 'CopilotInvalidArgument' }
            @{ Name = 'a page size of 0'; Command = { Get-CopilotTask -PageSize 0 }; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'a page size of 101'; Command = { Get-CopilotTask -PageSize 101 }; ErrorId = 'ParameterArgumentValidationError' }
            # TaskStateTransformationAttribute passes the core's message on with " (Parameter 'text')".
            @{ Name = 'an unknown state'; Command = { Get-CopilotTask -State 'done' }; ErrorId = 'ParameterArgumentTransformationError' }
            # PowerShell binds the whole object as its text, @{Id=12}, before it tries the Id property with coercion.
            @{ Name = 'a piped object whose Id is a number'; Command = { [pscustomobject]@{ Id = 12 } | Get-CopilotTask }; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'a negative poll interval'; Command = { Wait-CopilotTask -Id 'a1b2c3d4' -PollInterval -1 }; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'an empty token'; Command = { Get-CopilotTask -Token '' }; ErrorId = 'ParameterArgumentTransformationError' }
            # Longer than a SecureString can hold: refused at binding, with the core's message.
            @{ Name = 'a token of 100,000 characters'; Command = { Get-CopilotTask -Token ('t' * 100000) }; ErrorId = 'ParameterArgumentTransformationError'; Like = '*100000 characters*' }
            @{ Name = 'a token of 5,000 characters'; Command = { Get-CopilotTask -Token ('t' * 5000) }; ErrorId = 'ParameterArgumentTransformationError'; Like = '*5000 characters*' }
            @{ Name = 'a SecureString token of 5,000 characters'; Command = { Get-CopilotTask -Token (ConvertTo-SecureString -String ('t' * 5000) -AsPlainText -Force) }; ErrorId = 'CopilotInvalidArgument'; Like = '*5000 characters*' }
            @{ Name = 'a parameter Disconnect-CopilotAgent does not have'; Command = { Disconnect-CopilotAgent -Token 'x' }; ErrorId = 'NamedParameterNotFound' }
            @{ Name = 'a parameter Get-CopilotAgentConnection does not have'; Command = { Get-CopilotAgentConnection -Token 'x' }; ErrorId = 'NamedParameterNotFound' }
        ) {
            $records = Get-CommandError $Command
            Assert-CopilotError $records $ErrorId
            if ($Like) {
                $records[0].ToString() | Should -BeLike $Like
            }
            Assert-NothingSent
        }
    }

    Context 'Crafted answers' {
        BeforeAll {
            $noId = '{"state":"queued","created_at":"2026-01-02T03:04:05Z"}'
            $proxyPage = '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>'
        }

        # A 201 may mean that a task exists: it is looked for (this fault served nothing, so there is none), reported as
        # unconfirmed with the unreadable answer inside, and never sent again.
        It 'reports a 201 without an id as an unconfirmed start with CopilotInvalidResponse inside, and does not start it again' {
            Add-EmulatorFault $emulator -Kind body -Status 201 -Body $noId -Method POST

            $records = Get-CommandError { New-CopilotTask -Prompt 'No id' }

            Assert-CopilotError $records 'CopilotStartUnconfirmed'
            $records[0].Exception.InnerException.ErrorId | Should -Be 'CopilotInvalidResponse'
            $records[0].ToString() | Should -BeLike '*may still appear*'
            @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST').Count | Should -Be 1
        }

        It 'reports a 201 without an id with -Wait as an unconfirmed start, and waits for nothing' {
            Add-EmulatorFault $emulator -Kind body -Status 201 -Body $noId -Method POST

            $records = Get-CommandError { New-CopilotTask -Prompt 'No id' -Wait -Timeout 5 }

            Assert-CopilotError $records 'CopilotStartUnconfirmed'
            @(Get-EmulatorRequest $emulator).method | Should -Be @('POST', 'GET')
        }

        It 'reports a 201 that is not JSON, a JSON array or empty as an unconfirmed start with CopilotInvalidResponse inside' -ForEach @(
            @{ Body = 'Created'; ContentType = 'text/plain' }
            @{ Body = '[]'; ContentType = $null }
            @{ Body = ''; ContentType = $null }
        ) {
            Add-EmulatorFault $emulator -Kind body -Status 201 -Body $Body -ContentType $ContentType -Method POST

            $records = Get-CommandError { New-CopilotTask -Prompt 'Not JSON' }
            Assert-CopilotError $records 'CopilotStartUnconfirmed'
            $records[0].Exception.InnerException.ErrorId | Should -Be 'CopilotInvalidResponse'
            @(Get-EmulatorRequest $emulator | Where-Object method -EQ 'POST').Count | Should -Be 1
        }

        It 'reports a list whose items lack ids as CopilotInvalidResponse, after the retries a GET is allowed' {
            Add-EmulatorFault $emulator -Kind body -Body ('{"tasks":[' + $noId + ',' + $noId + ']}') -Count 10

            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Repository $repository }) 'CopilotInvalidResponse'
            @(Get-EmulatorRequest $emulator).Count | Should -Be 5
        }

        It 'reports a proxy''s HTML error page by its status: <Status> is <ErrorId>' -ForEach @(
            @{ Status = 502; ErrorId = 'CopilotServerError' }
            @{ Status = 404; ErrorId = 'CopilotTaskNotFound' }
            @{ Status = 401; ErrorId = 'CopilotAuthenticationFailed' }
        ) {
            Add-EmulatorFault $emulator -Kind body -Status $Status -Body $proxyPage -ContentType 'text/html' -RetryAfter 0 -Count 10

            Assert-CopilotError (Get-CommandError { Get-CopilotTask -Id 'a1b2c3d4' }) $ErrorId
        }

        It 'keeps waiting through HTML error pages and ends in CopilotTimeout' {
            $id = @(New-EmulatorTask $emulator -State in_progress)[0]
            Add-EmulatorFault $emulator -Kind body -Status 503 -Body $proxyPage -ContentType 'text/html' -RetryAfter 0 -Count 100

            $records = Get-CommandError { Wait-CopilotTask -Id $id -Timeout 1 -WarningAction SilentlyContinue }

            Assert-CopilotError $records 'CopilotTimeout'
        }
    }
}
