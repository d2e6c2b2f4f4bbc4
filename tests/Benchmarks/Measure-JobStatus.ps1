<#
.SYNOPSIS
    Measures Get-CloudJob and Wait-CloudJob against what users write today, side by side on one
    emulator in one run, prints a table of medians and ratios with the targets, and writes it to
    bench/results.md. Run through: dotnet pwsh ./build.ps1 bench

.DESCRIPTION
    1. Batch: -Count ids through Get-CloudJob against (a) a sequential Invoke-RestMethod loop,
       (b) ForEach-Object -Parallel { Invoke-RestMethod } and (c) the ceiling, a plain .NET
       HttpClient client (tests/Benchmarks/Ceiling) with no PowerShell in it; all three concurrent
       ones at -ThrottleLimit requests in flight. The ceiling also runs at 4 x -ThrottleLimit to
       show what the emulator alone can serve, and how its CPU compares with the client's.
       Then the same against the sequential loop when every answer takes 20 ms (up to 200 ids), as
       over a network: on loopback the loop waits for nothing, on a network for every answer.
    2. One call: median latency of Get-CloudJob for one id against one Invoke-RestMethod,
       -OneCallCount calls each, alternating, in this process.
    3. Import: pwsh -NoProfile -c 'Import-Module ...' against pwsh -NoProfile -c 'exit',
       -ImportRuns runs each, alternating; an empty manifest module and a one-cmdlet binary module
       (tests/Benchmarks/OneCmdlet) show what PowerShell spends on any module and any binary module.
    4. Wait: Wait-CloudJob on -WaitJobs jobs that finish at random times over -WaitSpreadSec,
       polled every -PollIntervalSec: requests per job against ceil(run time / interval) + 1,
       time from the last finish to the return, peak working set and CPU time (in a fresh pwsh),
       with the part of it spent compiling (JIT) beside it.
    5. Memory: -MemoryCounts ids streamed through Get-CloudJob | Measure-Object, each in a fresh
       pwsh, three times each: the median peak working set must not grow with the count. The CPU
       per request of the wait (4) against that of this batch, both measured the same way (after
       the same warm-up) and both less the time spent compiling: tiering up the hot paths is a cost
       a process pays once, in the first rounds of a wait, however long the wait then runs. The
       notes give the ratio with compiling counted too.
    6. Budget: -BudgetJobs jobs that finish at random over -BudgetSpreadSec, against an emulator
       enforcing -BudgetPerMinute calls a minute (the gateway's 429 past it), waited for with
       -MaximumRequestRate at that budget: the 429s met, and the mean delay from a job's finish to
       its output against the best any polling schedule can expect, computed here from the same
       finish times. A schedule learns that a job has finished only by reading it, so the best it
       can do, when the jobs start together and nothing tells them apart before they answer, is to
       read jobs never read first (in input order), then those read least recently:
         - every turn is used: the budget allows no burst, so a turn left unused is lost;
         - the sum of delays is the sum of output times less the (fixed) sum of finish times, and
           each turn outputs at most one job;
         - once every job has finished, every read outputs one, so the output times from then on
           are the remaining turns whatever the order;
         - before that, a job never read is the likeliest to have finished (one read and found
           running is known to finish later), and with 150 s of turns for 60 s of finishes jobs
           never read outlast the finishes.
       For comparison it prints what a reader that knew every finish time in advance would get
       (each job read once, in finish order, one per turn): no schedule can know that, so the row
       has no target. Then the same jobs with no budget anywhere, to show what the budget costs.

    Absolute figures depend on the machine and on what else runs on it; the ratios compare like
    with like in one run. Every figure is the median of -Repeat runs after one warm-up. Only
    127.0.0.1 is contacted. -Quick runs every case at a tiny size (a smoke test, not a measure).
#>
[CmdletBinding()]
param(
    [int]$Count = 2000,
    [int]$ThrottleLimit = 16,
    [int]$Repeat = 7,
    [int]$OneCallCount = 200,
    [int]$ImportRuns = 11,
    [int]$WaitJobs = 1000,
    [double]$WaitSpreadSec = 20,
    [double]$PollIntervalSec = 2,
    [int[]]$MemoryCounts = @(10000, 100000),
    # 6. Budget: jobs finishing at random over -BudgetSpreadSec against an emulator enforcing -BudgetPerMinute.
    [int]$BudgetJobs = 5000,
    [double]$BudgetSpreadSec = 60,
    [int]$BudgetPerMinute = 2000,
    # Where the table goes; -Quick writes only where this is given explicitly.
    [string]$ResultsPath,
    [switch]$Quick
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

if ($Quick) {
    $Count = 60; $Repeat = 1; $OneCallCount = 10; $ImportRuns = 1
    $WaitJobs = 20; $WaitSpreadSec = 1; $PollIntervalSec = 0.5; $MemoryCounts = @(200, 400)
    $BudgetJobs = 40; $BudgetSpreadSec = 2; $BudgetPerMinute = 600
}
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $ResultsPath -and -not $Quick) { $ResultsPath = Join-Path $repoRoot 'bench/results.md' }

Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1') -Force
$module = (Import-JobStatusModule).Path
$modulePath = Get-JobStatusModulePath
$project = '09bb24e6fe80d23d2fa2c010b53b418c'
$token = 'bench-token'
$workDir = Join-Path ([IO.Path]::GetTempPath()) "jobstatus-bench-$PID"
$null = New-Item -ItemType Directory -Path $workDir -Force

# The pwsh that runs this script is usually the dotnet tool: dotnet + pwsh.dll.
$dotnet = [Environment]::ProcessPath
$pwshArgs = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive')
if (-not (Test-Path (Join-Path $PSHOME 'pwsh.dll'))) { $pwshArgs = $pwshArgs[1..2] }

function Get-Median([double[]]$Values) {
    $sorted = @($Values | Sort-Object)
    $mid = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$mid] } else { ($sorted[$mid - 1] + $sorted[$mid]) / 2 }
}

function Measure-Seconds([scriptblock]$Block) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = & $Block
    $watch.Elapsed.TotalSeconds
}

function Invoke-Ceiling([string]$IdsFile, [int]$Concurrency, [int]$Runs) {
    # One line per timed run: seconds, jobs read, the client's CPU seconds.
    $lines = & dotnet $ceilingDll --url $emu.Url --project $project --token $token --ids-file $IdsFile --concurrency $Concurrency --repeat $Runs
    if ($LASTEXITCODE -ne 0) { throw "The ceiling client failed (exit code $LASTEXITCODE)." }
    $timed = @($lines | ForEach-Object { $f = $_ -split ' '; [pscustomobject]@{ Seconds = [double]$f[0]; Cpu = [double]$f[2] } })
    [pscustomobject]@{ Seconds = (Get-Median $timed.Seconds); Cpu = (Get-Median $timed.Cpu) }
}

function Invoke-Case([string]$Case, [hashtable]$Extra) {
    $arguments = @($pwshArgs) + @('-File', (Join-Path $PSScriptRoot 'Invoke-BenchCase.ps1'), '-Case', $Case, '-Module', $modulePath,
        '-Endpoint', $emu.Url, '-ProjectId', $project, '-Token', $token, '-ThrottleLimit', $ThrottleLimit)
    foreach ($key in $Extra.Keys) { $arguments += @("-$key", $Extra[$key]) }
    $output = @(& $dotnet @arguments)
    if ($LASTEXITCODE -ne 0) { throw "The $Case case failed (exit code $LASTEXITCODE): $($output -join "`n")" }
    $output | Where-Object { $_ -like '{*' } | Select-Object -Last 1 | ConvertFrom-Json
}

function ConvertTo-UtcTime($Value) {
    # ConvertFrom-Json already makes ISO 8601 text a DateTime; turning that back into text would
    # drop the milliseconds.
    if ($Value -is [DateTime]) { return $Value.ToUniversalTime() }
    [DateTimeOffset]::Parse($Value, [Globalization.CultureInfo]::InvariantCulture).UtcDateTime
}

function Get-EmulatorCpu {
    $emu.Process.Refresh()
    $emu.Process.TotalProcessorTime.TotalSeconds
}

$rows = [Collections.Generic.List[object]]::new()
# $Pass: $true, $false, or $null for a row shown for comparison with no target ('info').
function Add-Row([string]$Case, [string]$Measured, [string]$Value, [string]$Baseline, [double]$Ratio, [string]$RatioText, [string]$Target, [object]$Pass) {
    $rows.Add([pscustomobject]@{
        Case     = $Case
        Measured = $Measured
        Value    = $Value
        Baseline = $Baseline
        Ratio    = $RatioText
        Target   = $Target
        Result   = if ($null -eq $Pass) { 'info' } elseif ($Pass) { 'pass' } else { 'MISS' }
    })
}

Write-Host 'Building the ceiling client (tests/Benchmarks/Ceiling) and the one-cmdlet module (tests/Benchmarks/OneCmdlet)...'
foreach ($csproj in 'Ceiling/Ceiling.csproj', 'OneCmdlet/OneCmdlet.csproj') {
    $buildOutput = & dotnet build (Join-Path $PSScriptRoot $csproj) -c Release --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Building $csproj failed:`n$($buildOutput -join "`n")" }
}
$ceilingDll = Join-Path $PSScriptRoot 'Ceiling/bin/Release/net10.0/Ceiling.dll'

$emu = Start-TestEmulator -Token $token
$notes = [Collections.Generic.List[string]]::new()
try {
    $secure = ConvertTo-SecureString $token -AsPlainText -Force
    $common = @{ ProjectId = $project; Endpoint = $emu.Url; Token = $secure; ThrottleLimit = $ThrottleLimit }
    $headers = @{ 'X-Auth-Token' = $token }
    $url = $emu.Url

    # ---- 1. Batch
    Write-Host "Batch: $Count ids, $ThrottleLimit in flight, $Repeat runs..."
    $ids = [string[]]@(New-TestJob -Spec @(1..$Count | ForEach-Object { @{ runSeconds = 0 } }) | ForEach-Object id)
    $idsFile = Join-Path $workDir 'ids.txt'
    Set-Content -LiteralPath $idsFile -Value $ids
    $batch = @{
        Module     = { $got = @(Get-CloudJob $ids @common); if ($got.Count -ne $Count) { throw "Get-CloudJob wrote $($got.Count) of $Count jobs." } }
        Sequential = { foreach ($id in $ids) { Invoke-RestMethod -Uri "$url/v3/$project/jobs/$id" -Headers $headers -NoProxy } }
        Parallel   = {
            $ids | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
                Invoke-RestMethod -Uri "$using:url/v3/$using:project/jobs/$_" -Headers $using:headers -NoProxy
            }
        }
    }
    $times = @{ Module = @(); Sequential = @(); Parallel = @() }
    $moduleEmulatorCpu = @()
    $ceilingRuns = @()
    $ceilingEmulatorCpu = @()
    foreach ($name in $batch.Keys) { $null = & $batch[$name] }   # warm-up
    # Alternating, so that a moment when the machine is busy falls on every contender alike.
    for ($r = 0; $r -lt $Repeat; $r++) {
        foreach ($name in 'Module', 'Sequential', 'Parallel') {
            $cpu = Get-EmulatorCpu
            $times[$name] += Measure-Seconds $batch[$name]
            if ($name -eq 'Module') { $moduleEmulatorCpu += (Get-EmulatorCpu) - $cpu }
        }
        $cpu = Get-EmulatorCpu
        $ceilingRuns += Invoke-Ceiling $idsFile $ThrottleLimit 1
        $ceilingEmulatorCpu += ((Get-EmulatorCpu) - $cpu) / 2   # its warm-up run and its timed run
    }
    $ceiling = [pscustomobject]@{ Seconds = (Get-Median $ceilingRuns.Seconds); Cpu = (Get-Median $ceilingRuns.Cpu) }
    $ceilingEmulatorCpu = Get-Median $ceilingEmulatorCpu
    $wide = Invoke-Ceiling $idsFile (4 * $ThrottleLimit) $Repeat

    $module = Get-Median $times.Module
    $sequential = Get-Median $times.Sequential
    $parallel = Get-Median $times.Parallel
    $case = "1. Batch, $Count ids"
    $perSecond = { param($s) '{0:N0} jobs/s' -f ($Count / $s) }
    $ratio = $sequential / $module
    Add-Row $case 'Get-CloudJob vs sequential Invoke-RestMethod' ('{0:0.000} s' -f $module) ('{0:0.000} s' -f $sequential) $ratio ('{0:0.0}x faster' -f $ratio) '>= 10x' ($ratio -ge 10)
    $ratio = $parallel / $module
    Add-Row $case "Get-CloudJob vs ForEach-Object -Parallel $ThrottleLimit" ('{0:0.000} s' -f $module) ('{0:0.000} s' -f $parallel) $ratio ('{0:0.0}x faster' -f $ratio) '>= 2x' ($ratio -ge 2)
    $ratio = $ceiling.Seconds / $module
    Add-Row $case "Get-CloudJob vs plain .NET HttpClient at $ThrottleLimit (ceiling)" (& $perSecond $module) (& $perSecond $ceiling.Seconds) $ratio ('{0:0.00}x the ceiling' -f $ratio) '>= 0.5x' ($ratio -ge 0.5)
    $notes.Add(('Emulator alone: the ceiling client reads {0} at {1} in flight and {2} at {3}. CPU per request: ceiling client {4:0} us, emulator {5:0} us while serving it, emulator {6:0} us while serving Get-CloudJob.' -f
        (& $perSecond $ceiling.Seconds), $ThrottleLimit, (& $perSecond $wide.Seconds), (4 * $ThrottleLimit),
        (1e6 * $ceiling.Cpu / $Count), (1e6 * $ceilingEmulatorCpu / $Count), (1e6 * (Get-Median $moduleEmulatorCpu) / $Count)))

    # ---- 1, over a network: the same comparison when every answer takes 20 ms, as a cloud
    # endpoint's do. On loopback a sequential loop waits for nothing; over a network it waits
    # for every answer in turn, and that wait is what Get-CloudJob overlaps.
    $netCount = [Math]::Min($Count, 200)
    $netIds = $ids[0..($netCount - 1)]
    Write-Host "Batch over a network: $netCount ids, 20 ms per answer..."
    $null = Add-TestFault slow -DelayMs 20 -Count -1
    try {
        $netModule = Get-Median @(foreach ($r in 1..3) { Measure-Seconds { $null = Get-CloudJob $netIds @common } })
        $netSequential = Measure-Seconds { foreach ($id in $netIds) { $null = Invoke-RestMethod -Uri "$url/v3/$project/jobs/$id" -Headers $headers -NoProxy } }
    }
    finally {
        $null = Invoke-RestMethod -Method Delete "$url/_emulator/faults" -NoProxy
    }
    $ratio = $netSequential / $netModule
    Add-Row "1. Batch, $netCount ids, 20 ms answers" 'Get-CloudJob vs sequential Invoke-RestMethod' ('{0:0.000} s' -f $netModule) ('{0:0.000} s' -f $netSequential) $ratio ('{0:0.0}x faster' -f $ratio) '>= 10x' ($ratio -ge 10)

    # ---- 2. One call
    Write-Host "One call: $OneCallCount calls each..."
    $one = $ids[0]
    $oneUri = "$url/v3/$project/jobs/$one"
    $oneBlocks = [ordered]@{
        Module = { Get-CloudJob $one @common }
        Irm    = { Invoke-RestMethod -Uri $oneUri -Headers $headers -NoProxy }
    }
    $latency = @{ Module = @(); Irm = @() }
    foreach ($name in $oneBlocks.Keys) { foreach ($i in 1..5) { $null = & $oneBlocks[$name] } }
    for ($i = 0; $i -lt $OneCallCount; $i++) {
        foreach ($name in $oneBlocks.Keys) { $latency[$name] += 1000 * (Measure-Seconds $oneBlocks[$name]) }
    }
    $moduleMs = Get-Median $latency.Module
    $irmMs = Get-Median $latency.Irm
    $ratio = $moduleMs / $irmMs
    Add-Row '2. One call' 'Get-CloudJob vs Invoke-RestMethod, median latency' ('{0:0.000} ms' -f $moduleMs) ('{0:0.000} ms' -f $irmMs) $ratio ('{0:0.00}x the time' -f $ratio) '<= 1.0x' ($ratio -le 1.0)

    # ---- 5. Memory (before Wait, which replaces the jobs)
    # A peak working set moves with the moment the GC runs: each count runs three times, alternating,
    # and the run with the median peak stands for it.
    $memoryRuns = if ($Quick) { 1 } else { 3 }
    $runs = @{}   # keyed by count; an [ordered] dictionary would read an int key as a position
    foreach ($n in $MemoryCounts) { $runs[$n] = @() }
    for ($r = 0; $r -lt $memoryRuns; $r++) {
        foreach ($n in $MemoryCounts) {
            Write-Host "Memory: $n ids streamed in a fresh pwsh (run $($r + 1) of $memoryRuns)..."
            $figures = Invoke-Case Memory @{ IdsFile = $idsFile; Count = $n; WarmUpId = $ids[0] }
            if ($figures.Written -ne $n) { throw "Get-CloudJob | Measure-Object counted $($figures.Written) of $n jobs." }
            $runs[$n] += $figures
        }
    }
    $peaks = @{}
    foreach ($n in $MemoryCounts) {
        $sorted = @($runs[$n] | Sort-Object PeakWorkingSetMB)
        $peaks[$n] = $sorted[[int][Math]::Floor(($sorted.Count - 1) / 2)]
    }
    $small = $peaks[$MemoryCounts[0]]
    $large = $peaks[$MemoryCounts[-1]]
    $ratio = $large.PeakWorkingSetMB / $small.PeakWorkingSetMB
    Add-Row '5. Memory' ('peak working set, {0:N0} vs {1:N0} ids' -f $MemoryCounts[-1], $MemoryCounts[0]) ('{0:0} MB' -f $large.PeakWorkingSetMB) ('{0:0} MB' -f $small.PeakWorkingSetMB) $ratio ('{0:0.00}x' -f $ratio) '<= 1.10x (flat)' ($ratio -le 1.10)
    foreach ($n in $MemoryCounts) {
        $f = $peaks[$n]
        $notes.Add(('Memory, {0:N0} ids (median of {6} runs; peaks {7} MB): working set {1:0} MB before, peak {2:0} MB; {3:0.0} s ({4:N0} jobs/s), CPU {5:0.0} s.' -f
            $n, $f.WorkingSetBeforeMB, $f.PeakWorkingSetMB, $f.Seconds, ($n / $f.Seconds), $f.CpuSeconds, $memoryRuns,
            (($runs[$n] | ForEach-Object { '{0:0}' -f $_.PeakWorkingSetMB }) -join ', ')))
    }

    # The batch's CPU per request, for the wait's below: the smallest memory run, in a fresh pwsh like the wait.
    # Both with and without the time spent compiling (JIT), which a process pays once, not per request.
    $batchCpuPerRequest = (Get-Median @($runs[$MemoryCounts[0]] | ForEach-Object { $_.CpuSeconds })) / $MemoryCounts[0]
    $batchNetPerRequest = (Get-Median @($runs[$MemoryCounts[0]] | ForEach-Object { $_.CpuSeconds - $_.JitSeconds })) / $MemoryCounts[0]
    $batchJit = Get-Median @($runs[$MemoryCounts[0]] | ForEach-Object { $_.JitSeconds })

    # ---- 4. Wait
    Write-Host "Wait: $WaitJobs jobs finishing at random times over $WaitSpreadSec s, poll every $PollIntervalSec s..."
    Reset-TestEmulator
    $random = [Random]::new(7)
    $specs = @(1..$WaitJobs | ForEach-Object { @{ id = 'wait-{0:D5}' -f $_; runSeconds = [math]::Round($WaitSpreadSec * (1 - $random.NextDouble()), 3) } })
    $jobsFile = Join-Path $workDir 'wait-jobs.json'
    Set-Content -LiteralPath $jobsFile -Value (ConvertTo-Json -InputObject $specs -Compress)
    $warmUp = (New-TestJob -Spec @{ runSeconds = 0 }).id
    $figures = Invoke-Case Wait @{ JobsFile = $jobsFile; PollIntervalSec = $PollIntervalSec; WarmUpId = $warmUp }
    if ($figures.Written -ne $WaitJobs) { throw "Wait-CloudJob wrote $($figures.Written) of $WaitJobs jobs." }
    $waited = [Collections.Generic.HashSet[string]]::new([string[]]$figures.Ids)
    $jobs = @(Get-TestJob | Where-Object { $waited.Contains($_.id) })
    if ($jobs.Count -ne $WaitJobs) { throw "The emulator lists $($jobs.Count) of the $WaitJobs jobs waited for." }
    $over = 0; $requests = 0; $lastFinish = [DateTime]::MinValue
    foreach ($job in $jobs) {
        $allowed = [math]::Ceiling($job.runSeconds / $PollIntervalSec) + 1
        if ($job.requestCount -gt $allowed) { $over++ }
        $requests += $job.requestCount
        $finish = (ConvertTo-UtcTime $job.beginTime).AddSeconds($job.runSeconds)
        if ($finish -gt $lastFinish) { $lastFinish = $finish }
    }
    $returned = ConvertTo-UtcTime $figures.ReturnedAtUtc
    $lag = ($returned - $lastFinish).TotalSeconds
    $case = "4. Wait, $WaitJobs jobs over $WaitSpreadSec s"
    Add-Row $case 'jobs polled more than ceil(run time / interval) + 1 times' ("$over of $WaitJobs") ('{0:0.00} requests/job' -f ($requests / $WaitJobs)) $over "$over" '0' ($over -eq 0)
    Add-Row $case 'from the last finish to the return' ('{0:0.000} s' -f $lag) ("interval $PollIntervalSec s") ($lag / $PollIntervalSec) ('{0:0.00}x the interval' -f ($lag / $PollIntervalSec)) '<= 1 interval' ($lag -le $PollIntervalSec)
    $waitCpuPerRequest = $figures.CpuSeconds / $requests
    $waitNetPerRequest = ($figures.CpuSeconds - $figures.JitSeconds) / $requests
    $notes.Add(('Wait: {0:0.0} s in all, CPU {1:0.00} s, of it {2:0.00} s compiling ({3:N0} methods: the polling path tiering up in its first rounds); working set {4:0} MB before, peak {5:0} MB.' -f
        $figures.Seconds, $figures.CpuSeconds, $figures.JitSeconds, $figures.JitMethods, $figures.WorkingSetBeforeMB, $figures.PeakWorkingSetMB))
    $notes.Add(('CPU per request with compile time counted: wait {0:0} us ({1} requests), batch {2:0} us ({3:N0} requests, {4:0.00} s compiling): {5:0.00}x. Compiling is a cost a process pays once, whatever the length of its wait, so the row counts the rest.' -f
        (1e6 * $waitCpuPerRequest), $requests, (1e6 * $batchCpuPerRequest), $MemoryCounts[0], $batchJit, ($waitCpuPerRequest / $batchCpuPerRequest)))
    Add-Row $case 'CPU per request less compile time, Wait-CloudJob vs Get-CloudJob batch' ('{0:0} us' -f (1e6 * $waitNetPerRequest)) ('{0:0} us' -f (1e6 * $batchNetPerRequest)) ($waitNetPerRequest / $batchNetPerRequest) ('{0:0.00}x' -f ($waitNetPerRequest / $batchNetPerRequest)) '<= 1.5x' (($waitNetPerRequest / $batchNetPerRequest) -le 1.5)

    # ---- 6. Budget
    $perSecond = $BudgetPerMinute / 60
    Write-Host "Budget: $BudgetJobs jobs finishing at random over $BudgetSpreadSec s, emulator enforcing $BudgetPerMinute calls a minute..."
    $random = [Random]::new(11)
    $budgetSpecs = @(1..$BudgetJobs | ForEach-Object { @{ id = 'budget-{0:D5}' -f $_; runSeconds = [math]::Round($BudgetSpreadSec * $random.NextDouble(), 3) } })
    $budgetFile = Join-Path $workDir 'budget-jobs.json'
    Set-Content -LiteralPath $budgetFile -Value (ConvertTo-Json -InputObject $budgetSpecs -Compress)
    $budgetTimeout = [math]::Ceiling(3 * $BudgetJobs / $perSecond + $BudgetSpreadSec + 60)
    $outcomes = [ordered]@{}
    foreach ($mode in 'budget', 'none') {
        Reset-TestEmulator
        $warmUp = (New-TestJob -Spec @{ runSeconds = 0 }).id
        $extra = @{ JobsFile = $budgetFile; PollIntervalSec = $PollIntervalSec; WarmUpId = $warmUp; TimeoutSec = $budgetTimeout }
        if ($mode -eq 'budget') {
            $extra.EmulatorBudgets = ConvertTo-Json -Compress -InputObject @(@{ service = 'CFW'; limit = $BudgetPerMinute; periodSeconds = 60 })
            $extra.MaximumRequestRate = $perSecond
        }
        $run = Invoke-Case Wait $extra
        $jobs = @{}
        foreach ($job in Get-TestJob) { $jobs[$job.id] = $job }
        $finish = @{}
        foreach ($spec in $budgetSpecs) { $finish[$spec.id] = (ConvertTo-UtcTime $jobs[$spec.id].beginTime).AddSeconds($spec.runSeconds) }
        $delays = for ($i = 0; $i -lt $run.OutIds.Count; $i++) { ([DateTime]::new([long]$run.OutTicks[$i], 'Utc') - $finish[$run.OutIds[$i]]).TotalSeconds }
        $requestsSent = @(Get-TestRequest | Where-Object { $_.jobId -like 'budget-*' })
        $outcomes[$mode] = [pscustomobject]@{
            Written   = $run.Written
            MeanDelay = ($delays | Measure-Object -Average).Average
            Throttled = @($requestsSent | Where-Object status -EQ 429).Count
            Requests  = $requestsSent.Count
            Start     = ($jobs.Values | ForEach-Object { ConvertTo-UtcTime $_.beginTime } | Sort-Object | Select-Object -First 1)
        }
    }

    # The bounds, from the budget run's finish times (relative to the wait's start) and input order.
    $start = $outcomes['budget'].Start
    $f = @($budgetSpecs | ForEach-Object { [double]$_.runSeconds })
    $gap = 1 / $perSecond
    $t = -1e9; $clairvoyant = 0.0
    foreach ($x in ($f | Sort-Object)) { $t = [math]::Max($t + $gap, $x); $clairvoyant += $t - $x }
    $clairvoyant /= $f.Count
    # Knowing no finish time: the turns go to jobs never read (input order), then the least recently read.
    $queue = [Collections.Generic.Queue[int]]::new()
    for ($i = 0; $i -lt $f.Count; $i++) { $queue.Enqueue($i) }
    $blind = 0.0; $turn = 0
    while ($queue.Count -gt 0) {
        $i = $queue.Dequeue(); $now = $turn * $gap; $turn++
        if ($f[$i] -le $now) { $blind += $now - $f[$i] } else { $queue.Enqueue($i) }
    }
    $blind /= $f.Count
    $b = $outcomes['budget']; $none = $outcomes['none']
    $case6 = "6. Budget, $BudgetJobs jobs over $BudgetSpreadSec s, $BudgetPerMinute calls/min"
    Add-Row $case6 '429 answers met under -MaximumRequestRate' ("$($b.Throttled) of $($b.Requests) requests") 'none' $b.Throttled "$($b.Throttled)" '0' ($b.Throttled -eq 0)
    Add-Row $case6 'jobs written' ("$($b.Written) of $BudgetJobs") "$BudgetJobs" ($b.Written / $BudgetJobs) ("$($b.Written)") "$BudgetJobs" ($b.Written -eq $BudgetJobs)
    Add-Row $case6 'mean delay from finish to output vs the best any polling schedule can expect' ('{0:0.0} s' -f $b.MeanDelay) ('{0:0.0} s' -f $blind) ($b.MeanDelay / $blind) ('{0:0.00}x' -f ($b.MeanDelay / $blind)) '<= 1.5x' (($b.MeanDelay / $blind) -le 1.5)
    Add-Row $case6 'mean delay vs a reader that knew every finish time in advance' ('{0:0.0} s' -f $b.MeanDelay) ('{0:0.0} s' -f $clairvoyant) ($b.MeanDelay / $clairvoyant) ('{0:0.00}x' -f ($b.MeanDelay / $clairvoyant)) 'none: no schedule knows them' $null
    $notes.Add(('Budget: with no budget anywhere the same jobs are written {0:0.0} s after their finish on average ({1} requests, {2} of them 429), against {3:0.0} s within {4} calls a minute ({5} requests): the budget costs {6:0.0} s of delay. Under the budget the reads are the bottleneck: {7} jobs need {8:0} s of turns however they are ordered.' -f
        $none.MeanDelay, $none.Requests, $none.Throttled, $b.MeanDelay, $BudgetPerMinute, $b.Requests, ($b.MeanDelay - $none.MeanDelay), $BudgetJobs, ($BudgetJobs / $perSecond)))

    # ---- 3. Import
    Write-Host "Import: $ImportRuns runs each..."
    # The floor: what PowerShell itself spends importing any module, here a manifest with nothing
    # in it (a script module would add the script engine's start-up, which JobStatus does not pay).
    $empty = Join-Path $workDir 'Empty'
    $null = New-Item -ItemType Directory -Path $empty -Force
    Set-Content -LiteralPath (Join-Path $empty 'Empty.psd1') -Value "@{ ModuleVersion = '1.0'; FunctionsToExport = @(); CmdletsToExport = @() }"
    # The second floor: the smallest binary module, one cmdlet and no format file.
    $oneCmdlet = Join-Path $workDir 'OneCmdlet'
    $null = New-Item -ItemType Directory -Path $oneCmdlet -Force
    Copy-Item (Join-Path $PSScriptRoot 'OneCmdlet/bin/Release/net8.0/OneCmdlet.dll') $oneCmdlet
    Set-Content -LiteralPath (Join-Path $oneCmdlet 'OneCmdlet.psd1') -Value "@{ ModuleVersion = '1.0'; RootModule = 'OneCmdlet.dll'; CmdletsToExport = @('Get-Nothing'); FunctionsToExport = @() }"
    $commands = [ordered]@{
        Exit      = 'exit'
        Import    = "Import-Module '$($modulePath.Replace("'", "''"))'"
        Empty     = "Import-Module '$((Join-Path $empty 'Empty.psd1').Replace("'", "''"))'"
        OneCmdlet = "Import-Module '$((Join-Path $oneCmdlet 'OneCmdlet.psd1').Replace("'", "''"))'"
    }
    $starts = @{ Exit = @(); Import = @(); Empty = @(); OneCmdlet = @() }
    if (-not $Quick) { foreach ($name in $commands.Keys) { $null = & $dotnet @pwshArgs -c $commands[$name] } }   # warm the file cache
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        foreach ($name in $commands.Keys) {
            $starts[$name] += 1000 * (Measure-Seconds { & $dotnet @pwshArgs -c $commands[$name] })
            if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$($commands[$name])' failed (exit code $LASTEXITCODE)." }
        }
    }
    $exitMs = Get-Median $starts.Exit
    $importMs = Get-Median $starts.Import
    $added = $importMs - $exitMs
    Add-Row '3. Import' 'pwsh -c Import-Module vs pwsh -c exit, added' ('{0:0} ms' -f $importMs) ('{0:0} ms' -f $exitMs) $added ('+{0:0} ms' -f $added) '<= +50 ms' ($added -le 50)
    $emptyAdded = (Get-Median $starts.Empty) - $exitMs
    $oneCmdletAdded = (Get-Median $starts.OneCmdlet) - $exitMs
    $notes.Add(('Import: an empty manifest module adds {0:0} ms (PowerShell''s own cost of any module import) and a one-cmdlet binary module with no format file {1:0} ms (the cost of any binary module), so JobStatus adds {2:0} ms over the one and {3:0} ms over the other (its format file, its other cmdlets).' -f
        $emptyAdded, $oneCmdletAdded, ($added - $emptyAdded), ($added - $oneCmdletAdded)))
}
finally {
    Stop-TestEmulator $emu
    Remove-Item $workDir -Recurse -Force -ErrorAction Ignore
}

$sorted = @($rows | Sort-Object Case -Stable)
$sorted | Format-Table -AutoSize -Wrap | Out-String -Width 220 | Write-Host
foreach ($note in $notes) { Write-Host $note }

$targeted = @($sorted | Where-Object Result -ne 'info').Count
$missed = @($sorted | Where-Object Result -eq 'MISS').Count
Write-Host ("{0} of {1} targets met." -f ($targeted - $missed), $targeted)

if ($ResultsPath) {
    $os = [Runtime.InteropServices.RuntimeInformation]::OSDescription
    $lines = @(
        '# JobStatus benchmark'
        ''
        'Written by `dotnet pwsh ./build.ps1 bench` (tests/Benchmarks/Measure-JobStatus.ps1). Ratios compare'
        'figures measured in the same run against the same emulator; absolute figures depend on the'
        'machine and on what else ran on it.'
        ''
        "- Date: $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)) UTC"
        "- Machine: $([Environment]::ProcessorCount) cores, $os"
        "- PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version)"
        "- Settings: -Count $Count -ThrottleLimit $ThrottleLimit -Repeat $Repeat -OneCallCount $OneCallCount -ImportRuns $ImportRuns -WaitJobs $WaitJobs -WaitSpreadSec $WaitSpreadSec -PollIntervalSec $PollIntervalSec -MemoryCounts $($MemoryCounts -join ',') -BudgetJobs $BudgetJobs -BudgetSpreadSec $BudgetSpreadSec -BudgetPerMinute $BudgetPerMinute"
        ''
        '| Case | Measured | Value | Baseline | Ratio | Target | Result |'
        '|---|---|---|---|---|---|---|'
        foreach ($row in $sorted) { "| $($row.Case) | $($row.Measured) | $($row.Value) | $($row.Baseline) | $($row.Ratio) | $($row.Target) | $($row.Result) |" }
        ''
        foreach ($note in $notes) { "- $note" }
    )
    $directory = Split-Path -Parent $ResultsPath
    if ($directory) { $null = New-Item -ItemType Directory -Path $directory -Force }
    Set-Content -LiteralPath $ResultsPath -Value $lines -Encoding utf8
    Write-Host "Written to $ResultsPath"
}
