<#
    Shared by every Pester test file: import the built module, and start, script and stop the local
    emulator (src/JobStatus.Emulator) that stands in for the cloud API.

    build.ps1 sets JOBSTATUS_MODULE and JOBSTATUS_EMULATOR; without them (a test run by hand after
    `build.ps1 build`) the paths default to the Release build in this repository.

        BeforeAll {
            Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
            Import-JobStatusModule
            $emu = Start-TestEmulator
        }
        AfterAll { Stop-TestEmulator $emu }

    Every control call goes to the emulator's loopback URL; -Emulator defaults to the first
    emulator started that is still running.
#>

Set-StrictMode -Version 3.0

$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:DefaultEmulator = $null

function Get-JobStatusModulePath {
    if ($env:JOBSTATUS_MODULE) { return $env:JOBSTATUS_MODULE }
    return Join-Path $RepoRoot 'out/JobStatus/JobStatus.psd1'
}

function Import-JobStatusModule {
    # -Global: imported from inside this module, it would otherwise be visible only here.
    $path = Get-JobStatusModulePath
    if (-not (Test-Path $path)) { throw "The module is not built: $path does not exist. Run: dotnet pwsh ./build.ps1 build" }
    Import-Module $path -Force -Global -PassThru
}

function Get-DotnetPath {
    # This pwsh usually runs as a dotnet tool, so its own host is the dotnet to use.
    $self = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { return $self }
    return (Get-Command dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free loopback port; returns @{ Url; Process }.
    .PARAMETER Token
        Tokens it accepts (default: emulator-token).
    .PARAMETER Scenario
        A scenario file of jobs to create at start.
    .PARAMETER Https
        Serve https with a self-signed certificate nobody trusts (Invoke-RestMethod to it needs
        -SkipCertificateCheck, and so do the cmdlets).
    .PARAMETER Argument
        More command-line arguments, such as '--user', 'acme:alice:pw' or '--token-lifetime', '5'.
    .PARAMETER Port
        Listen on this port (default 0: a free one). A restart on the same port: stop the emulator,
        then start a new one with -Port $old.Port; a port still held by the old process is tried
        again for up to 10 s. The new emulator starts empty: give it the same jobs (with their
        beginTime) in a -Scenario for the cloud's state to go on, so no request finds them missing.
    #>
    [CmdletBinding()]
    param(
        [ValidateRange(0, 65535)]
        [int]$Port = 0,
        [string[]]$Token,
        [string]$Scenario,
        [switch]$Https,
        [switch]$VerboseLog,
        [string[]]$Argument
    )
    $dll = if ($env:JOBSTATUS_EMULATOR) { $env:JOBSTATUS_EMULATOR } else { Join-Path $RepoRoot 'src/JobStatus.Emulator/bin/Release/net10.0/JobStatus.Emulator.dll' }
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll does not exist. Run: dotnet pwsh ./build.ps1 build" }

    $info = [Diagnostics.ProcessStartInfo]::new((Get-DotnetPath))
    foreach ($a in @($dll, '--port', $Port, '--exit-on-stdin-close')) { $info.ArgumentList.Add($a) }
    foreach ($t in @($Token | Where-Object { $_ })) { $info.ArgumentList.Add('--token'); $info.ArgumentList.Add($t) }
    if ($Scenario) { $info.ArgumentList.Add('--scenario'); $info.ArgumentList.Add((Resolve-Path $Scenario).Path) }
    if ($VerboseLog) { $info.ArgumentList.Add('--verbose') }
    if ($Https) { $info.ArgumentList.Add('--https') }
    foreach ($a in @($Argument | Where-Object { $_ })) { $info.ArgumentList.Add($a) }
    # Our end of stdin stays open while the emulator should live: if this process dies, the pipe
    # closes and --exit-on-stdin-close ends the emulator, so no test leaves one behind.
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false

    $portWatch = [Diagnostics.Stopwatch]::StartNew()
    while ($true) {
        $process = [Diagnostics.Process]::Start($info)
        $stderr = $process.StandardError.ReadToEndAsync()
        $firstLine = $process.StandardOutput.ReadLineAsync()
        $url = $null
        if ($firstLine.Wait([TimeSpan]::FromSeconds(20)) -and $firstLine.Result -match 'listening on (https?://\S+)') {
            $url = $Matches[1].TrimEnd('/')
        }
        if ($url -and ([uri]$url).IsLoopback) { break }

        $said = if (-not $firstLine.IsCompleted) { 'it printed nothing within 20 s' }
        elseif ($null -eq $firstLine.Result) { 'it closed its output without printing its URL' }
        else { "it printed: '$($firstLine.Result)'" }
        if (-not $process.HasExited) { $process.Kill($true) }
        $null = $process.WaitForExit(5000)
        $errText = if ($stderr.Wait(2000)) { $stderr.Result.Trim() } else { '' }
        # A fixed port may still be held for a moment by the emulator just stopped on it.
        if ($Port -ne 0 -and $errText -match 'Cannot listen' -and $portWatch.Elapsed.TotalSeconds -lt 10) {
            $process.Dispose()
            Start-Sleep -Milliseconds 200
            continue
        }
        throw "The emulator did not start ($said; exit code $(if ($process.HasExited) { $process.ExitCode } else { 'none' })). Its stderr: $errText"
    }
    # Keep stdout drained so the emulator never blocks on a full pipe.
    $stdout = $process.StandardOutput.ReadToEndAsync()

    $emulator = [pscustomobject]@{
        PSTypeName = 'JobStatus.TestEmulator'
        Url        = $url
        Port       = ([uri]$url).Port
        Process    = $process
        StdOut     = $stdout
        StdErr     = $stderr
        Stopped    = $false
    }
    # The first emulator a file starts stays the default, so a second one started for a few tests
    # (say with -Https) does not take over the file's other control calls.
    if (-not $script:DefaultEmulator) { $script:DefaultEmulator = $emulator }
    return $emulator
}

function Resolve-Emulator($Emulator) {
    if ($Emulator) { return $Emulator }
    if ($script:DefaultEmulator) { return $script:DefaultEmulator }
    throw 'No emulator: call Start-TestEmulator first, or pass -Emulator.'
}

function Invoke-EmulatorApi {
    param($Emulator, [string]$Method, [string]$Path, $Body)
    $emu = Resolve-Emulator $Emulator
    $request = @{ Method = $Method; Uri = "$($emu.Url)$Path"; NoProxy = $true; TimeoutSec = 10 }
    if ($emu.Url.StartsWith('https:')) { $request.SkipCertificateCheck = $true }
    if ($null -ne $Body) {
        $request.Body = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    # Enumerate JSON arrays so callers get one object per element.
    Invoke-RestMethod @request | ForEach-Object { $_ }
}

function Stop-TestEmulator {
    <# .SYNOPSIS Asks the emulator to shut down, then kills it if it is still alive after 5 s. #>
    param([Parameter(Position = 0)]$Emulator)
    $emu = Resolve-Emulator $Emulator
    if ($emu.Stopped) { return }
    $emu.Stopped = $true
    $process = $emu.Process
    if (-not $process.HasExited) {
        try { $null = Invoke-EmulatorApi $emu POST '/_emulator/shutdown' } catch { Write-Verbose "shutdown request failed: $_" }
        try { $process.StandardInput.Close() } catch { Write-Verbose "closing stdin failed: $_" }
        if (-not $process.WaitForExit(5000)) {
            $process.Kill($true)
            $null = $process.WaitForExit(5000)
        }
    }
    if ($script:DefaultEmulator -eq $emu) { $script:DefaultEmulator = $null }
}

function Reset-TestEmulator {
    <# .SYNOPSIS Back to the start state: scenario jobs restarted, faults, tokens and request log cleared. #>
    param([Parameter(Position = 0)]$Emulator)
    $null = Invoke-EmulatorApi $Emulator POST '/_emulator/reset'
}

function New-TestJob {
    <#
    .SYNOPSIS
        Creates jobs; returns them as the emulator reports them (id, path, status, ...).
        A spec's service and ids (service, projectId, domainId, instanceId, graphId, engineId, environmentId, clusterId) pass
        through as given; -Service and the id parameters fill them in every spec that leaves them out.
    .EXAMPLE
        New-TestJob @{ id = 'job-1'; runSeconds = 2; finalStatus = 'Failed'; errorCode = 'CFW.00200005' }
    .EXAMPLE
        New-TestJob @{ id = 'task-1' }, @{ id = 'task-2'; runSeconds = -1 } -Service Kafka -InstanceId 'inst-1'
    #>
    param(
        [Parameter(Mandatory, Position = 0)]
        [object[]]$Spec,
        $Emulator,
        [string]$Service,
        [string]$ProjectId,
        [string]$DomainId,
        [string]$InstanceId,
        [string]$GraphId,
        [string]$EngineId,
        [string]$EnvironmentId,
        [string]$ClusterId
    )
    $defaults = [ordered]@{}
    foreach ($name in 'Service', 'ProjectId', 'DomainId', 'InstanceId', 'GraphId', 'EngineId', 'EnvironmentId', 'ClusterId') {
        if ($PSBoundParameters.ContainsKey($name)) { $defaults[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)] = $PSBoundParameters[$name] }
    }
    $specs = foreach ($one in $Spec) {
        if ($defaults.Count -eq 0 -or $one -isnot [System.Collections.IDictionary]) { $one; continue }
        $copy = [ordered]@{}
        foreach ($key in $one.Keys) { $copy[$key] = $one[$key] }
        foreach ($key in $defaults.Keys) { if (-not @($copy.Keys).Where({ $_ -eq $key })) { $copy[$key] = $defaults[$key] } }
        $copy
    }
    Invoke-EmulatorApi $Emulator POST '/_emulator/jobs' @($specs)
}

function Get-TestJob {
    param($Emulator)
    Invoke-EmulatorApi $Emulator GET '/_emulator/jobs'
}

function Add-TestFault {
    <#
    .SYNOPSIS
        Makes the emulator misbehave: throttle, html500/502/503/504, html200, brokenJson,
        missingData, emptyBody, slow, status, reset, redirect, oversized, drip, truncated or raw;
        for -Count requests (-1 for ever), at -Rate (0-1] of matching requests, for -DurationMs.
        The fields are those of docs/Emulator.md.
    #>
    param(
        [Parameter(Mandatory, Position = 0)]
        [string]$Kind,
        [string]$JobId,
        [string]$ProjectId,
        [string]$Service,
        [int]$Count = 1,
        [int]$DelayMs,
        [int]$Status,
        # Seconds (a number), or a string sent verbatim: an HTTP date, a negative number, garbage.
        $RetryAfter,
        [double]$Rate,
        [int]$DurationMs,
        [string]$Location,
        [int]$SizeBytes,
        [string]$Body,
        [string]$ContentType,
        $Emulator
    )
    $spec = [ordered]@{ kind = $Kind; count = $Count }
    $fields = @{
        JobId = 'jobId'; ProjectId = 'projectId'; Service = 'service'; DelayMs = 'delayMs'; Status = 'status'; RetryAfter = 'retryAfter'
        Rate = 'rate'; DurationMs = 'durationMs'; Location = 'location'; SizeBytes = 'sizeBytes'; Body = 'body'; ContentType = 'contentType'
    }
    foreach ($name in $fields.Keys) {
        if ($PSBoundParameters.ContainsKey($name)) { $spec[$fields[$name]] = $PSBoundParameters[$name] }
    }
    Invoke-EmulatorApi $Emulator POST '/_emulator/faults' $spec
}

function Get-TestRequest {
    <# .SYNOPSIS The requests the emulator received (time, method, rawTarget, projectId, jobId, status, headers). #>
    param([string]$JobId, $Emulator)
    $query = if ($JobId) { '?jobId=' + [uri]::EscapeDataString($JobId) } else { '' }
    Invoke-EmulatorApi $Emulator GET "/_emulator/requests$query"
}

function Get-TestConnection {
    <# .SYNOPSIS TCP connections the emulator accepted since its start or last reset (opened) and those open now (open). #>
    param($Emulator)
    Invoke-EmulatorApi $Emulator GET '/_emulator/connections'
}

function Clear-TestRequest {
    param($Emulator)
    $null = Invoke-EmulatorApi $Emulator DELETE '/_emulator/requests'
}

function Set-TestToken {
    <# .SYNOPSIS Registers a token, or makes it expired (401) or forbidden (403). #>
    param(
        [Parameter(Mandatory, Position = 0)]
        [string]$Token,
        [ValidateSet('valid', 'expired', 'forbidden')]
        [string]$State = 'valid',
        $Emulator
    )
    $null = Invoke-EmulatorApi $Emulator POST '/_emulator/tokens' @{ token = $Token; state = $State }
}

# Every variable the module reads credentials, project, region or endpoint from.
$script:CredentialVariables = 'HW_AUTH_TOKEN', 'OS_AUTH_TOKEN', 'OS_TOKEN', 'HW_PROJECT_ID', 'OS_PROJECT_ID',
    'HUAWEICLOUD_SDK_PROJECT_ID', 'HW_REGION_NAME', 'OS_REGION_NAME',
    'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
    'HW_ACCESS_KEY', 'HW_SECRET_KEY', 'HW_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_CREDENTIALS_FILE'

function Clear-CredentialEnvironment {
    <#
    .SYNOPSIS
        Empties the credential variables (a user's own values would change what the cmdlets
        resolve) and returns what they held, for Restore-CredentialEnvironment. -Also names more
        variables to treat the same way.
    #>
    param([string[]]$Also)
    $saved = @{}
    foreach ($name in @($script:CredentialVariables) + @($Also | Where-Object { $_ })) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $saved
}

function Restore-CredentialEnvironment {
    param([Parameter(Mandatory, Position = 0)][hashtable]$Saved)
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

Export-ModuleMember -Function Clear-CredentialEnvironment, Restore-CredentialEnvironment, Get-JobStatusModulePath, Import-JobStatusModule, Start-TestEmulator, Stop-TestEmulator,
    Reset-TestEmulator, New-TestJob, Get-TestJob, Add-TestFault, Get-TestRequest, Get-TestConnection, Clear-TestRequest, Set-TestToken
