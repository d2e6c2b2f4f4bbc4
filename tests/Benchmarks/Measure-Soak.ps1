<#
.SYNOPSIS
    A soak of Wait-CloudJob: thousands of jobs of five services waited for by one command for
    -DurationMin minutes of real time, while the emulator goes through outages, broken
    connections, a restart, a 429 storm and a 403. Prints what became of every job and how late
    each was written, and writes it to bench/soak.md. Run through: dotnet pwsh ./build.ps1 soak

.DESCRIPTION
    -JobCount jobs (default 2,000) of ECS, EVS, ELB and CCE, and a few (-ForbiddenShare) of DCS,
    all beginning together, finish at random times from 5% to 95% of the run. ONE child pwsh runs

        Import-Csv jobs.csv | Wait-CloudJob -PollIntervalSec 5 -Timeout <run + 60 s> 2>&1 3>&1

    and writes every job, error record (FullyQualifiedErrorId, category, target) and warning as a
    JSON line with the time it came out of the pipeline. Meanwhile this script injects, through the
    control API, at fixed points of the run (shown for 10 minutes; shorter runs scale them, the
    restart staying down at least 10 s):

        1:00  503 outage (html503, every request) for 30 s
        2:00  503 outage for 2 min
        4:30  connections dropped mid-answer (truncated) and without answer (reset), 25% each, for 1 min
        6:00  emulator restart on the same port, down 15 s; the new one has the same jobs with the
              same begin and run times from its first moment (a scenario file), as a cloud would
        7:00  429 storm: 80% of requests throttled with Retry-After: 5, for 1 min
        8:30  403 on every DCS request until the end

    Then, per job: written once, written more than once, lost (never written and no error for it),
    ended by an unexpected error (any error but the 403 service's permission error), and, for DCS,
    ended with the permission error (expected for jobs not finished by 8:30). The TCP connections
    the emulators accepted (GET /_emulator/connections, summed over both lifetimes) show whether
    the wait renews its connections. The delay from each job's finish to its output is held to a
    goal: one -PollIntervalSec (plus 1 s of scheduling slack) for a finish outside every
    disturbance; for a finish inside one (or less than an interval before one, whose read falls into
    it), the interval plus what was left of it, and of any that began less than an interval after it.

    Exit code 1 when a job was lost or written twice. Only 127.0.0.1 is contacted.
#>
[CmdletBinding()]
param(
    [ValidateRange(10, 1000000)]
    [int]$JobCount = 2000,
    # Minutes of real time the run lasts (the wait a little longer); 2 is a quick look.
    [ValidateRange(1, 1440)]
    [double]$DurationMin = 10,
    [double]$PollIntervalSec = 5,
    # The share of the jobs that belong to DCS, the service that gets the 403.
    [ValidateRange(0.01, 0.5)]
    [double]$ForbiddenShare = 0.05,
    [int]$Seed = 5,
    # Where the table goes; by default bench/soak.md for a run of 10 minutes or more, nowhere for a shorter one.
    [string]$ResultsPath
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $PSBoundParameters.ContainsKey('ResultsPath') -and $DurationMin -ge 10) { $ResultsPath = Join-Path $repoRoot 'bench/soak.md' }

Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1') -Force
$modulePath = Get-JobStatusModulePath
if (-not (Test-Path $modulePath)) { throw "The module is not built: $modulePath does not exist. Run: dotnet pwsh ./build.ps1 build" }
$project = '09bb24e6fe80d23d2fa2c010b53b418c'
$token = 'soak-token'
# No service with a documented budget: RDS's 60 calls a minute would read its ~500 jobs once every
# eight minutes, and a ten-minute soak would measure RDS's budget (build.ps1 bench's budget case
# does), not the wait riding out the disturbances.
$services = 'ECS', 'EVS', 'ELB', 'CCE'
$forbiddenService = 'DCS'
$runSeconds = 60 * $DurationMin
$scale = $runSeconds / 600
$timeoutSec = [int][Math]::Ceiling($runSeconds + 60)
$slackSec = 1.0
$workDir = Join-Path ([IO.Path]::GetTempPath()) "jobstatus-soak-$PID"
$null = New-Item -ItemType Directory -Path $workDir -Force

# The pwsh that runs this script is usually the dotnet tool: dotnet + pwsh.dll.
$dotnet = [Environment]::ProcessPath
$pwshArgs = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text')
if (-not (Test-Path (Join-Path $PSHOME 'pwsh.dll'))) { $pwshArgs = $pwshArgs[1..($pwshArgs.Count - 1)] }

function Format-Clock([double]$Seconds) { '{0:00}:{1:00}' -f [Math]::Floor($Seconds / 60), [Math]::Floor($Seconds % 60) }

# ---- The jobs: fixed begin time, so a restarted emulator can be given the very same jobs.
$random = [Random]::new($Seed)
$begin = [DateTime]::UtcNow.AddSeconds(3)   # the child pwsh needs a moment to start
$beginText = $begin.ToString('o')
$specs = for ($i = 1; $i -le $JobCount; $i++) {
    $service = if ($random.NextDouble() -lt $ForbiddenShare) { $forbiddenService } else { $services[$random.Next($services.Count)] }
    [ordered]@{
        service    = $service
        id         = 'soak-{0}-{1:D6}' -f $service.ToLowerInvariant(), $i
        runSeconds = [Math]::Round($runSeconds * (0.05 + 0.9 * $random.NextDouble()), 3)
        beginTime  = $beginText
    }
}
$finishOf = @{}; $keyOfId = @{}
foreach ($s in $specs) {
    $finishOf["$($s.service) $($s.id)"] = $begin.AddSeconds($s.runSeconds)
    $keyOfId[$s.id] = "$($s.service) $($s.id)"
}
$scenario = Join-Path $workDir 'jobs.json'
Set-Content -LiteralPath $scenario -Value (ConvertTo-Json -Depth 4 -Compress -InputObject @{ jobs = @($specs) })
$csv = Join-Path $workDir 'jobs.csv'
$specs | ForEach-Object { [pscustomobject]@{ Service = $_.service; JobId = $_.id } } | Export-Csv -LiteralPath $csv -NoTypeInformation
$outFile = Join-Path $workDir 'wait.jsonl'

# ---- The child: one Wait-CloudJob over every job, each record a JSON line as it comes out.
$childScript = Join-Path $workDir 'Wait-Soak.ps1'
Set-Content -LiteralPath $childScript -Value {
    param($ModulePath, $CsvPath, $Endpoint, $ProjectId, $Token, [double]$PollIntervalSec, [int]$TimeoutSec, $OutFile)
    $ErrorActionPreference = 'Continue'
    $ProgressPreference = 'SilentlyContinue'
    $PSStyle.OutputRendering = 'PlainText'
    Import-Module $ModulePath
    $writer = [IO.StreamWriter]::new($OutFile, $false, [Text.UTF8Encoding]::new($false))
    $writer.AutoFlush = $true
    function Out-Line([Collections.IDictionary]$Line) { $writer.WriteLine((ConvertTo-Json -InputObject $Line -Compress -Depth 3)) }
    Out-Line @{ kind = 'start'; ticks = [DateTime]::UtcNow.Ticks }
    $wait = @{ Endpoint = $Endpoint; ProjectId = $ProjectId; Token = $Token; PollIntervalSec = $PollIntervalSec; Timeout = $TimeoutSec }
    try {
        Import-Csv -LiteralPath $CsvPath | Wait-CloudJob @wait 2>&1 3>&1 | ForEach-Object {
            $ticks = [DateTime]::UtcNow.Ticks
            if ($_ -is [JobStatus.CloudJob]) {
                Out-Line @{ kind = 'job'; ticks = $ticks; service = $_.Service; id = $_.Id; status = [string]$_.Status; rawStatus = $_.RawStatus }
            }
            elseif ($_ -is [Management.Automation.ErrorRecord]) {
                $target = $_.TargetObject
                $line = [ordered]@{
                    kind = 'error'; ticks = $ticks; errorId = $_.FullyQualifiedErrorId; category = [string]$_.CategoryInfo.Category
                    service = $null; id = $null; target = $null; message = [string]$_.Exception.Message
                }
                if ($null -ne $target -and $target.PSObject.Properties['Id']) {
                    $line.id = [string]$target.Id
                    if ($target.PSObject.Properties['Service']) { $line.service = [string]$target.Service }
                }
                elseif ($null -ne $target) { $line.target = [string]$target }
                Out-Line $line
            }
            elseif ($_ -is [Management.Automation.WarningRecord]) {
                Out-Line @{ kind = 'warning'; ticks = $ticks; message = $_.Message }
            }
        }
    }
    catch {
        # A terminating error ends the whole wait: every job not yet written is lost with it.
        Out-Line @{ kind = 'terminated'; ticks = [DateTime]::UtcNow.Ticks; errorId = $_.FullyQualifiedErrorId; message = [string]$_.Exception.Message }
    }
    $self = [Diagnostics.Process]::GetCurrentProcess()
    Out-Line @{ kind = 'end'; ticks = [DateTime]::UtcNow.Ticks; peakWorkingSetMB = $self.PeakWorkingSet64 / 1MB; cpuSeconds = $self.TotalProcessorTime.TotalSeconds }
    $writer.Dispose()
}.ToString()

# ---- The schedule, in seconds from $begin for a 10-minute run, scaled to -DurationMin.
$downSec = [Math]::Max(10, 15 * $scale)
$schedule = @(
    [pscustomobject]@{ At = 60; Name = '503 outage, 30 s'; Seconds = 30; Faults = @(@{ Kind = 'html503'; Count = -1 }) }
    [pscustomobject]@{ At = 120; Name = '503 outage, 2 min'; Seconds = 120; Faults = @(@{ Kind = 'html503'; Count = -1 }) }
    [pscustomobject]@{ At = 270; Name = 'truncated and reset answers, 25% each, 1 min'; Seconds = 60; Faults = @(
            @{ Kind = 'truncated'; Count = -1; Rate = 0.25 }
            @{ Kind = 'reset'; Count = -1; Rate = 0.25 }) }
    [pscustomobject]@{ At = 360; Name = "restart on the same port, down $([Math]::Round($downSec)) s"; Seconds = $null; Faults = $null }
    [pscustomobject]@{ At = 420; Name = '429 storm, 80% with Retry-After: 5, 1 min'; Seconds = 60; Faults = @(@{ Kind = 'throttle'; Count = -1; Rate = 0.8; RetryAfter = 5 }) }
    [pscustomobject]@{ At = 510; Name = "403 on every $forbiddenService request until the end"; Seconds = $null; Faults = @(@{ Kind = 'status'; Status = 403; Service = $forbiddenService; Count = -1 }) }
)
foreach ($step in $schedule) {
    $step.At *= $scale
    if ($step.Seconds) { $step.Seconds *= $scale }
}

$disturbances = [Collections.Generic.List[object]]::new()   # { Name; From; To } in UTC, for the delay goal
$lifetimes = [Collections.Generic.List[object]]::new()      # connections per emulator lifetime
$forbiddenSince = $null

function Read-Connections($Emulator, [string]$Label) {
    $counts = Get-TestConnection $Emulator
    $lifetimes.Add([pscustomobject]@{ Emulator = $Label; Opened = [long]$counts.opened; OpenAtEnd = [long]$counts.open })
}

try {
    Write-Host ("Soak: {0:N0} jobs ({1}, and {2}), finishing over {3:0.#} min; Wait-CloudJob -PollIntervalSec {4} -Timeout {5} in one child pwsh." -f
        $JobCount, ($services -join ', '), $forbiddenService, $DurationMin, $PollIntervalSec, $timeoutSec)
    $emu = Start-TestEmulator -Token $token -Scenario $scenario
    $child = $null
    try {
        $info = [Diagnostics.ProcessStartInfo]::new($dotnet)
        foreach ($a in @($pwshArgs) + @('-File', $childScript, $modulePath, $csv, $emu.Url, $project, $token, $PollIntervalSec, $timeoutSec, $outFile)) {
            $info.ArgumentList.Add([string]$a)
        }
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $child = [Diagnostics.Process]::Start($info)
        $childOut = $child.StandardOutput.ReadToEndAsync()
        $childErr = $child.StandardError.ReadToEndAsync()

        $nextReport = 60
        foreach ($step in $schedule) {
            $at = $begin.AddSeconds($step.At)
            while ([DateTime]::UtcNow -lt $at) {
                $elapsed = ([DateTime]::UtcNow - $begin).TotalSeconds
                if ($elapsed -ge $nextReport) {
                    $written = if (Test-Path $outFile) { @(Select-String -LiteralPath $outFile -SimpleMatch '"kind":"job"').Count } else { 0 }
                    Write-Host ("  [{0}] {1:N0} jobs written so far" -f (Format-Clock $elapsed), $written)
                    $nextReport += 60
                }
                if ($child.HasExited) { throw "The waiting pwsh ended early (exit code $($child.ExitCode)): $($childErr.Result)" }
                Start-Sleep -Milliseconds ([Math]::Min(500, [Math]::Max(1, ($at - [DateTime]::UtcNow).TotalMilliseconds)))
            }
            $now = [DateTime]::UtcNow
            Write-Host ("  [{0}] {1}" -f (Format-Clock ($now - $begin).TotalSeconds), $step.Name)
            if ($step.Faults) {
                foreach ($fault in $step.Faults) {
                    $extra = if ($step.Seconds) { @{ DurationMs = [int](1000 * $step.Seconds) } } else { @{} }
                    $null = Add-TestFault @fault @extra -Emulator $emu
                }
                if ($step.Seconds) { $disturbances.Add([pscustomobject]@{ Name = $step.Name; From = $now; To = $now.AddSeconds($step.Seconds) }) }
                else { $forbiddenSince = $now }
            }
            else {
                Read-Connections $emu 'first'
                Stop-TestEmulator $emu
                Start-Sleep -Seconds $downSec
                $emu = Start-TestEmulator -Port $emu.Port -Token $token -Scenario $scenario
                $disturbances.Add([pscustomobject]@{ Name = $step.Name; From = $now; To = [DateTime]::UtcNow })
            }
        }

        Write-Host "  waiting for the wait to end (at most $timeoutSec s after its start)..."
        $limit = $begin.AddSeconds($timeoutSec + 60)
        while (-not $child.HasExited -and [DateTime]::UtcNow -lt $limit) { Start-Sleep -Milliseconds 500 }
        if (-not $child.HasExited) {
            Write-Host '  the wait outlived its -Timeout by a minute: killed.' -ForegroundColor Red
            $child.Kill($true)
            $null = $child.WaitForExit(10000)
        }
        $childExit = $child.ExitCode
        Read-Connections $emu 'after the restart'
    }
    finally {
        if ($child -and -not $child.HasExited) { $child.Kill($true) }
        Stop-TestEmulator $emu
    }
    $stderrText = if ($childErr.Wait(5000)) { $childErr.Result.Trim() } else { '' }
    $null = $childOut.Wait(5000)

    # ---- What became of each job.
    $lines = @(if (Test-Path $outFile) { Get-Content -LiteralPath $outFile | ForEach-Object { $_ | ConvertFrom-Json } })
    $end = $lines | Where-Object kind -EQ 'end' | Select-Object -Last 1
    $written = @{}; $jobErrors = @{}
    $unexpectedErrors = [Collections.Generic.List[object]]::new()
    $forbiddenErrors = 0; $forbiddenGroupError = $false
    $warnings = @($lines | Where-Object kind -EQ 'warning')
    $terminated = $lines | Where-Object kind -EQ 'terminated' | Select-Object -First 1
    foreach ($line in $lines) {
        if ($line.kind -eq 'job') {
            $key = "$($line.service) $($line.id)"
            if (-not $written.ContainsKey($key)) { $written[$key] = [Collections.Generic.List[object]]::new() }
            $written[$key].Add($line)
        }
        elseif ($line.kind -eq 'error') {
            # A target that is just the id (a job whose service the engine did not know yet) names the job too.
            if (-not $line.id -and $line.target -and $keyOfId.ContainsKey([string]$line.target)) { $line.id = $line.target }
            $isPermission = $line.category -in 'PermissionDenied', 'SecurityError' -or $line.errorId -match 'Forbidden|Permission|Denied' -or $line.message -match '\b403\b'
            $concernsForbidden = $line.service -eq $forbiddenService -or ("$($line.id)" -like "soak-$($forbiddenService.ToLowerInvariant())-*") -or
                (-not $line.id -and "$($line.target) $($line.message)" -match "\b$forbiddenService\b")
            if ($isPermission -and $concernsForbidden) {
                $forbiddenErrors++
                if (-not $line.id) { $forbiddenGroupError = $true }
            }
            else { $unexpectedErrors.Add($line) }
            if ($line.id) {
                # An error whose target names no service is matched by id: the ids are unique across services.
                $key = if ($line.service) { "$($line.service) $($line.id)" } else { $keyOfId[[string]$line.id] }
                if ($key) {
                    if (-not $jobErrors.ContainsKey($key)) { $jobErrors[$key] = [Collections.Generic.List[object]]::new() }
                    $jobErrors[$key].Add([pscustomobject]@{ Expected = ($isPermission -and $concernsForbidden); Line = $line })
                }
            }
        }
    }

    $once = 0; $twice = 0; $lost = 0; $byUnexpectedError = 0; $forbiddenEnded = 0; $unfinished = 0
    $lostIds = [Collections.Generic.List[string]]::new(); $twiceIds = [Collections.Generic.List[string]]::new()
    $delays = [Collections.Generic.List[object]]::new()
    foreach ($s in $specs) {
        $key = "$($s.service) $($s.id)"
        $count = if ($written.ContainsKey($key)) { $written[$key].Count } else { 0 }
        $errs = if ($jobErrors.ContainsKey($key)) { @($jobErrors[$key]) } else { @() }
        if ($count -eq 1) { $once++ }
        elseif ($count -gt 1) { $twice++; $twiceIds.Add($key) }
        elseif (@($errs | Where-Object { -not $_.Expected }).Count -gt 0) { $byUnexpectedError++ }
        elseif (@($errs | Where-Object Expected).Count -gt 0 -or ($s.service -eq $forbiddenService -and $forbiddenGroupError)) { $forbiddenEnded++ }
        else { $lost++; $lostIds.Add($key) }
        if ($count -ge 1) {
            $first = $written[$key][0]
            if ($first.status -notin 'Success', 'Failed') { $unfinished++ }
            $finish = $finishOf[$key]
            $out = [DateTime]::new([long]$first.ticks, [DateTimeKind]::Utc)
            $inside = @($disturbances | Where-Object { $finish -ge $_.From -and $finish -lt $_.To })
            # The read that would see the finish can fall into a disturbance the job finished in, or one
            # that began less than an interval later, and so on: the goal counts from the end of that chain.
            $seenFrom = $finish
            foreach ($d in @($disturbances | Sort-Object From)) {
                if (($d.From - $seenFrom).TotalSeconds -lt $PollIntervalSec -and $d.To -gt $seenFrom) { $seenFrom = $d.To }
            }
            $rest = ($seenFrom - $finish).TotalSeconds
            $delay = ($out - $finish).TotalSeconds
            $delays.Add([pscustomobject]@{
                Job = $key; Finish = $finish; Delay = $delay; Inside = ($inside | ForEach-Object Name) -join ', '
                Goal = $PollIntervalSec + $rest + $slackSec; Within = $delay -le ($PollIntervalSec + $rest + $slackSec)
            })
        }
    }
    # Where each late job finished: in a disturbance, in the minute after one ended, or in calm.
    $missesBy = [ordered]@{}
    foreach ($d in @($delays | Where-Object { -not $_.Within })) {
        $where = if ($d.Inside) { "in: $($d.Inside)" } else {
            $before = @($disturbances | Where-Object { $_.To -le $d.Finish -and ($d.Finish - $_.To).TotalSeconds -lt 60 } | Sort-Object To | Select-Object -Last 1)
            if ($before) { "in the minute after: $($before[0].Name)" }
            elseif ($forbiddenSince -and $d.Finish -ge $forbiddenSince) { 'after the 403 began' }
            else { 'calm' }
        }
        $missesBy[$where] = 1 + $(if ($missesBy.Contains($where)) { $missesBy[$where] } else { 0 })
    }
    $outside = @($delays | Where-Object { -not $_.Inside })
    $during = @($delays | Where-Object { $_.Inside })
    $forbiddenJobs = @($specs | Where-Object service -EQ $forbiddenService).Count
    $opened = ($lifetimes | Measure-Object Opened -Sum).Sum

    $rows = [Collections.Generic.List[object]]::new()
    function Add-Row([string]$Measured, [string]$Value, [string]$Goal, [object]$Pass) {
        $rows.Add([pscustomobject]@{ Measured = $Measured; Value = $Value; Goal = $Goal; Result = if ($null -eq $Pass) { 'info' } elseif ($Pass) { 'pass' } else { 'MISS' } })
    }
    Add-Row 'jobs written exactly once' ("{0:N0} of {1:N0}" -f $once, $JobCount) ("all but the $forbiddenService jobs the 403 ended") (($once + $forbiddenEnded) -eq $JobCount)
    Add-Row 'jobs lost (never written, no error)' "$lost" '0' ($lost -eq 0)
    Add-Row 'jobs written more than once' "$twice" '0' ($twice -eq 0)
    Add-Row 'jobs ended by an unexpected error' "$byUnexpectedError" '0' ($byUnexpectedError -eq 0)
    Add-Row 'unexpected error records (any but the 403 service''s)' "$($unexpectedErrors.Count)" '0' ($unexpectedErrors.Count -eq 0)
    Add-Row "$forbiddenService jobs ended with a permission error (the 403)" ("{0} of {1} ({2} error records)" -f $forbiddenEnded, $forbiddenJobs, $forbiddenErrors) 'those unfinished when the 403 began' $null
    Add-Row 'the wait ended by a terminating error' $(if ($terminated) { "at {0}: {1}" -f (Format-Clock ([DateTime]::new([long]$terminated.ticks, [DateTimeKind]::Utc) - $begin).TotalSeconds), $terminated.errorId } else { 'no' }) 'no' (-not $terminated)
    Add-Row 'jobs written with an unfinished status' "$unfinished" '0' ($unfinished -eq 0)
    # What the warnings said: a service not answering and answering again (once per outage is the goal),
    # and a single job failing while its service answers others (only a job the service keeps failing).
    $warningKinds = [ordered]@{
        'service not answering' = @($warnings | Where-Object message -Match ' is not answering \(').Count
        'service answering again' = @($warnings | Where-Object message -Match ' answers again after ').Count
        'one job failing' = @($warnings | Where-Object message -Match 'failed \d+ times in a row while its service answers').Count
        'one job read again' = @($warnings | Where-Object message -Match ' is read again after ').Count
    }
    $otherWarnings = $warnings.Count - ($warningKinds.Values | Measure-Object -Sum).Sum
    Add-Row 'warnings' ("{0} ({1}{2})" -f $warnings.Count, (($warningKinds.GetEnumerator() | ForEach-Object { "$($_.Value) $($_.Key)" }) -join ', '), $(if ($otherWarnings) { ", $otherWarnings other" } else { '' })) 'a service''s outage once, not a line per job or poll' $null
    Add-Row 'TCP connections opened (both emulator lifetimes)' ("{0:N0} ({1}; {2} open at the end)" -f $opened, (($lifetimes | ForEach-Object { "$($_.Emulator) $($_.Opened)" }) -join ', '), $lifetimes[-1].OpenAtEnd) ("renewed over {0:0.#} min" -f $DurationMin) $null
    $withinOutside = @($outside | Where-Object Within).Count
    $withinDuring = @($during | Where-Object Within).Count
    Add-Row 'finished outside disturbances: written within the interval' ("{0:N0} of {1:N0}" -f $withinOutside, $outside.Count) ("<= {0} s (+ the rest of a disturbance its next read fell into) + {1} s slack" -f $PollIntervalSec, $slackSec) ($withinOutside -eq $outside.Count)
    Add-Row 'finished during a disturbance: written within interval + its rest' ("{0:N0} of {1:N0}" -f $withinDuring, $during.Count) ("<= {0} s + rest + {1} s slack" -f $PollIntervalSec, $slackSec) ($withinDuring -eq $during.Count)
    if ($delays.Count) {
        $sortedDelays = @($delays | Sort-Object Delay)
        $median = $sortedDelays[[int][Math]::Floor(($sortedDelays.Count - 1) / 2)].Delay
        Add-Row 'delay from finish to output, median / max' ('{0:0.0} s / {1:0.0} s' -f $median, $sortedDelays[-1].Delay) 'info' $null
    }
    if ($end) { Add-Row 'waiting pwsh: peak working set, CPU' ('{0:0} MB, {1:0.0} s' -f $end.peakWorkingSetMB, $end.cpuSeconds) 'info' $null }
    else { Add-Row 'waiting pwsh' "ended without its last line (exit code $childExit)" 'a clean end' $false }

    Write-Host ''
    $rows | Format-Table -AutoSize -Wrap | Out-String -Width 200 | Write-Host
    Write-Host 'Disturbances (from the start of the run):'
    foreach ($d in $disturbances) { Write-Host ('  {0}-{1}  {2}' -f (Format-Clock ($d.From - $begin).TotalSeconds), (Format-Clock ($d.To - $begin).TotalSeconds), $d.Name) }
    if ($forbiddenSince) { Write-Host ('  {0}-end    403 on {1}' -f (Format-Clock ($forbiddenSince - $begin).TotalSeconds), $forbiddenService) }
    if ($missesBy.Count) {
        Write-Host 'Jobs written later than their goal, by where they finished:'
        foreach ($entry in $missesBy.GetEnumerator()) { Write-Host ('  {0,5}  {1}' -f $entry.Value, $entry.Key) }
    }
    $worst = @($delays | Sort-Object { $_.Delay - $_.Goal } -Descending | Select-Object -First 8)
    if ($worst) {
        Write-Host 'Worst delays against their goal:'
        $worst | Format-Table Job, @{ n = 'Finish'; e = { Format-Clock ($_.Finish - $begin).TotalSeconds } }, @{ n = 'Delay s'; e = { '{0:0.0}' -f $_.Delay } },
            @{ n = 'Goal s'; e = { '{0:0.0}' -f $_.Goal } }, Inside -AutoSize | Out-String -Width 200 | Write-Host
    }
    if ($unexpectedErrors.Count) {
        Write-Host 'Unexpected errors by id:'
        $unexpectedErrors | Group-Object errorId | Sort-Object Count -Descending | ForEach-Object {
            Write-Host ('  {0,6} x {1}: {2}' -f $_.Count, $_.Name, ($_.Group[0].message -replace '\s+', ' ').Substring(0, [Math]::Min(220, ($_.Group[0].message -replace '\s+', ' ').Length)))
        }
    }
    if ($terminated) { Write-Host ("The wait ended with a terminating error: {0}: {1}" -f $terminated.errorId, ($terminated.message -replace '\s+', ' ')) }
    if ($lostIds.Count) { Write-Host ("Lost, first few: {0}" -f (($lostIds | Select-Object -First 5) -join '; ')) }
    if ($twiceIds.Count) { Write-Host ("Written twice, first few: {0}" -f (($twiceIds | Select-Object -First 5) -join '; ')) }
    if ($stderrText) { Write-Host "The waiting pwsh's stderr: $($stderrText.Substring(0, [Math]::Min(2000, $stderrText.Length)))" }

    if ($ResultsPath) {
        $os = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        $md = @(
            '# JobStatus soak'
            ''
            'Written by `dotnet pwsh ./build.ps1 soak` (tests/Benchmarks/Measure-Soak.ps1): one Wait-CloudJob over every job'
            'while the emulator goes through the disturbances below. Counts are exact; delays depend on the machine.'
            ''
            "- Date: $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture)) UTC"
            "- Machine: $([Environment]::ProcessorCount) cores, $os"
            "- PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version)"
            "- Settings: -JobCount $JobCount -DurationMin $DurationMin -PollIntervalSec $PollIntervalSec -ForbiddenShare $ForbiddenShare -Seed $Seed"
            ''
            '| Measured | Value | Goal | Result |'
            '|---|---|---|---|'
            foreach ($row in $rows) { "| $($row.Measured) | $($row.Value) | $($row.Goal) | $($row.Result) |" }
            ''
            'Disturbances (from the start of the run):'
            ''
            foreach ($d in $disturbances) { '- {0}-{1} {2}' -f (Format-Clock ($d.From - $begin).TotalSeconds), (Format-Clock ($d.To - $begin).TotalSeconds), $d.Name }
            if ($forbiddenSince) { '- {0}-end 403 on {1}' -f (Format-Clock ($forbiddenSince - $begin).TotalSeconds), $forbiddenService }
            if ($missesBy.Count) {
                ''
                'Jobs written later than their goal, by where they finished:'
                ''
                foreach ($entry in $missesBy.GetEnumerator()) { '- {0}: {1}' -f $entry.Key, $entry.Value }
            }
        )
        $directory = Split-Path -Parent $ResultsPath
        if ($directory) { $null = New-Item -ItemType Directory -Path $directory -Force }
        Set-Content -LiteralPath $ResultsPath -Value $md -Encoding utf8
        Write-Host "Written to $ResultsPath"
    }

    if ($lost -gt 0 -or $twice -gt 0) {
        Write-Host ("Soak failed: {0} jobs lost, {1} written twice." -f $lost, $twice) -ForegroundColor Red
        exit 1
    }
    Write-Host ("Soak: no job lost or written twice; {0} of {1} goals met." -f @($rows | Where-Object Result -EQ 'pass').Count, @($rows | Where-Object Result -NE 'info').Count)
}
finally {
    Remove-Item $workDir -Recurse -Force -ErrorAction Ignore
}
