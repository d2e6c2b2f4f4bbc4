<#
.SYNOPSIS
    Runs one benchmark case in a fresh pwsh, so that its peak working set and CPU time are its
    own, and prints the figures as one line of JSON. Started by Measure-JobStatus.ps1.

.DESCRIPTION
    Memory: streams -Count ids (the ids of -IdsFile, cycled) through Get-CloudJob | Measure-Object.
            The ids are produced one at a time, so nothing but the module can make memory grow.
    Wait:   creates the jobs of -JobsFile (emulator job specs with ids, JSON) through the control API, then
            at once Wait-CloudJob on them with -PollIntervalSec (and -MaximumRequestRate, when given).
            Created here, after start-up and warm-up, so that the wait starts as the jobs do. Prints
            when each job came out of the pipeline, for the delay from its finish.
    The warm-up reads -WarmUpId, which must not be one of the jobs measured. CPU time is printed with
    the part of it spent compiling (JIT, all threads) beside it.
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
    [double]$TimeoutSec = 300,
    # Wait: budgets for the emulator to enforce (its /_emulator/budgets body), set after the warm-up
    # so that the warm-up's requests neither meet them nor drain them.
    [string]$EmulatorBudgets
)

$ErrorActionPreference = 'Stop'
Import-Module $Module
$common = @{ ProjectId = $ProjectId; Endpoint = $Endpoint; Token = $Token; ThrottleLimit = $ThrottleLimit }
$self = [Diagnostics.Process]::GetCurrentProcess()

# Warm up (JIT, connection pool) so the figures are the case's, not the first call's: a wait on
# a few hundred jobs, each read several times, with and without a budget, compiles the polling
# paths and lets them tier up (seconds of compiling the first time, which would otherwise count
# against the case); then a pause for the background compiler to finish what it was handed.
if ($Case -eq 'Wait') {
    # The ids are in the specs, read before the warm-up.
    $jobSpecs = Get-Content -Raw -LiteralPath $JobsFile
    $ids = [string[]]@((ConvertFrom-Json $jobSpecs) | ForEach-Object id)
    if (@($ids | Where-Object { -not $_ }).Count -gt 0) { throw "Every job of $JobsFile needs an id." }
    $control = [Net.Http.HttpClient]::new()
}
$null = Get-CloudJob $WarmUpId @common
# Twice, a pause apart: the runtime starts counting calls to promote a method only once compiling
# has been quiet for a moment, so the second round is what lets the hot paths tier up.
$warmSpecs = ConvertTo-Json -Compress -InputObject @(1..300 | ForEach-Object { @{ runSeconds = 0.7 } })
foreach ($round in 1, 2) {
    $warm = [string[]]@(Invoke-RestMethod -Method Post -Uri "$Endpoint/_emulator/jobs" -ContentType 'application/json' -Body $warmSpecs -NoProxy | ForEach-Object { $_ } | ForEach-Object id)
    $null = Get-CloudJob $warm @common
    $null = Wait-CloudJob $warm @common -PollIntervalSec 0.2
    $null = Wait-CloudJob $warm[0..9] @common -PollIntervalSec 0.1 -MaximumRequestRate 1000
    Start-Sleep -Seconds 1
}
Start-Sleep -Seconds 1
if ($Case -eq 'Wait') {
    if ($EmulatorBudgets) {
        $null = Invoke-RestMethod -Method Post -Uri "$Endpoint/_emulator/budgets" -ContentType 'application/json' -Body $EmulatorBudgets -NoProxy
    }

    # The jobs start now; creating them is not part of what is measured.
    # One plain POST whose answer is not parsed: a PowerShell pipeline over thousands of created
    # jobs here would hand the background compiler work that lands in the measured wait.
    $create = [Net.Http.StringContent]::new($jobSpecs, [Text.Encoding]::UTF8, 'application/json')
    $answer = $control.PostAsync("$Endpoint/_emulator/jobs", $create).GetAwaiter().GetResult()
    if (-not $answer.IsSuccessStatusCode) { throw "Creating the jobs failed: $([int]$answer.StatusCode)" }
}
[GC]::Collect()
$self.Refresh()
# JIT compile time (all threads) is kept apart from the rest of the CPU: what is left of tiering up
# after the warm-up is a cost the process pays once, whatever its length, not one per request.
$before = [pscustomobject]@{ WorkingSet = $self.WorkingSet64; Cpu = $self.TotalProcessorTime; Jit = [System.Runtime.JitInfo]::GetCompilationTime($false); JitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) }
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
$figures.JitSeconds = ([System.Runtime.JitInfo]::GetCompilationTime($false) - $before.Jit).TotalSeconds
$figures.JitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $before.JitMethods
$figures.WorkingSetBeforeMB = $before.WorkingSet / 1MB
$figures.PeakWorkingSetMB = $self.PeakWorkingSet64 / 1MB
[pscustomobject]$figures | ConvertTo-Json -Compress
