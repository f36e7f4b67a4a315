Describe 'The AgentTasks module' {
    BeforeDiscovery {
        # One test case per cmdlet the built manifest exports (the list itself is checked below, against $expectedCmdlets).
        $manifestFile = [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'AgentTasks', 'AgentTasks.psd1')
        $everyCmdlet = @((Import-PowerShellDataFile -LiteralPath $manifestFile).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
        # Windows PowerShell 5.1 has no hook that stops Get-Help -Online from starting a browser.
        $noOnlineHelpHook = $PSVersionTable.PSVersion.Major -lt 6
    }

    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'AgentTasks.TestUtils.psm1') -Force
        $emulator = Initialize-AgentTasksTest
        $manifestPath = Get-BuiltModuleManifest
        $expectedCmdlets = @(
            'Connect-CopilotAgent'
            'Disconnect-CopilotAgent'
            'Get-CopilotAgentConnection'
            'Get-CopilotTask'
            'New-CopilotTask'
            'Show-CopilotTask'
            'Wait-CopilotTask'
        )
        # The one place the version is written.
        [xml] $buildProps = Get-Content -LiteralPath (Join-Path (Get-RepositoryRoot) 'Directory.Build.props') -Raw
        $versionPrefix = @($buildProps.Project.PropertyGroup | ForEach-Object { $_.VersionPrefix } | Where-Object { $_ })[0]
        $versionSuffix = @($buildProps.Project.PropertyGroup | ForEach-Object { $_.VersionSuffix } | Where-Object { $_ })[0]
    }

    AfterAll {
        Complete-AgentTasksTest
    }

    Context 'The manifest of the built module' {
        BeforeAll {
            $manifest = Test-ModuleManifest -Path $manifestPath -ErrorVariable manifestErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        }

        It 'passes Test-ModuleManifest: every file it lists is there' {
            $manifestErrors | Should -BeNullOrEmpty
            $manifest | Should -Not -BeNullOrEmpty
        }

        It 'carries the version of Directory.Build.props' {
            $manifest.Version.ToString() | Should -Be $versionPrefix
            "$($manifest.PrivateData.PSData.Prerelease)" | Should -Be "$versionSuffix"
            Get-Content -LiteralPath $manifestPath -Raw | Should -Not -BeLike '*{{*'
        }

        It 'exports exactly its seven cmdlets and nothing else' {
            @($manifest.ExportedCmdlets.Keys | Sort-Object) | Should -Be $expectedCmdlets
            $manifest.ExportedFunctions.Count | Should -Be 0
            $manifest.ExportedAliases.Count | Should -Be 0
            $manifest.ExportedVariables.Count | Should -Be 0
        }

        It 'is for Windows PowerShell 5.1 and PowerShell 7, and says so in its tags' {
            @($manifest.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
            $manifest.CompatiblePSEditions | Should -Contain $PSVersionTable.PSEdition
            $manifest.PowerShellVersion | Should -Be ([version] '5.1')
            $manifest.Tags | Should -Contain 'PSEdition_Desktop'
            $manifest.Tags | Should -Contain 'PSEdition_Core'
        }

        It 'has what the PowerShell Gallery shows' {
            $manifest.Description | Should -Not -BeNullOrEmpty
            $manifest.Author | Should -Not -BeNullOrEmpty
            $manifest.LicenseUri | Should -Be 'https://opensource.org/license/mit'
            # No invented address: the project has none yet.
            $manifest.ProjectUri | Should -BeNullOrEmpty
            Test-Path -LiteralPath (Join-Path (Split-Path -Parent $manifestPath) 'LICENSE') | Should -BeTrue
            $manifest.Guid | Should -Not -Be ([guid]::Empty)
        }
    }

    Context 'The imported module' {
        It 'is the built one in out/AgentTasks, not src/' {
            $module = Get-Module -Name AgentTasks

            $module | Should -HaveCount 1
            $module.ModuleBase | Should -Be (Split-Path -Parent $manifestPath)
            $module.ModuleType | Should -Be 'Binary'
            @((Get-Command -Module AgentTasks).Name | Sort-Object) | Should -Be $expectedCmdlets
            (Get-Command -Module AgentTasks).CommandType | Select-Object -Unique | Should -Be 'Cmdlet'
        }

        It '<Name> declares its output type' -ForEach @(
            @{ Name = 'New-CopilotTask'; Type = 'AgentTasks.Core.Models.CopilotTask' }
            @{ Name = 'Get-CopilotTask'; Type = 'AgentTasks.Core.Models.CopilotTask' }
            @{ Name = 'Wait-CopilotTask'; Type = 'AgentTasks.Core.Models.CopilotTask' }
            @{ Name = 'Connect-CopilotAgent'; Type = 'AgentTasks.Core.Models.CopilotAgentConnection' }
            @{ Name = 'Get-CopilotAgentConnection'; Type = 'AgentTasks.Core.Models.CopilotAgentConnection' }
        ) {
            (Get-Command -Name $Name).OutputType.Name | Should -Contain $Type
        }

        It 'gives Get-CopilotTask the parameter sets User (default), Repository, OwnerRepo and Id, and paging' {
            $command = Get-Command -Name Get-CopilotTask

            $command.DefaultParameterSet | Should -Be 'User'
            @($command.ParameterSets.Name | Sort-Object) | Should -Be @('Id', 'OwnerRepo', 'Repository', 'User')
            $command.Parameters.Keys | Should -Contain 'First'
            $command.Parameters.Keys | Should -Contain 'Skip'
            $command.Parameters.Keys | Should -Contain 'IncludeTotalCount'
            $command.Parameters.Keys | Should -Not -Contain 'WhatIf'
        }

        It 'gives New-CopilotTask the parameter sets Repository (default) and OwnerRepo, and -WhatIf/-Confirm' {
            $command = Get-Command -Name New-CopilotTask

            $command.DefaultParameterSet | Should -Be 'Repository'
            @($command.ParameterSets.Name | Sort-Object) | Should -Be @('OwnerRepo', 'Repository')
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }

        It 'completes -State with the API''s spelling of the states' {
            $line = 'Get-CopilotTask -State in'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

            $completions | Should -Contain 'in_progress'
            $completions | Should -Not -Contain 'Unknown'
        }

        It 'offers the eight states, and no more, after -State and after a comma' -ForEach @(
            @{ Line = 'Get-CopilotTask -State ' }
            @{ Line = 'Get-CopilotTask -Repository o/r -State failed,' }
        ) {
            $completions = (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText

            @($completions | Sort-Object) | Should -Be @('cancelled', 'completed', 'failed', 'idle', 'in_progress', 'queued', 'timed_out', 'waiting_for_user')
        }

        It 'binds a state in either spelling, and the completed one is accepted' {
            $command = Get-Command -Name Get-CopilotTask
            $completed = (TabExpansion2 -inputScript 'Get-CopilotTask -State timed' -cursorColumn 28).CompletionMatches.CompletionText

            $completed | Should -Be 'timed_out'
            $command.Parameters['State'].Attributes.Where({ $_ -is [System.Management.Automation.ArgumentTransformationAttribute] }).ForEach({
                    $_.Transform($ExecutionContext, @('TimedOut', 'in_progress'))
                }) | Should -Be @('timed_out', 'in_progress')
        }

        It '<Name> has help: a synopsis, a description and examples' -ForEach $everyCmdlet {
            $help = Get-Help -Name $Name -Full

            # Without a help file PowerShell makes up a synopsis from the syntax and has no description.
            "$($help.Synopsis)".Trim() | Should -Not -BeLike "$Name *"
            "$($help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
            ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterThan 0
        }

        It 'Get-Help <Name> -Online opens no page but the cmdlet''s own help, and still names the REST docs' -ForEach $everyCmdlet -Skip:$noOnlineHelpHook {
            # The hook makes Get-Help write the address it would open instead of starting a browser. The cmdlets' help has
            # no published address yet, so -Online must say so rather than open GitHub's REST page as if it were theirs.
            $hooks = [System.Management.Automation.Internal.InternalTestHooks]
            $hooks::SetTestHook('BypassOnlineHelpRetrieval', $true)
            $opened = $failure = $null
            try {
                $opened = Get-Help -Name $Name -Online
            }
            catch {
                $failure = $_
            }
            finally {
                $hooks::SetTestHook('BypassOnlineHelpRetrieval', $false)
            }

            $opened | Should -BeNullOrEmpty
            $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidOperation,*GetHelpCommand'
            (Get-Command -Name $Name).HelpUri | Should -BeNullOrEmpty
            $links = @((Get-Help -Name $Name -Full).relatedLinks.navigationLink.linkText)
            if ($Name -in 'Get-CopilotTask', 'New-CopilotTask', 'Wait-CopilotTask') {
                $links | Should -Contain 'REST API: https://docs.github.com/rest/agent-tasks/agent-tasks'
            }
        }

        It 'loads in a new runspace' {
            $result = Invoke-InNewRunspace -ScriptBlock { (Get-Command -Module AgentTasks).Count }

            $result.Errors | Should -BeNullOrEmpty
            $result.Output[0] | Should -Be 7
        }
    }

    Context 'Format views' {
        BeforeAll {
            $repository = 'octocat/hello-world'
            Connect-CopilotAgent -BaseUri $emulator.BaseUri -Token 'format-token' -Repository $repository
            $ids = @(New-EmulatorTask $emulator -Count 2)

            # Table or list text without colours, as the lines that are not blank.
            function Get-FormattedLine {
                param([Parameter(ValueFromPipeline)] $InputObject)
                begin {
                    $items = [System.Collections.Generic.List[object]]::new()
                }
                process {
                    $items.Add($InputObject)
                }
                end {
                    $text = $items | Out-String -Width 250
                    $escape = [char] 27
                    ($text -replace "$escape\[[0-9;]*m", '') -split '\r?\n' | Where-Object { $_.Trim() }
                }
            }
        }

        It 'shows tasks as a table for a person by default: Name first, State, Repository, Age, a short Id' {
            $lines = @(Get-CopilotTask -Repository $repository | Get-FormattedLine)

            $lines[0] | Should -Match '^\s*Name\s+State\s+Repository\s+Age\s+Id\s*$'
            $lines[0] | Should -Not -Match 'StateValue|Sessions|Artifacts'
            $lines | Should -HaveCount 4
            $lines[2] | Should -Match "Completed\s+$repository\s+\d+[smhd]\s+$($ids[-1].Substring(0, 8))\s*$"
        }

        It 'fits <Width> columns with every column readable, as transcripts and runbook logs get it' -ForEach @(
            @{ Width = 80 }
            @{ Width = 120 }
        ) {
            $text = Get-CopilotTask -Repository $repository | Out-String -Width $Width
            $lines = @($text -split "\r?\n" | Where-Object { $_.Trim() })

            $lines[0] | Should -Match '^Name\s+State\s+Repository\s+Age\s+Id\s*$'
            foreach ($line in $lines) {
                $line.TrimEnd().Length | Should -BeLessOrEqual $Width
            }
            # One line a task under the header and its rule: no header stacked vertically, no wrapped cells.
            $lines | Should -HaveCount ($ids.Count + 2)
            $lines[2] | Should -Match "^Seeded task \d+\s+Completed\s+$repository\s+\d+[smhd]\s+[0-9a-f]{8}\s*$"
        }

        It 'shows the sessions of a task as a table that fits 80 columns' {
            $text = (Get-CopilotTask -Id $ids[0]).Sessions | Out-String -Width 80
            $lines = @($text -split "\r?\n" | Where-Object { $_.Trim() })

            $lines[0] | Should -Match '^State\s+Model\s+Created\s+Completed\s+SessionId\s*$'
            $lines | Should -HaveCount 3
            $lines[2] | Should -Match '^Completed\s+\S+\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\S'
            foreach ($line in $lines) {
                $line.TrimEnd().Length | Should -BeLessOrEqual 80
            }
        }

        It 'uses the same table for Format-Table' {
            $text = (Get-CopilotTask -Repository $repository | Format-Table | Get-FormattedLine) -join "`n"

            $text | Should -Match '\bId\b'
            $text | Should -Match '\bState\b'
            $text | Should -BeLike "*$($ids[0].Substring(0, 8))*"
        }

        It 'has a list view with the sessions' {
            $text = (Get-CopilotTask -Id $ids[0] | Format-List | Get-FormattedLine) -join "`n"

            $text | Should -Match '(?m)^Id\s*:'
            $text | Should -Match '(?m)^State\s*:\s*Completed'
            $text | Should -Match '(?m)^Sessions\s*:'
        }

        It 'shows the connection without the token' {
            $text = (Get-CopilotAgentConnection | Get-FormattedLine) -join "`n"

            $text | Should -Match '(?m)^TokenSource\s*:\s*Connect-CopilotAgent'
            $text | Should -Not -BeLike '*format-token*'
        }
    }
}
