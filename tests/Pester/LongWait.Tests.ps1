# Waits that outlive what a client usually meets: the server restarted under the wait, and
# connections that must be renewed as time goes by (JOBSTATUS_CONNECTION_LIFETIME_SEC stands in
# for PooledConnectionLifetime's 5 minutes so the test needs seconds, not minutes).
#
# Each test starts its own emulator: the first stops and restarts it on the same port, the second
# counts the connections it accepted. Every wait runs with a hard bound on its wall time and is
# stopped (or killed) past it, so a wait that hangs fails the test instead of hanging the run.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $ProgressPreference = 'SilentlyContinue'
    $ProjectId = '09bb24e6fe80d23d2fa2c010b53b418c'

    function Wait-Until {
        param([scriptblock]$Condition, [double]$TimeoutSec = 10, [string]$Because = 'the condition')
        $watch = [Diagnostics.Stopwatch]::StartNew()
        while (-not (& $Condition)) {
            if ($watch.Elapsed.TotalSeconds -gt $TimeoutSec) { throw "Timed out after $TimeoutSec s waiting for $Because." }
            Start-Sleep -Milliseconds 50
        }
    }

    function Format-ErrorRecord($Record) {
        "$($Record.FullyQualifiedErrorId) on '$($Record.TargetObject)': $($Record.Exception.Message)"
    }
}

Describe 'Long waits' {

    It 'a wait resumes across an emulator restart on the same port' {
        $first = Start-TestEmulator
        $second = $null
        # Fixed begin times, so the restarted emulator can be given the same jobs with the same
        # finish times: the cloud's state goes on while its front door was closed.
        $begin = [DateTime]::UtcNow
        $specs = @(
            # Finishes after the restart: the wait must read it running from the new server, then finished.
            @{ service = 'ECS'; id = 'restart-ecs'; runSeconds = 16; beginTime = $begin.ToString('o') }
            # Finishes while the server is down: its output can only come after the restart.
            @{ service = 'CFW'; id = 'restart-cfw'; runSeconds = 6; beginTime = $begin.ToString('o') }
        )
        $null = New-TestJob $specs -Emulator $first
        $jobs = @(
            [pscustomobject]@{ Service = 'ECS'; JobId = 'restart-ecs' }
            [pscustomobject]@{ Service = 'CFW'; JobId = 'restart-cfw' }
        )
        $conn = @{ Endpoint = $first.Url; ProjectId = $ProjectId; Token = 'emulator-token' }

        # A runspace of this process, so its output and error records are the objects themselves.
        $ps = [powershell]::Create()
        $ps.Runspace = [runspacefactory]::CreateRunspace()
        $ps.Runspace.Open()
        $null = $ps.AddScript({
                param($ModulePath, $Jobs, $Conn)
                Import-Module $ModulePath
                $ProgressPreference = 'SilentlyContinue'
                # Retries of today's kind (one more attempt, a second later) are far shorter than the outage.
                $Jobs | Wait-CloudJob @Conn -PollIntervalSec 1 -RetryIntervalSec 1 -MaximumRetryCount 1 -Timeout 90 -ErrorAction Continue
            }.ToString()).AddArgument((Get-JobStatusModulePath)).AddArgument($jobs).AddArgument($conn)
        $noInput = [Management.Automation.PSDataCollection[psobject]]::new()
        $noInput.Complete()
        $output = [Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke($noInput, $output)
        try {
            Wait-Until { @(Get-TestRequest -JobId 'restart-ecs' -Emulator $first).Count -ge 1 } -TimeoutSec 20 -Because 'the wait''s first request'
            Start-Sleep -Seconds 2
            Stop-TestEmulator $first
            $downSince = [DateTime]::UtcNow
            # Down for 10 s: longer than -MaximumRetryCount 1 -RetryIntervalSec 1 can bridge.
            Start-Sleep -Seconds 10
            # The same jobs from its first moment (a scenario, not a POST after the start): a
            # restarted cloud has not forgotten them, and a poll that came between a start and a
            # POST would meet a 404 the real cloud never sends.
            $scenario = Join-Path $TestDrive 'restart.json'
            Set-Content -LiteralPath $scenario -Value (ConvertTo-Json -Depth 5 -InputObject @{ jobs = $specs })
            $second = Start-TestEmulator -Port $first.Port -Scenario $scenario
            $down = ([DateTime]::UtcNow - $downSince).TotalSeconds

            # The ECS job ends 16 s after $begin, about 2 s after the restart; the bound leaves the
            # wait ~25 s more to notice, which only a wait that stopped or hangs would miss.
            $remainingMs = [Math]::Max(1000, ($begin.AddSeconds(42) - [DateTime]::UtcNow).TotalMilliseconds)
            $finished = $async.AsyncWaitHandle.WaitOne([int]$remainingMs)
            $asked = @(Get-TestRequest -JobId 'restart-ecs' -Emulator $second).Count
        }
        finally {
            if ($ps.InvocationStateInfo.State -eq 'Running') {
                # Ctrl+C's path; bounded too, so even a wait that ignores it cannot hang the run.
                $stop = $ps.BeginStop($null, $null)
                $null = $stop.AsyncWaitHandle.WaitOne(5000)
            }
            Stop-TestEmulator $first
            if ($second) { Stop-TestEmulator $second }
        }
        $thrown = $ps.InvocationStateInfo.Reason
        $errors = @($ps.Streams.Error)
        $ps.Runspace.Dispose()
        $ps.Dispose()

        $down | Should -BeGreaterOrEqual 10
        $finished | Should -BeTrue -Because 'the wait must end once both jobs are read finished, well before -Timeout 90'
        $thrown | Should -BeNullOrEmpty -Because 'a restarted server ends no wait'
        ($errors | ForEach-Object { Format-ErrorRecord $_ }) -join "`n" | Should -BeNullOrEmpty -Because 'a restarted server is a transient failure: no job gets an error'
        $written = @($output | Where-Object { $_ -is [JobStatus.CloudJob] })
        @($written | ForEach-Object { "$($_.Service) $($_.Id)" } | Sort-Object) | Should -Be @('CFW restart-cfw', 'ECS restart-ecs') -Because 'each job is written exactly once'
        foreach ($job in $written) {
            $job.IsFinished | Should -BeTrue -Because "$($job.Id) is written once it has finished"
            $job.Status | Should -Be ([JobStatus.CloudJobStatus]::Success)
        }
        $asked | Should -BeGreaterOrEqual 1 -Because 'the wait read the ECS job from the restarted server'
    }

    It 'a long wait opens new connections over time' {
        $emu = Start-TestEmulator
        $ids = @(1..4 | ForEach-Object { "renew-$_" })
        $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 6 } }) -Emulator $emu

        # The counters are read on one kept-alive connection, so reading them opens none of its own.
        $observer = [Net.Http.HttpClient]::new([Net.Http.SocketsHttpHandler]@{ UseProxy = $false })
        try {
            $readCounters = { $observer.GetStringAsync("$($emu.Url)/_emulator/connections").GetAwaiter().GetResult() | ConvertFrom-Json }
            $before = & $readCounters

            # A child pwsh: the module reads JOBSTATUS_CONNECTION_LIFETIME_SEC once per process.
            $script = Join-Path $TestDrive 'renew.ps1'
            Set-Content -LiteralPath $script -Value {
                param($ModulePath, $Endpoint, $ProjectId, $IdList)
                $Ids = [string[]]($IdList -split ',')
                $ErrorActionPreference = 'Continue'
                $ProgressPreference = 'SilentlyContinue'
                Import-Module $ModulePath
                $written = @(Wait-CloudJob $Ids -Endpoint $Endpoint -ProjectId $ProjectId -Token 'emulator-token' -PollIntervalSec 0.5 -ThrottleLimit 2 -Timeout 30 -ErrorVariable failed)
                [pscustomobject]@{
                    Written = @($written | ForEach-Object { "$($_.Id) $($_.Status)" })
                    Errors  = @($failed | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
                } | ConvertTo-Json -Compress
            }.ToString()
            $info = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
            $arguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $script,
                (Get-JobStatusModulePath), $emu.Url, $ProjectId, ($ids -join ','))
            if (-not (Test-Path (Join-Path $PSHOME 'pwsh.dll'))) { $arguments = $arguments[1..($arguments.Count - 1)] }
            foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
            $info.Environment['JOBSTATUS_CONNECTION_LIFETIME_SEC'] = '1'
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $info.UseShellExecute = $false
            $child = [Diagnostics.Process]::Start($info)
            $stdout = $child.StandardOutput.ReadToEndAsync()
            $stderr = $child.StandardError.ReadToEndAsync()
            # The jobs run 6 s; pwsh and the import take a few more. 35 s bounds a hang.
            $exited = $child.WaitForExit(35000)
            if (-not $exited) { $child.Kill($true); $null = $child.WaitForExit(5000) }
            $null = $stdout.Wait(5000)
            $null = $stderr.Wait(5000)
            $after = & $readCounters
        }
        finally {
            $observer.Dispose()
            Stop-TestEmulator $emu
        }

        $exited | Should -BeTrue -Because 'the wait ends once the jobs are finished'
        $result = ($stdout.Result -split "`n" | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
        $result | Should -Not -BeNullOrEmpty -Because "the child printed its result (stdout: $($stdout.Result); stderr: $($stderr.Result))"
        $result.Errors -join "`n" | Should -BeNullOrEmpty
        @($result.Written | Sort-Object) | Should -Be @($ids | ForEach-Object { "$_ Success" })
        $opened = $after.opened - $before.opened
        $opened | Should -BeGreaterOrEqual 4 -Because "connections that live 1 s over a 6 s wait are renewed several times; -ThrottleLimit 2 alone needs only 2 (it opened $opened)"
    }
}
