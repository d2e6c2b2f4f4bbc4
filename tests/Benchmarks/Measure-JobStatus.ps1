<#
.SYNOPSIS
    Measures Get-CloudJob and Wait-CloudJob against baselines run in the same process, on the same
    emulator, and prints ratios. Run through: dotnet pwsh ./build.ps1 bench

.DESCRIPTION
    Absolute times depend on the machine; the ratios compare like with like in one run:
    - Get, with latency: 200 ids, every answer delayed by -LatencyMs (a stand-in for the network).
      Baselines: a sequential Invoke-RestMethod loop (what a script does without the module), and
      ForEach-Object -Parallel with the same throttle limit (the best a script can do).
    - Get, no latency: per-request cost of the module against Invoke-RestMethod, both sequential.
    - Wait: 200 jobs that finish after -JobSeconds, polled every -PollIntervalSec, with the same
      latency. Baseline: a script loop that polls the unfinished jobs one after another, then
      sleeps the interval; and the job length itself (the ideal).
      Also the requests per job against the ideal (JobSeconds / interval + 1).
    Only loopback is contacted. Each figure is the median of -Repeat runs after one warm-up.
#>
[CmdletBinding()]
param(
    [int]$Count = 200,
    [int]$LatencyMs = 50,
    [double]$JobSeconds = 2,
    [double]$PollIntervalSec = 0.5,
    [int]$Repeat = 3
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1') -Force
$null = Import-JobStatusModule
$project = '09bb24e6fe80d23d2fa2c010b53b418c'
$token = 'bench-token'
$emu = Start-TestEmulator -Token $token

function Measure-Median([scriptblock]$Block) {
    $null = & $Block   # warm-up: JIT, connection pool
    $times = foreach ($i in 1..$Repeat) {
        $sw = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Block
        $sw.Elapsed.TotalSeconds
    }
    ($times | Sort-Object)[[int][math]::Floor($times.Count / 2)]
}

function Format-Row([string]$Case, [string]$What, [double]$Seconds, [double]$BaselineSeconds) {
    [pscustomobject]@{
        Case      = $Case
        Measured  = $What
        Seconds   = [math]::Round($Seconds, 3)
        Baseline  = [math]::Round($BaselineSeconds, 3)
        'Speed-up' = if ($Seconds -gt 0) { '{0:0.00}x' -f ($BaselineSeconds / $Seconds) } else { 'n/a' }
    }
}

try {
    $rows = [System.Collections.Generic.List[object]]::new()
    $headers = @{ 'X-Auth-Token' = $token }
    $secure = ConvertTo-SecureString $token -AsPlainText -Force
    $common = @{ ProjectId = $project; Endpoint = $emu.Url; Token = $secure }

    # --- Get: finished jobs, each answer delayed by LatencyMs
    $ids = @(New-TestJob -Spec @(1..$Count | ForEach-Object { @{ runSeconds = 0 } }) | ForEach-Object id)
    $null = Add-TestFault slow -DelayMs $LatencyMs -Count -1
    $url = $emu.Url
    $loop = Measure-Median { foreach ($id in $ids) { Invoke-RestMethod -Uri "$url/v3/$project/jobs/$id" -Headers $headers } }
    $parallel = Measure-Median {
        $ids | ForEach-Object -ThrottleLimit 16 -Parallel {
            Invoke-RestMethod -Uri "$using:url/v3/$using:project/jobs/$_" -Headers $using:headers
        }
    }
    $module = Measure-Median { Get-CloudJob $ids @common }
    $rows.Add((Format-Row "Get $Count ids, ${LatencyMs} ms latency" 'Get-CloudJob vs sequential Invoke-RestMethod' $module $loop))
    $rows.Add((Format-Row "Get $Count ids, ${LatencyMs} ms latency" 'Get-CloudJob vs ForEach-Object -Parallel 16' $module $parallel))

    # --- Get: no latency, both sequential: what the module costs per request
    $null = Invoke-RestMethod -Method Delete -Uri "$url/_emulator/faults"
    $loop0 = Measure-Median { foreach ($id in $ids) { Invoke-RestMethod -Uri "$url/v3/$project/jobs/$id" -Headers $headers } }
    $module0 = Measure-Median { Get-CloudJob $ids @common -ThrottleLimit 1 }
    $rows.Add((Format-Row "Get $Count ids, no latency" 'Get-CloudJob -ThrottleLimit 1 vs Invoke-RestMethod' $module0 $loop0))

    # --- Wait: jobs that run JobSeconds, every answer delayed by LatencyMs again
    $null = Add-TestFault slow -DelayMs $LatencyMs -Count -1
    $newJobs = { @(New-TestJob -Spec @(1..$Count | ForEach-Object { @{ runSeconds = $JobSeconds } }) | ForEach-Object id) }
    $waitIds = & $newJobs
    Clear-TestRequest
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $done = @(Wait-CloudJob $waitIds @common -PollIntervalSec $PollIntervalSec -Timeout 120)
    $waitSeconds = $sw.Elapsed.TotalSeconds
    $waitRequests = @(Get-TestRequest).Count
    if ($done.Count -ne $Count) { throw "Wait-CloudJob returned $($done.Count) of $Count jobs." }

    $scriptIds = & $newJobs
    Clear-TestRequest
    $sw.Restart()
    $pending = [System.Collections.Generic.List[string]]::new([string[]]$scriptIds)
    while ($pending.Count -gt 0) {
        foreach ($id in @($pending)) {
            $answer = Invoke-RestMethod -Uri "$url/v3/$project/jobs/$id" -Headers $headers
            if ($answer.data.status -ne 'Running') { $null = $pending.Remove($id) }
        }
        if ($pending.Count -gt 0) { Start-Sleep -Milliseconds ([int]($PollIntervalSec * 1000)) }
    }
    $scriptSeconds = $sw.Elapsed.TotalSeconds
    $scriptRequests = @(Get-TestRequest).Count

    $waitCase = "Wait $Count jobs of ${JobSeconds} s, poll ${PollIntervalSec} s, ${LatencyMs} ms latency"
    $rows.Add((Format-Row $waitCase 'Wait-CloudJob vs polling loop script' $waitSeconds $scriptSeconds))
    $rows.Add((Format-Row $waitCase 'Wait-CloudJob vs the job length (ideal)' $waitSeconds $JobSeconds))

    $rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
    $ideal = [math]::Ceiling($JobSeconds / $PollIntervalSec) + 1
    Write-Host ('Wait-CloudJob requests per job: {0:0.00} (ideal {1}); polling script: {2:0.00}' -f ($waitRequests / $Count), $ideal, ($scriptRequests / $Count))
}
finally {
    Stop-TestEmulator $emu
}
