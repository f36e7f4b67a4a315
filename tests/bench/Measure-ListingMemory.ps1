# Run by Invoke-Benchmark.ps1 in a fresh pwsh: imports the built module, lists a repository into Measure-Object and
# prints one JSON line with the import time, the peak working set of this process, how much the listing raised it
# (Growth: the peak after it less the peak before it, which leaves out how much a fresh pwsh varies from one start to
# the next) and the managed heap left afterwards.
# With -RawAssembly (RawListing.cs compiled), the raw loop lists instead; with -Floor N, N integers go into
# Measure-Object instead, which no listing can do with less: both after the same import and connection, so that all
# start from the same process.
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $Repository,
    [string] $RawAssembly,
    [int] $Floor
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
$process = [System.Diagnostics.Process]::GetCurrentProcess()
$peakBefore = $process.PeakWorkingSet64
if ($RawAssembly) {
    $count = ([AgentTasksBench.RawListing]::List($http, "$BaseUri/agents/repos/$Repository/tasks?per_page=100", 'bench-token') | Measure-Object).Count
}
elseif ($Floor) {
    $count = ([System.Linq.Enumerable]::Range(1, $Floor) | Measure-Object).Count
}
else {
    $count = (Get-CopilotTask -Repository $Repository | Measure-Object).Count
}
$process.Refresh()
$peak = $process.PeakWorkingSet64
$heapAfter = [GC]::GetTotalMemory($true)
[pscustomobject]@{
    Count          = $count
    ImportMs       = $importMs
    PeakWorkingSet = $peak
    Growth         = $peak - $peakBefore
    HeapHeld       = $heapAfter - $heapBefore
} | ConvertTo-Json -Compress
