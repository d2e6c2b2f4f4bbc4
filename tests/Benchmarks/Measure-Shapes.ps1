<#
.SYNOPSIS
    Get-CloudJob on -Count finished jobs of every service of the catalog, against the emulator: the
    time per job of each answer shape, and its ratio to the services the module read before issue 18
    (CFW, ECS, RDS), measured in the same run. Writes bench/shapes.md. Run through:
    dotnet pwsh ./build.ps1 bench-shapes

.DESCRIPTION
    For each service GET /_emulator/services lists, -Count finished jobs are made (under an owner or
    the account where the service's path names one). Every service is read once to warm up, then all
    are read in -Repeat rounds with Get-CloudJob at -ThrottleLimit; each one's median is its figure. The baseline is the median time per
    job of CFW, ECS and RDS together. An order is read like any job, plus its resource lookup once it
    has completed: its row counts both requests. -MaximumRequestRate 100000 stands in for the documented
    budgets (DDM's 60 calls a minute, BSS's 10 a second), which would measure the budget, not the
    reading. Only 127.0.0.1 is contacted.
#>
[CmdletBinding()]
param(
    [int]$Count = 5000,
    [int]$Repeat = 3,
    [int]$ThrottleLimit = 16,
    [string]$ResultsPath,
    [switch]$Quick
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0
if ($Quick) { $Count = 50; $Repeat = 1 }
$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $ResultsPath -and -not $Quick) { $ResultsPath = Join-Path $repoRoot 'bench/shapes.md' }

Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1') -Force
$null = Import-JobStatusModule
$project = '09bb24e6fe80d23d2fa2c010b53b418c'
$domain = '0a1b2c3d4e5f60718293a4b5c6d7e8f9'
$token = 'shapes-token'
$before = 'CFW', 'ECS', 'RDS'
# The twelve services the module read before issue 18; the rest are new.
$twelve = 'CFW', 'BMS', 'CCE', 'DCS', 'DDS', 'ECS', 'ELB', 'EVS', 'GaussDB', 'IMS', 'RDS', 'VPC'

function Get-Median([double[]]$Values) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][math]::Floor($sorted.Count / 2)]
}

$emu = Start-TestEmulator -Token $token
$rows = [Collections.Generic.List[object]]::new()
try {
    # One JSON array: enumerated, so that each service is one item.
    $services = @(Invoke-RestMethod -Uri "$($emu.Url)/_emulator/services" -NoProxy | ForEach-Object { $_ })
    $secure = ConvertTo-SecureString $token -AsPlainText -Force
    $cases = foreach ($service in $services) {
        $name = $service.Name
        $extra = @{}
        $specDefaults = @{ Service = $name }
        if ($service.Scope -ne 'project') { $extra.DomainId = $domain }
        if ($service.Scope -eq 'domain') { $specDefaults.DomainId = $domain }
        if ($service.OwnerParameter) {
            # A header owner (CAE's X-Environment-ID) in the UUID form the module checks before sending.
            $owner = if ($service.OwnerHeader) { '0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c' } else { 'owner-1' }
            $extra[$service.OwnerParameter] = $owner
            $specDefaults[$service.OwnerParameter] = $owner
        }
        $ids = [string[]]@(New-TestJob @(1..$Count | ForEach-Object { @{ runSeconds = 0 } }) @specDefaults | ForEach-Object id)
        # -MaximumRequestRate in place of the documented budgets (DDM's 60 a minute, BSS's 10 a second):
        # this measures the reading of each shape, and the emulator enforces no budget here.
        $common = @{ Service = $name; ProjectId = $project; Endpoint = $emu.Url; Token = $secure; ThrottleLimit = $ThrottleLimit; MaximumRequestRate = 100000 } + $extra
        [pscustomobject]@{ Service = $service; Ids = $ids; Common = $common; Times = [Collections.Generic.List[double]]::new() }
    }

    # Every service read once before any is timed, so that none pays for compiling the paths all share.
    foreach ($case in $cases) {
        $common = $case.Common
        $got = @(Get-CloudJob $case.Ids @common)
        if ($got.Count -ne $Count -or @($got | Where-Object Status -NE Success).Count -ne 0) {
            throw "$($case.Service.Name): Get-CloudJob wrote $($got.Count) of $Count jobs, $(@($got | Where-Object Status -NE Success).Count) not Success."
        }
    }

    # Round after round, every service in each, so that a busy moment of the machine falls on all alike.
    for ($r = 0; $r -lt $Repeat; $r++) {
        foreach ($case in $cases) {
            $common = $case.Common
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $null = Get-CloudJob $case.Ids @common
            $case.Times.Add($watch.Elapsed.TotalSeconds)
        }
    }

    foreach ($case in $cases) {
        $seconds = Get-Median $case.Times.ToArray()
        $rows.Add([pscustomobject]@{
                Service      = $case.Service.Name
                Shape        = if ($case.Service.HandWritten) { 'hand-written' } else { 'from the catalog' }
                Path         = $case.Service.PathTemplate
                Seconds      = $seconds
                MicrosPerJob = 1e6 * $seconds / $Count
            })
        Write-Host ('{0,-14} {1,8:0.000} s  {2,6:0} us/job' -f $case.Service.Name, $seconds, (1e6 * $seconds / $Count))
    }
}
finally {
    Stop-TestEmulator $emu
}

$baseline = Get-Median @($rows | Where-Object { $_.Service -in $before } | ForEach-Object MicrosPerJob)
$lines = [Collections.Generic.List[string]]::new()
$lines.Add('# Get-CloudJob per answer shape')
$lines.Add('')
$lines.Add('Written by `dotnet pwsh ./build.ps1 bench-shapes` (tests/Benchmarks/Measure-Shapes.ps1): ' + "$Count finished jobs of each service, read with Get-CloudJob at -ThrottleLimit $ThrottleLimit against the emulator, every service once to warm up, then the median of $Repeat rounds over all services. The baseline is the median time per job of $($before -join ', ') (services read before issue 18), measured in the same run.")
$lines.Add('')
$lines.Add("- Date: $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC; $([Environment]::ProcessorCount) cores; PowerShell $($PSVersionTable.PSVersion)")
$lines.Add(('- Baseline: {0:0.0} us per job' -f $baseline))
$lines.Add('')
$lines.Add('| Service | answer laid out | path | time for all | per job | vs baseline |')
$lines.Add('|---|---|---|---|---|---|')
foreach ($row in $rows) {
    $lines.Add(('| {0} | {1} | `{2}` | {3:0.000} s | {4:0.0} us | {5:0.00}x |' -f $row.Service, $row.Shape, $row.Path, $row.Seconds, $row.MicrosPerJob, ($row.MicrosPerJob / $baseline)))
}

$new = @($rows | Where-Object { $_.Service -notin $twelve })
$jobsOnly = @($new | Where-Object { $_.Service -notlike 'Order*' })
$worst = $jobsOnly | Sort-Object MicrosPerJob -Descending | Select-Object -First 1
$lines.Add('')
$lines.Add(('New services (one request a job): median {0:0.00}x the baseline, slowest {1} at {2:0.00}x. Orders make two requests for a completed order (the order, then its resources): {3}.' -f
        ((Get-Median @($jobsOnly | ForEach-Object MicrosPerJob)) / $baseline), $worst.Service, ($worst.MicrosPerJob / $baseline),
        (($new | Where-Object { $_.Service -like 'Order*' } | ForEach-Object { '{0} {1:0.00}x' -f $_.Service, ($_.MicrosPerJob / $baseline) }) -join ', ')))
$lines | ForEach-Object { Write-Host $_ }
if ($ResultsPath) {
    $null = New-Item -ItemType Directory -Path (Split-Path $ResultsPath) -Force
    Set-Content -LiteralPath $ResultsPath -Value $lines
    Write-Host "Wrote $ResultsPath"
}
