<#
.SYNOPSIS
    Runs one benchmark case in a fresh pwsh, so that its peak working set and CPU time are its
    own, and prints the figures as one line of JSON. Started by Measure-JobStatus.ps1.

.DESCRIPTION
    Memory: streams -Count ids (the ids of -IdsFile, cycled) through Get-CloudJob | Measure-Object.
            The ids are produced one at a time, so nothing but the module can make memory grow.
    Wait:   creates the jobs of -JobsFile (emulator job specs, JSON) through the control API, then
            at once Wait-CloudJob on them with -PollIntervalSec (and -MaximumRequestRate, when given).
            Created here, after start-up and warm-up, so that the wait starts as the jobs do. Prints
            when each job came out of the pipeline, for the delay from its finish.
    The warm-up reads -WarmUpId, which must not be one of the jobs measured.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][ValidateSet('Memory', 'Wait')][string]$Case,
    [Parameter(Mandatory)][string]$Module,
    [Parameter(Mandatory)][string]$Endpoint,
    [Parameter(Mandatory)][string]$ProjectId,
    [Parameter(Mandatory)][string]$Token,
    [Parameter(Mandatory)][string]$WarmUpId,
    [string]$IdsFile,
    [string]$JobsFile,
    [int]$Count,
    [int]$ThrottleLimit = 16,
    [double]$PollIntervalSec = 2,
    # Wait: a request budget for the whole command; below 0 for none given.
    [double]$MaximumRequestRate = -1,
    [double]$TimeoutSec = 300
)

$ErrorActionPreference = 'Stop'
Import-Module $Module
$common = @{ ProjectId = $ProjectId; Endpoint = $Endpoint; Token = $Token; ThrottleLimit = $ThrottleLimit }
$self = [Diagnostics.Process]::GetCurrentProcess()

# Warm up (JIT, connection pool) so the figures are the case's, not the first call's: a wait on
# jobs that are read more than once, with and without a budget, compiles the polling paths too
# (about 0.9 s of CPU the first time, which would otherwise count against the case).
$null = Get-CloudJob $WarmUpId @common
$warm = @(Invoke-RestMethod -Method Post -Uri "$Endpoint/_emulator/jobs" -ContentType 'application/json' -Body '[{"runSeconds":0.5},{"runSeconds":0.5}]' -NoProxy | ForEach-Object { $_ } | ForEach-Object id)
$null = Wait-CloudJob $warm[0] @common -PollIntervalSec 0.1
$null = Wait-CloudJob $warm[1] @common -PollIntervalSec 0.1 -MaximumRequestRate 1000
if ($Case -eq 'Wait') {
    # The jobs start now; creating them is not part of what is measured.
    $created = Invoke-RestMethod -Method Post -Uri "$Endpoint/_emulator/jobs" -ContentType 'application/json' -Body (Get-Content -Raw -LiteralPath $JobsFile) -NoProxy
    $ids = [string[]]@($created | ForEach-Object { $_ } | ForEach-Object id)
}
[GC]::Collect()
$self.Refresh()
$before = [pscustomobject]@{ WorkingSet = $self.WorkingSet64; Cpu = $self.TotalProcessorTime }
$watch = [Diagnostics.Stopwatch]::StartNew()

$figures = [ordered]@{ Case = $Case }
switch ($Case) {
    'Memory' {
        $ids = [string[]](Get-Content -LiteralPath $IdsFile)
        $n = $ids.Length
        $measured = & { for ($i = 0; $i -lt $Count; $i++) { $ids[$i % $n] } } | Get-CloudJob @common | Measure-Object
        $figures.Written = $measured.Count
    }
    'Wait' {
        $budget = if ($MaximumRequestRate -ge 0) { @{ MaximumRequestRate = $MaximumRequestRate } } else { @{} }
        # When each job came out, kept apart from its id until the end so the loop stays cheap.
        $outIds = [Collections.Generic.List[string]]::new()
        $outTicks = [Collections.Generic.List[long]]::new()
        Wait-CloudJob -JobId $ids @common @budget -PollIntervalSec $PollIntervalSec -Timeout $TimeoutSec -ErrorAction SilentlyContinue |
            ForEach-Object { $outTicks.Add([DateTime]::UtcNow.Ticks); $outIds.Add($_.Id) }
        $figures.Written = $outIds.Count
        $figures.OutIds = $outIds
        $figures.OutTicks = $outTicks
        $figures.ReturnedAtUtc = [DateTime]::UtcNow.ToString('o')
        $figures.Ids = $ids
    }
}

$figures.Seconds = $watch.Elapsed.TotalSeconds
$self.Refresh()
$figures.CpuSeconds = ($self.TotalProcessorTime - $before.Cpu).TotalSeconds
$figures.WorkingSetBeforeMB = $before.WorkingSet / 1MB
$figures.PeakWorkingSetMB = $self.PeakWorkingSet64 / 1MB
[pscustomobject]$figures | ConvertTo-Json -Compress
