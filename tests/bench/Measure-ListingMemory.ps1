# Run by Invoke-Benchmark.ps1 in a fresh pwsh: imports the built module, lists a repository into Measure-Object and
# prints one JSON line with the import time, the peak working set of this process and the managed heap left afterwards.
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $Repository
)
$ErrorActionPreference = 'Stop'
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module -Name $ManifestPath
$importMs = $watch.Elapsed.TotalMilliseconds
Connect-CopilotAgent -BaseUri $BaseUri -Token 'bench-token'
$heapBefore = [GC]::GetTotalMemory($true)
$count = (Get-CopilotTask -Repository $Repository | Measure-Object).Count
$heapAfter = [GC]::GetTotalMemory($true)
$process = [System.Diagnostics.Process]::GetCurrentProcess()
[pscustomobject]@{
    Count         = $count
    ImportMs      = $importMs
    PeakWorkingSet = $process.PeakWorkingSet64
    HeapHeld      = $heapAfter - $heapBefore
} | ConvertTo-Json -Compress
