# The build stamps the version placeholders below from Directory.Build.props into out/AgentTasks/AgentTasks.psd1;
# import the built module, not this file.
@{
    RootModule             = 'AgentTasks.dll'
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '3f6d2b8e-4c1a-4e57-9b0d-7a2f5c9e1d34'
    Author                 = 'AgentTasks contributors'
    CompanyName            = 'AgentTasks contributors'
    Copyright              = '(c) AgentTasks contributors.'
    Description            = 'Start, list, filter and wait for GitHub Copilot cloud agent tasks from PowerShell: typed objects, -WhatIf, paging, progress and real errors.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('AgentTasks.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-CopilotAgent'
        'Disconnect-CopilotAgent'
        'Get-CopilotAgentConnection'
        'New-CopilotTask'
        'Get-CopilotTask'
        'Wait-CopilotTask'
        'Show-CopilotTask'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    FileList               = @(
        'AgentTasks.psd1'
        'AgentTasks.Format.ps1xml'
        'AgentTasks.dll'
        'AgentTasks.Core.dll'
        'Microsoft.Bcl.AsyncInterfaces.dll'
        'System.Buffers.dll'
        'System.Memory.dll'
        'System.Numerics.Vectors.dll'
        'System.Runtime.CompilerServices.Unsafe.dll'
        'System.Text.Encodings.Web.dll'
        'System.Text.Json.dll'
        'System.Threading.Tasks.Extensions.dll'
        'en-US/AgentTasks.dll-Help.xml'
        'en-US/about_AgentTasks.help.txt'
        'LICENSE'
    )
    PrivateData            = @{
        PSData = @{
            Tags         = @('GitHub', 'Copilot', 'Agent', 'Automation', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # The licence's own text; no project address is given until the project has one.
            LicenseUri   = 'https://opensource.org/license/mit'
            ReleaseNotes = 'Public preview. The changes are listed in CHANGELOG.md of the source repository.'
            Prerelease   = '{{Prerelease}}'
        }
    }
}
