# Run by Invoke-Benchmark.ps1 in a fresh pwsh: imports the built module, lists a repository into Measure-Object and
# prints one JSON line with the import time, the peak working set of this process and the managed heap left afterwards.
# With -RawAssembly (RawListing.cs compiled), the raw loop lists instead, after the same import and connection, so that
# the two start from the same process.
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $Repository,
    [string] $RawAssembly
)
$ErrorActionPreference = 'Stop'
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module -Name $ManifestPath
$importMs = $watch.Elapsed.TotalMilliseconds
Connect-CopilotAgent -BaseUri $BaseUri -Token 'bench-token'
if ($RawAssembly) {
    Add-Type -Path $RawAssembly
    $http = [System.Net.Http.HttpClient]::new()
}
$heapBefore = [GC]::GetTotalMemory($true)
if ($RawAssembly) {
    $count = ([AgentTasksBench.RawListing]::List($http, "$BaseUri/agents/repos/$Repository/tasks?per_page=100", 'bench-token') | Measure-Object).Count
}
else {
    $count = (Get-CopilotTask -Repository $Repository | Measure-Object).Count
}
$heapAfter = [GC]::GetTotalMemory($true)
$process = [System.Diagnostics.Process]::GetCurrentProcess()
[pscustomobject]@{
    Count         = $count
    ImportMs      = $importMs
    PeakWorkingSet = $process.PeakWorkingSet64
    HeapHeld      = $heapAfter - $heapBefore
} | ConvertTo-Json -Compress
