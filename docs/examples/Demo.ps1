#Requires -Version 7.4
<#
.SYNOPSIS
    A short tour of the JobStatus module against the local emulator: no cloud account needed.

.DESCRIPTION
    Starts the emulator (src/JobStatus.Emulator) with the demo scenario, connects to it, and shows
    Get-CloudJob, its errors, Get-CloudJobContext and Wait-CloudJob, an IAM password sign-in whose
    token renews itself during a wait, and access-key signing. Takes about 35 seconds.

    Build first, then run:
        dotnet pwsh ./build.ps1 build
        dotnet pwsh ./docs/examples/Demo.ps1
    or both at once: dotnet pwsh ./build.ps1 demo
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$manifest = Join-Path $repo 'out/JobStatus/JobStatus.psd1'
$emulatorDll = Join-Path $repo 'src/JobStatus.Emulator/bin/Release/net10.0/JobStatus.Emulator.dll'
$scenario = Join-Path $repo 'src/JobStatus.Emulator/scenarios/demo.json'
$projectId = '09bb24e6fe80d23d2fa2c010b53b418c'

foreach ($file in $manifest, $emulatorDll, $scenario) {
    if (-not (Test-Path $file)) { throw "$file is missing. Build first: dotnet pwsh ./build.ps1 build" }
}

function Show-Step([string]$Title) {
    Write-Host ''
    Write-Host "## $Title" -ForegroundColor Cyan
}

function Show-Error([Management.Automation.ErrorRecord[]]$Records) {
    foreach ($r in $Records) {
        Write-Host "  error $($r.FullyQualifiedErrorId.Split(',')[0]) ($($r.CategoryInfo.Category)): $($r.Exception.Message)" -ForegroundColor Yellow
    }
}

Import-Module $manifest -Force

# The emulator prints one line with its URL; closing its stdin (or this process ending) stops it.
$dotnet = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { [Environment]::ProcessPath } else { 'dotnet' }
$start = [Diagnostics.ProcessStartInfo]::new($dotnet)
foreach ($a in $emulatorDll, '--port', '0', '--exit-on-stdin-close', '--scenario', $scenario) { $start.ArgumentList.Add($a) }
$start.RedirectStandardInput = $true
$start.RedirectStandardOutput = $true
$start.RedirectStandardError = $true
$emulator = [Diagnostics.Process]::Start($start)
$emulatorErrors = $emulator.StandardError.ReadToEndAsync()

try {
    $line = $emulator.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(20)) -or $line.Result -notmatch 'listening on (http://\S+)') {
        throw "The emulator did not start: $($emulatorErrors.Result)"
    }
    $url = $Matches[1].TrimEnd('/')
    $null = $emulator.StandardOutput.ReadToEndAsync()

    # The scenario decides the jobs; ask the emulator which ones it made.
    $jobs = @(Invoke-RestMethod "$url/_emulator/jobs" -NoProxy | ForEach-Object { $_ } | Where-Object projectId -EQ $projectId)
    $ids = @($jobs | Where-Object service -EQ 'CFW' | ForEach-Object id)
    # The jobs of other services, as a runbook that made servers, a volume, a database and a cluster would list them.
    $created = @($jobs | Where-Object service -NE 'CFW' | ForEach-Object { [pscustomobject]@{ Service = $_.service; JobId = $_.id } })
    Write-Host "Emulator at $url with $($ids.Count) CFW jobs and $($created.Count) of other services in project $projectId."

    Show-Step 'Connect-CloudJobService: store the token and project for this session (nothing is sent)'
    Connect-CloudJobService -Token 'emulator-token' -ProjectId $projectId -Endpoint $url

    Show-Step 'Get-CloudJob $ids | Format-Table'
    Get-CloudJob $ids | Format-Table | Out-Host

    Write-Host ''
    Write-Host '(3 seconds later: the short jobs have finished)'
    Start-Sleep -Seconds 3

    Show-Step 'Get-CloudJob $ids | Where-Object Status -eq Failed: what went wrong'
    Get-CloudJob $ids | Where-Object Status -EQ Failed | Format-Table Id, Status, ErrorCode, ErrorMessage -AutoSize | Out-Host

    Show-Step 'An unknown id gets a non-terminating error; the other jobs still answer'
    $unknown = 'no-such-job'
    Get-CloudJob $ids[0], $unknown, $ids[1] -ErrorAction SilentlyContinue -ErrorVariable lookupErrors | Format-Table | Out-Host
    Show-Error $lookupErrors

    Show-Step 'Get-CloudJobContext: what is used, and where it came from'
    Get-CloudJobContext | Format-List | Out-Host

    Show-Step 'Wait-CloudJob $ids -Timeout 10 -PollIntervalSec 0.5'
    if (Get-Command Wait-CloudJob -ErrorAction Ignore) {
        Write-Host '(each job is written as it finishes; -Verbose tells status changes; a progress bar shows in a terminal)'
        # Restart the emulator's jobs so there is something to wait for.
        Invoke-RestMethod -Method Post "$url/_emulator/reset" -NoProxy | Out-Null
        try {
            # -Verbose also logs every request: keep only the status changes.
            Wait-CloudJob $ids -Timeout 10 -PollIntervalSec 0.5 -Verbose -ErrorAction SilentlyContinue -ErrorVariable waitErrors 4>&1 |
                ForEach-Object {
                    if ($_ -isnot [Management.Automation.VerboseRecord]) { $_ }
                    elseif ($_.Message -like "Job '*") { Write-Host "  $($_.Message)" -ForegroundColor DarkGray }
                } |
                Format-Table | Out-Host
            Show-Error $waitErrors
        }
        catch {
            Write-Warning "Wait-CloudJob stopped: $($_.Exception.Message)"
        }
    }
    else {
        Write-Host 'Wait-CloudJob is not in this build yet.'
    }

    Show-Step '$created | Wait-CloudJob: servers (ECS), a volume (EVS), a database (RDS) and a cluster (CCE) in one wait'
    Write-Host '(each row names its service; each job is polled at that service''s job API and read in its shape)'
    Invoke-RestMethod -Method Post "$url/_emulator/reset" -NoProxy | Out-Null
    $created | Format-Table | Out-Host
    $created | Wait-CloudJob -Timeout 20 -PollIntervalSec 0.5 -ErrorAction SilentlyContinue -ErrorVariable serviceErrors -WarningAction SilentlyContinue |
        Format-Table Service, Id, Status, JobType, ResourceIds -AutoSize | Out-Host
    Show-Error $serviceErrors

    Show-Step 'Connect-CloudJobService -Credential: sign in to IAM with a password; the token renews itself'
    Write-Host '(the emulator plays IAM too, and issues tokens that last 4 s here instead of 24 h)'
    $user = @{ domain = 'demo-account'; name = 'demo-user'; password = 'demo-password-1'; projectId = $projectId; tokenLifetimeSeconds = 4 }
    $null = Invoke-RestMethod -Method Post "$url/_emulator/users" -Body (ConvertTo-Json $user) -ContentType 'application/json' -NoProxy
    $credential = [pscredential]::new('demo-user', (ConvertTo-SecureString 'demo-password-1' -AsPlainText -Force))
    Connect-CloudJobService -Credential $credential -DomainName demo-account -ProjectId $projectId -IamEndpoint $url -Endpoint $url
    Get-CloudJobContext | Format-List | Out-Host
    $long = @(Invoke-RestMethod -Method Post "$url/_emulator/jobs" -Body (ConvertTo-Json @(@{ projectId = $projectId; runSeconds = 9 })) -ContentType 'application/json' -NoProxy |
            ForEach-Object { $_ } | ForEach-Object id)
    Write-Host "Wait-CloudJob on a 9 s job: the token is renewed on the way (-Verbose shows it)"
    Wait-CloudJob $long -PollIntervalSec 1 -Timeout 30 -Verbose 4>&1 |
        ForEach-Object {
            if ($_ -isnot [Management.Automation.VerboseRecord]) { $_ }
            elseif ($_.Message -like 'Renewed*' -or $_.Message -like "Job '*") { Write-Host "  $($_.Message)" -ForegroundColor DarkGray }
        } | Format-Table | Out-Host
    $signIns = (Invoke-RestMethod "$url/_emulator/users" -NoProxy | ForEach-Object { $_ } | Where-Object name -EQ 'demo-user').signInCount
    Write-Host "IAM sign-ins during the demo: $signIns (one at Connect, the rest renewals)"

    Show-Step 'Connect-CloudJobService -AccessKeyId: every request is signed (SDK-HMAC-SHA256), no token at all'
    $null = Invoke-RestMethod -Method Post "$url/_emulator/accesskeys" -Body (ConvertTo-Json @{ accessKey = 'DEMOACCESSKEY0000001'; secretKey = 'demo-secret-key' }) -ContentType 'application/json' -NoProxy
    Connect-CloudJobService -AccessKeyId DEMOACCESSKEY0000001 -SecretAccessKey 'demo-secret-key' -ProjectId $projectId -Endpoint $url
    Invoke-RestMethod -Method Delete "$url/_emulator/requests" -NoProxy | Out-Null
    Get-CloudJob $ids[0] | Format-Table | Out-Host
    $sent = Invoke-RestMethod "$url/_emulator/requests" -NoProxy | ForEach-Object { $_ } | Select-Object -Last 1
    Write-Host "What the emulator received: Authorization: $(($sent.headers.Authorization -split 'Signature=')[0])Signature=..."
    Write-Host "X-Auth-Token sent: $([bool]$sent.headers.'X-Auth-Token')"
    Connect-CloudJobService -Token 'emulator-token' -ProjectId $projectId -Endpoint $url

    Show-Step 'Start 24 new jobs (1-6 s, two fail), then: Wait-CloudJob -PollIntervalSec 0.5'
    Write-Host '(in a terminal, the progress bar counts finished jobs per status; here only the summary is printed)'
    $specs = foreach ($n in 1..24) {
        $spec = @{ projectId = $projectId; runSeconds = 1 + ($n % 6) }
        if ($n % 12 -eq 0) { $spec.finalStatus = 'Failed'; $spec.errorCode = 'CFW.00200005'; $spec.errorMsg = 'Insufficient EIP quota.' }
        $spec
    }
    $body = ConvertTo-Json -InputObject @($specs) -Compress
    $started = @(Invoke-RestMethod -Method Post "$url/_emulator/jobs" -Body $body -ContentType 'application/json' -NoProxy | ForEach-Object { $_ } | ForEach-Object id)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $finished = @(Wait-CloudJob $started -PollIntervalSec 0.5 -Timeout 30 -ErrorAction SilentlyContinue -ErrorVariable batchErrors)
    $finished | Group-Object Status -NoElement | Format-Table Name, Count -AutoSize | Out-Host
    Write-Host ('{0} jobs finished in {1:0.0} s; {2} error(s):' -f $finished.Count, $clock.Elapsed.TotalSeconds, $batchErrors.Count)
    Show-Error $batchErrors
}
finally {
    if (Get-Command Disconnect-CloudJobService -ErrorAction Ignore) { Disconnect-CloudJobService }
    if (-not $emulator.HasExited) {
        try { $null = Invoke-RestMethod -Method Post "$url/_emulator/shutdown" -NoProxy -TimeoutSec 5 } catch { Write-Verbose "shutdown: $_" }
        $emulator.StandardInput.Close()
        if (-not $emulator.WaitForExit(5000)) { $emulator.Kill($true) }
    }
    Write-Host ''
    Write-Host 'Emulator stopped.'
}
