# Wait-CloudJob against the local emulator: input as Get-CloudJob takes it, -Timeout that never ends
# silently, concurrent polling that keeps each job's interval, completion-order streaming, -Any,
# failed jobs and request errors, 200 jobs at once, Ctrl+C, progress and verbose output.
#
# One emulator serves the whole file and is reset before each test. Jobs run 0.3-2 s and are polled
# every 0.2 s, so the file runs in well under a minute; time bounds are generous and only catch
# hangs or sequential polling, never claim a speed.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    # 200 jobs make hundreds of progress records; a CI log has no use for them.
    $ProgressPreference = 'SilentlyContinue'

    # The emulator's default project: jobs created without a projectId live there.
    $ProjectId = '09bb24e6fe80d23d2fa2c010b53b418c'
    $Conn = @{ Endpoint = $emu.Url; ProjectId = $ProjectId; Token = 'emulator-token' }
    $Interval = 0.2
    # The emulator logs when a request arrives; on 2 busy cores a request can arrive some ms late and
    # the next one on time, so steady polling shows gaps down to ~192 ms at 0.2 s, and to ~178 ms
    # while other builds load the machine. 50 ms of slack keeps that from failing while a real
    # double poll (a gap of 1-20 ms) still does.
    $MinGapMs = $Interval * 1000 - 50

    function Get-ErrorId {
        # A terminating error reaches -ErrorVariable wrapped in a CmdletInvocationException.
        param($Entry)
        if ($Entry -is [Management.Automation.ErrorRecord]) { return $Entry.FullyQualifiedErrorId }
        if ($Entry -is [Management.Automation.IContainsErrorRecord]) { return $Entry.ErrorRecord.FullyQualifiedErrorId }
        return "$Entry"
    }

    function Get-RequestGap {
        # Milliseconds between consecutive requests for one job, as the emulator received them.
        param([string]$JobId)
        $times = @(Get-TestRequest -JobId $JobId | ForEach-Object { [datetime]$_.time })
        for ($i = 1; $i -lt $times.Count; $i++) { ($times[$i] - $times[$i - 1]).TotalMilliseconds }
    }

    function Get-RequestCount {
        # Requests per job id, from the emulator's own counters.
        $counts = @{}
        foreach ($job in Get-TestJob) { $counts[$job.id] = [int]$job.requestCount }
        $counts
    }

    function Wait-Until {
        param([scriptblock]$Condition, [double]$TimeoutSec = 10, [string]$Because = 'the condition')
        $sw = [Diagnostics.Stopwatch]::StartNew()
        while (-not (& $Condition)) {
            if ($sw.Elapsed.TotalSeconds -gt $TimeoutSec) { throw "Timed out after $TimeoutSec s waiting for $Because." }
            Start-Sleep -Milliseconds 20
        }
    }

    function Start-WaitInRunspace {
        # Runs $Script in a fresh runspace with the module imported and $p holding the connection
        # splat; returns the PowerShell instance and its async handle. The preference is set after
        # the import so that only the script under test can write progress.
        param([string]$Script, [string]$Progress = 'Continue')
        $ps = [powershell]::Create()
        $ps.Runspace = [runspacefactory]::CreateRunspace()
        $ps.Runspace.Open()
        $null = $ps.AddScript("param(`$ModulePath, `$p, `$Pref) Import-Module `$ModulePath; `$ProgressPreference = `$Pref; $Script").
            AddArgument((Get-JobStatusModulePath)).AddArgument($Conn).AddArgument($Progress)
        [pscustomobject]@{ PowerShell = $ps; Async = $ps.BeginInvoke() }
    }

    function Close-WaitInRunspace {
        param($Run)
        if (-not $Run) { return }
        if ($Run.PowerShell.InvocationStateInfo.State -eq 'Running') { $Run.PowerShell.Stop() }
        $Run.PowerShell.Runspace.Dispose()
        $Run.PowerShell.Dispose()
    }

    function ConvertFrom-ProgressText {
        # "2 of 3 finished (1 Success, 1 Failed, 1 Running); waited 00:00:02" -> parts.
        param([string]$Text)
        if ($Text -notmatch '^(\d+) of (\d+) finished \((.*)\); waited \d\d:\d\d:\d\d$') { return $null }
        $finished = [int]$Matches[1]
        $total = [int]$Matches[2]
        $counts = @{}
        $labels = [Collections.Generic.List[string]]::new()
        foreach ($part in $Matches[3] -split ', ') {
            if ($part -match '^(\d+) (.+)$') {
                $labels.Add($Matches[2])
                $counts[$Matches[2]] = [int]$counts[$Matches[2]] + [int]$Matches[1]
            }
        }
        [pscustomobject]@{ Finished = $finished; Total = $total; Counts = $counts; Labels = $labels }
    }
}

AfterAll {
    if ($emu) { Stop-TestEmulator $emu }
}

Describe 'Wait-CloudJob' {
    BeforeEach {
        Reset-TestEmulator $emu
    }

    Context 'input, as Get-CloudJob takes it' {
        It 'takes ids by position, by -JobId and its aliases, and by value' {
            $null = New-TestJob @(@{ id = 'in-1'; runSeconds = 0 }, @{ id = 'in-2'; runSeconds = 0 })

            @(Wait-CloudJob 'in-1', 'in-2' @Conn -PollIntervalSec $Interval).Id | Sort-Object | Should -Be 'in-1', 'in-2'
            @(Wait-CloudJob -JobId 'in-1' @Conn -PollIntervalSec $Interval).Id | Should -Be 'in-1'
            @(Wait-CloudJob -Id 'in-2' @Conn -PollIntervalSec $Interval).Id | Should -Be 'in-2'
            @(Wait-CloudJob -job_id 'in-1' @Conn -PollIntervalSec $Interval).Id | Should -Be 'in-1'
            @('in-1', 'in-2' | Wait-CloudJob @Conn -PollIntervalSec $Interval).Id | Sort-Object | Should -Be 'in-1', 'in-2'
        }

        It 'takes ids from Import-Csv with a <Column> column' -ForEach @(
            @{ Column = 'JobId' }
            @{ Column = 'Id' }
            @{ Column = 'job_id' }
        ) {
            $null = New-TestJob @(@{ id = 'csv-1'; runSeconds = 0 }, @{ id = 'csv-2'; runSeconds = 0.4 })
            $csv = Join-Path $TestDrive "$Column.csv"
            "$Column,Note`ncsv-1,first`ncsv-2,second" | Set-Content -LiteralPath $csv

            $out = @(Import-Csv $csv | Wait-CloudJob @Conn -PollIntervalSec $Interval)

            $out.Id | Sort-Object | Should -Be 'csv-1', 'csv-2'
            $out.Status | Should -Be 'Success', 'Success'
        }

        It 'writes objects Get-CloudJob found finished at once, without a request, and waits for the others' {
            $null = New-TestJob @(@{ id = 'gc-done'; runSeconds = 0 }, @{ id = 'gc-run'; runSeconds = 0.6 })

            # Only -Token: project and endpoint come from the piped objects.
            $out = @(Get-CloudJob 'gc-run', 'gc-done' @Conn | Wait-CloudJob -Token 'emulator-token' -PollIntervalSec $Interval)

            $out.Id | Should -Be 'gc-done', 'gc-run'
            $out.Status | Should -Be 'Success', 'Success'
            # The one request is Get-CloudJob's own.
            @(Get-TestRequest -JobId 'gc-done').Count | Should -Be 1
            @(Get-TestRequest -JobId 'gc-run').Count | Should -BeGreaterThan 1
        }

        It 'takes job objects and id strings mixed in one pipeline' {
            $null = New-TestJob @(@{ id = 'mix-done'; runSeconds = 0 }, @{ id = 'mix-obj'; runSeconds = 0.5 }, @{ id = 'mix-str'; runSeconds = 0.3 })
            $done = Get-CloudJob 'mix-done' @Conn
            $running = Get-CloudJob 'mix-obj' @Conn
            Clear-TestRequest $emu

            $out = @(@($done, 'mix-str', $running) | Wait-CloudJob @Conn -PollIntervalSec $Interval)

            $out.Id | Sort-Object | Should -Be 'mix-done', 'mix-obj', 'mix-str'
            $out | ForEach-Object { $_ | Should -BeOfType 'JobStatus.CloudJob' }
            @(Get-TestRequest -JobId 'mix-done').Count | Should -Be 0
        }
    }

    Context '-Timeout' {
        BeforeAll {
            Reset-TestEmulator $emu
            $null = New-TestJob @(
                @{ id = 'to-done'; runSeconds = 0.3 }
                @{ id = 'to-run'; runSeconds = -1 }
                @{ id = 'to-mute'; runSeconds = -1 }
            )
            # Never answers within the timeout: its last-known state stays unknown.
            $null = Add-TestFault slow -JobId 'to-mute' -DelayMs 8000 -Count -1
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $out = @(Wait-CloudJob 'to-done', 'to-run', 'to-mute' @Conn -Timeout 1 -PollIntervalSec $Interval -ErrorVariable timeoutErrors -ErrorAction SilentlyContinue)
            $elapsed = $sw.Elapsed
            $timeoutErrors = @($timeoutErrors)
        }

        It 'writes the finished jobs and nothing for the unfinished ones' {
            $out.Id | Should -Be 'to-done'
        }

        It 'gives each unfinished job a non-terminating CloudJobWaitTimeout error of category OperationTimeout' {
            $timeoutErrors.Count | Should -Be 2
            foreach ($e in $timeoutErrors) {
                $e.FullyQualifiedErrorId | Should -BeLike 'CloudJobWaitTimeout,*'
                $e.CategoryInfo.Category | Should -Be 'OperationTimeout'
            }
        }

        It 'targets the last-known object, or the id of a job that never answered' {
            $running = $timeoutErrors | Where-Object { $_.Exception.Message -match "'to-run'" }
            $running.TargetObject | Should -BeOfType 'JobStatus.CloudJob'
            $running.TargetObject.Id | Should -Be 'to-run'
            $running.TargetObject.RawStatus | Should -Be 'Running'

            $mute = $timeoutErrors | Where-Object { $_.Exception.Message -match "'to-mute'" }
            $mute.TargetObject | Should -Be 'to-mute'
        }

        It 'names the job and its last status in the message' {
            $running = $timeoutErrors | Where-Object { $_.Exception.Message -match "'to-run'" }
            $running.Exception.Message | Should -Match 'Running'
            $running.Exception.Message | Should -Match '\b1 s\b'
            $mute = $timeoutErrors | Where-Object { $_.Exception.Message -match "'to-mute'" }
            $mute.Exception.Message | Should -Match 'not answered'
        }

        It 'returns about when the timeout passes, even with a request in flight' {
            $elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.9
            $elapsed.TotalSeconds | Should -BeLessThan 4
        }

        It 'takes -TimeoutSec as an alias of -Timeout' {
            (Get-Command Wait-CloudJob).Parameters['Timeout'].Aliases | Should -Contain 'TimeoutSec'
            $null = New-TestJob @{ id = 'ts-run'; runSeconds = -1 }

            $out = @(Wait-CloudJob 'ts-run' @Conn -TimeoutSec 1 -PollIntervalSec $Interval -ErrorVariable aliasErrors -ErrorAction SilentlyContinue)

            $out.Count | Should -Be 0
            @($aliasErrors).Count | Should -Be 1
            $aliasErrors[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobWaitTimeout,*'
        }

        It 'waits until the jobs are done without -Timeout, and takes -Timeout -1' {
            $null = New-TestJob @(@{ id = 'nt-run'; runSeconds = 1.2 }, @{ id = 'nt-done'; runSeconds = 0 })

            $out = @(Wait-CloudJob 'nt-run' @Conn -PollIntervalSec $Interval -ErrorVariable noTimeoutErrors)
            $forever = @(Wait-CloudJob 'nt-done' @Conn -Timeout -1 -PollIntervalSec $Interval -ErrorVariable foreverErrors)

            $out.Id | Should -Be 'nt-run'
            $out.Status | Should -Be 'Success'
            $forever.Id | Should -Be 'nt-done'
            @($noTimeoutErrors).Count + @($foreverErrors).Count | Should -Be 0
        }
    }

    Context '-PollIntervalSec: 20 jobs on one schedule' {
        BeforeAll {
            Reset-TestEmulator $emu
            $ids = 1..20 | ForEach-Object { 'many-{0:d2}' -f $_ }
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 1 } })
            # -ThrottleLimit above the job count: queueing behind the limit has its own test below.
            $out = @(Wait-CloudJob $ids @Conn -PollIntervalSec $Interval -ThrottleLimit 20)
            $elapsed = $sw.Elapsed
            $gaps = @(foreach ($id in $ids) { Get-RequestGap $id })
            $counts = Get-RequestCount
        }

        It 'writes all 20 jobs' {
            $out.Count | Should -Be 20
            $out.Status | Sort-Object -Unique | Should -Be 'Success'
        }

        It 'polls them concurrently, not one after another' {
            # One after another would take 20 x 1 s.
            $elapsed.TotalSeconds | Should -BeLessThan 5
            foreach ($id in $ids) { $counts[$id] | Should -BeGreaterThan 1 -Because "$id runs 1 s and is polled every $Interval s" }
        }

        It 'ends within one interval (plus slack) of the last job finishing' {
            # Measured from before the jobs were created, so this is an upper bound.
            $elapsed.TotalSeconds | Should -BeLessThan (1 + $Interval + 1.0)
        }

        It 'never polls a job more often than the interval' {
            $gaps.Count | Should -BeGreaterThan 0
            ($gaps | Measure-Object -Minimum).Minimum | Should -BeGreaterOrEqual $MinGapMs -Because "$($gaps.Count) gaps between polls of one job were measured"
        }
    }

    Context 'the interval holds when requests wait' {
        It 'keeps the interval after a request that waited behind -ThrottleLimit' {
            $null = New-TestJob @(@{ id = 'q-slow'; runSeconds = 1.2 }, @{ id = 'q-other'; runSeconds = 1.2 })
            # With one request slot, whichever job goes second waits 0.5 s for it.
            $null = Add-TestFault slow -JobId 'q-slow' -DelayMs 500 -Count 1

            $out = @(Wait-CloudJob 'q-slow', 'q-other' @Conn -PollIntervalSec $Interval -ThrottleLimit 1)

            $out.Count | Should -Be 2
            foreach ($id in 'q-slow', 'q-other') {
                $min = (Get-RequestGap $id | Measure-Object -Minimum).Minimum
                $min | Should -BeGreaterOrEqual $MinGapMs -Because "requests for $id must be at least $Interval s apart (gaps: $((Get-RequestGap $id | ForEach-Object { [int]$_ }) -join ', ') ms)"
            }
        }
    }

    Context 'transient faults during a wait' {
        BeforeAll {
            Reset-TestEmulator $emu
            $null = New-TestJob @{ id = 'tf-job'; runSeconds = 2 }
            $null = Add-TestFault throttle -JobId 'tf-job' -Count 1
            $null = Add-TestFault html503 -JobId 'tf-job' -Count 1
            $out = @(Wait-CloudJob 'tf-job' @Conn -PollIntervalSec $Interval -RetryIntervalSec 0.3 -ErrorVariable faultErrors)
            $requests = @(Get-TestRequest -JobId 'tf-job')
            $gaps = @(Get-RequestGap 'tf-job')
        }

        It 'retries a throttled and a 503 answer, and the job still completes' {
            @($faultErrors).Count | Should -Be 0
            $out.Id | Should -Be 'tf-job'
            $out.Status | Should -Be 'Success'
            $requests[0].status | Should -Be 429
            $requests[1].status | Should -Be 503
            $requests[-1].status | Should -Be 200
        }

        It 'keeps the interval after a retry' {
            # Documented: "A job is never polled more often than this, including after a retry."
            ($gaps | Measure-Object -Minimum).Minimum | Should -BeGreaterOrEqual $MinGapMs -Because "gaps were $(($gaps | ForEach-Object { [int]$_ }) -join ', ') ms"
        }
    }

    Context 'throttling that outlasts the retries' {
        BeforeAll {
            Reset-TestEmulator $emu
            $null = New-TestJob @(@{ id = 'th-outlasts'; runSeconds = 1.5 }, @{ id = 'th-free'; runSeconds = 0.5 }, @{ service = 'ECS'; id = 'th-forever'; runSeconds = 1 })
            # More 429s in a row than -MaximumRetryCount allows a one-shot read: a wait reads on.
            # The job throttled for ever is another service's, so its lane's outage is its own.
            $null = Add-TestFault throttle -JobId 'th-outlasts' -Count 4
            $null = Add-TestFault throttle -JobId 'th-forever' -Count -1
            $rows = @(
                [pscustomobject]@{ Service = 'CFW'; JobId = 'th-outlasts' }
                [pscustomobject]@{ Service = 'CFW'; JobId = 'th-free' }
                [pscustomobject]@{ Service = 'ECS'; JobId = 'th-forever' }
            )
            $out = @($rows | Wait-CloudJob @Conn -PollIntervalSec $Interval -MaximumRetryCount 2 -RetryIntervalSec 0.1 -Timeout 6 `
                    -ErrorVariable throttleErrors -ErrorAction SilentlyContinue -WarningVariable throttleWarnings -WarningAction SilentlyContinue)
            $throttledStatuses = @(Get-TestRequest -JobId 'th-outlasts' | ForEach-Object status)
        }

        It 'treats each throttled poll as unknown and reads the job again until it finishes' {
            $throttledStatuses[0..3] | Should -Be 429, 429, 429, 429
            $throttledStatuses[-1] | Should -Be 200
            @($out | Where-Object Id -EQ 'th-outlasts').Status | Should -Be 'Success'
        }

        It 'goes on with the other jobs' {
            @($out | Where-Object Id -EQ 'th-free').Status | Should -Be 'Success'
        }

        It 'names the last failure in the timeout error of a job that was never read' {
            @($throttleErrors).Count | Should -Be 1
            $throttleErrors[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobWaitTimeout,*'
            $message = $throttleErrors[0].Exception.Message
            $message | Should -Match "Job 'th-forever' did not finish within the timeout of 6 s"
            $message | Should -Match 'Its last read failed: .*HTTP 429.*APIGW\.0308'
        }
    }

    Context 'output in completion order, streamed' {
        BeforeAll {
            Reset-TestEmulator $emu
            $null = New-TestJob @(
                @{ id = 'ord-1.5'; runSeconds = 1.5 }
                @{ id = 'ord-0.5'; runSeconds = 0.5 }
                @{ id = 'ord-1.0'; runSeconds = 1.0 }
            )
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $arrivals = @(Wait-CloudJob 'ord-1.5', 'ord-0.5', 'ord-1.0' @Conn -PollIntervalSec $Interval |
                ForEach-Object { [pscustomobject]@{ Id = $_.Id; At = $sw.Elapsed } })
        }

        It 'writes the jobs in the order they finish, not in input order' {
            $arrivals.Id | Should -Be 'ord-0.5', 'ord-1.0', 'ord-1.5'
        }

        It 'writes each job as soon as it finishes' {
            ($arrivals[-1].At - $arrivals[0].At).TotalSeconds | Should -BeGreaterThan 0.5
            $arrivals[0].At.TotalSeconds | Should -BeLessThan 1.3
        }
    }

    Context '-Any' {
        It 'returns the first job to finish, alone, and stops polling the others' {
            $null = New-TestJob @(
                @{ id = 'any-slow1'; runSeconds = 4 }
                @{ id = 'any-fast'; runSeconds = 0.5 }
                @{ id = 'any-slow2'; runSeconds = 4 }
            )
            $sw = [Diagnostics.Stopwatch]::StartNew()

            $out = @(Wait-CloudJob 'any-slow1', 'any-fast', 'any-slow2' @Conn -Any -PollIntervalSec $Interval)

            $sw.Elapsed.TotalSeconds | Should -BeLessThan 3
            $out.Id | Should -Be 'any-fast'
            $before = Get-RequestCount
            Start-Sleep -Milliseconds 700
            $after = Get-RequestCount
            foreach ($id in 'any-slow1', 'any-slow2') {
                $after[$id] | Should -Be $before[$id] -Because "$id must not be polled after -Any returned"
            }
        }

        It 'writes only one of several jobs that were finished already' {
            $null = New-TestJob @(@{ id = 'anyf-1'; runSeconds = 0 }, @{ id = 'anyf-2'; runSeconds = 0 })
            $finished = @(Get-CloudJob 'anyf-1', 'anyf-2' @Conn)

            $out = @(Wait-CloudJob -InputObject $finished @Conn -Any -PollIntervalSec $Interval)

            $out.Count | Should -Be 1 -Because '-Any returns the first finished job only'
        }
    }

    Context 'failed jobs and request errors' {
        It 'writes a Failed job and a CloudJobFailed error that quotes the service' {
            $null = New-TestJob @(
                @{ id = 'fail-1'; runSeconds = 0.5; finalStatus = 'Failed'; errorCode = 'CFW.00200005'; errorMsg = 'The rule quota is exhausted.' }
                @{ id = 'fail-ok'; runSeconds = 0.7 }
            )

            # PowerShell's default error action (named, since build.ps1 runs Pester under 'Stop'): the
            # error is shown, here merged into the output, and the wait goes on.
            $all = @(Wait-CloudJob 'fail-1', 'fail-ok' @Conn -PollIntervalSec $Interval -ErrorAction Continue 2>&1)

            $jobs = @($all | Where-Object { $_ -is [JobStatus.CloudJob] })
            $errors = @($all | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
            $jobs.Id | Should -Be 'fail-1', 'fail-ok'
            $jobs[0].Status | Should -Be 'Failed'
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobFailed,*'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $errors[0].TargetObject | Should -BeOfType 'JobStatus.CloudJob'
            $errors[0].TargetObject.Id | Should -Be 'fail-1'
            $errors[0].Exception.Message | Should -Match "'fail-1'"
            $errors[0].Exception.Message | Should -Match 'CFW\.00200005'
            $errors[0].Exception.Message | Should -Match 'rule quota is exhausted'
        }

        It 'throws at the first failure with -ErrorAction Stop and stops polling' {
            $null = New-TestJob @(
                @{ id = 'stop-fail'; runSeconds = 0.5; finalStatus = 'Failed'; errorCode = 'CFW.0001'; errorMsg = 'broken' }
                @{ id = 'stop-long'; runSeconds = 4 }
            )
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $caught = $null
            try {
                $null = Wait-CloudJob 'stop-long', 'stop-fail' @Conn -PollIntervalSec $Interval -ErrorAction Stop
            }
            catch { $caught = $_ }
            $elapsed = $sw.Elapsed

            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobFailed,*'
            $caught.TargetObject.Id | Should -Be 'stop-fail'
            $elapsed.TotalSeconds | Should -BeLessThan 2.5
            $before = (Get-RequestCount)['stop-long']
            Start-Sleep -Milliseconds 600
            (Get-RequestCount)['stop-long'] | Should -Be $before
        }

        It 'reports an unknown job (404) and still waits for the others' {
            $null = New-TestJob @{ id = 'nf-run'; runSeconds = 0.5 }

            $out = @(Wait-CloudJob 'nf-missing', 'nf-run' @Conn -PollIntervalSec $Interval -ErrorVariable nfErrors -ErrorAction SilentlyContinue)

            $out.Id | Should -Be 'nf-run'
            $out.Status | Should -Be 'Success'
            @($nfErrors).Count | Should -Be 1
            $nfErrors[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
            $nfErrors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $nfErrors[0].TargetObject | Should -Be 'nf-missing'
        }

        It "refuses the invalid ids '' and '..' without a request, and waits for the others" {
            $null = New-TestJob @{ id = 'iv-ok'; runSeconds = 0.3 }

            $out = @(Wait-CloudJob '', '..', 'iv-ok' @Conn -PollIntervalSec $Interval -ErrorVariable ivErrors -ErrorAction SilentlyContinue)

            $out.Id | Should -Be 'iv-ok'
            @($ivErrors).Count | Should -Be 2
            foreach ($e in $ivErrors) {
                $e.FullyQualifiedErrorId | Should -BeLike 'CloudJobInvalidId,*'
                $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
            }
            @($ivErrors.TargetObject) | Sort-Object | Should -Be '', '..'
            @(Get-TestRequest | Where-Object { $_.jobId -ne 'iv-ok' }).Count | Should -Be 0
        }

        It 'stops with one terminating error when the token has expired (401)' {
            Set-TestToken 'expired-token' -State expired
            $null = New-TestJob @(@{ id = 'au-1'; runSeconds = 1 }, @{ id = 'au-2'; runSeconds = 1 }, @{ id = 'au-3'; runSeconds = 1 })
            $caught = $null
            try {
                # A terminating error: even SilentlyContinue does not swallow it.
                $null = Wait-CloudJob 'au-1', 'au-2', 'au-3' @Conn -Token 'expired-token' -PollIntervalSec $Interval -ErrorVariable authErrors -ErrorAction SilentlyContinue
            }
            catch { $caught = $_ }

            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobAuthenticationFailed,*'
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $caught.Exception.Message | Should -Match 'expired'
            @($authErrors | Where-Object { (Get-ErrorId $_) -notlike 'CloudJobAuthenticationFailed,*' }).Count | Should -Be 0
            @($authErrors).Count | Should -BeLessOrEqual 1
        }

        It 'stops with one terminating error when the token is refused during the wait (403)' {
            $null = New-TestJob @(@{ id = 'pd-first'; runSeconds = 0.3 }, @{ id = 'pd-long1'; runSeconds = 4 }, @{ id = 'pd-long2'; runSeconds = 4 })
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $seen = [Collections.Generic.List[string]]::new()
            $caught = $null
            try {
                Wait-CloudJob 'pd-first', 'pd-long1', 'pd-long2' @Conn -PollIntervalSec $Interval -ErrorVariable pdErrors -ErrorAction SilentlyContinue |
                    ForEach-Object {
                        $seen.Add($_.Id)
                        # From now on the gateway refuses the token.
                        Set-TestToken 'emulator-token' -State forbidden
                    }
            }
            catch { $caught = $_ }

            $seen | Should -Be 'pd-first'
            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobPermissionDenied,*'
            $caught.CategoryInfo.Category | Should -Be 'PermissionDenied'
            @($pdErrors | Where-Object { (Get-ErrorId $_) -notlike 'CloudJobPermissionDenied,*' }).Count | Should -Be 0
            @($pdErrors).Count | Should -BeLessOrEqual 1
            $sw.Elapsed.TotalSeconds | Should -BeLessThan 3
        }
    }

    Context '200 jobs at once' {
        BeforeAll {
            Reset-TestEmulator $emu
            $specs = foreach ($i in 1..200) {
                @{
                    id          = 'big-{0:d3}' -f $i
                    runSeconds  = 0.5 + ($i % 11) / 10
                    finalStatus = if ($i % 25 -eq 0) { 'Failed' } else { 'Success' }
                    errorCode   = if ($i % 25 -eq 0) { 'CFW.00200005' } else { $null }
                }
            }
            $ids = @($specs | ForEach-Object { $_.id })
            $runSeconds = @{}
            foreach ($s in $specs) { $runSeconds[$s.id] = $s.runSeconds }
            $failedIds = @($specs | Where-Object { $_.finalStatus -eq 'Failed' } | ForEach-Object { $_.id })

            $sw = [Diagnostics.Stopwatch]::StartNew()
            $null = New-TestJob @($specs)
            $out = @(Wait-CloudJob $ids @Conn -PollIntervalSec $Interval -ErrorVariable bigErrors -ErrorAction SilentlyContinue)
            $elapsed = $sw.Elapsed
            $counts = Get-RequestCount
            $total = ($counts.Values | Measure-Object -Sum).Sum
            # For the record only: with 200 jobs behind -ThrottleLimit 16 the gaps include queueing.
            $minGap = (Get-TestRequest | Group-Object jobId | ForEach-Object {
                    $t = @($_.Group | ForEach-Object { [datetime]$_.time })
                    for ($i = 1; $i -lt $t.Count; $i++) { ($t[$i] - $t[$i - 1]).TotalMilliseconds }
                } | Measure-Object -Minimum).Minimum
            Write-Host ("    200 jobs: {0} requests, {1:0.00} s from creation to return, {2} objects, {3} errors, smallest gap between polls of one job {4:0} ms" -f $total, $elapsed.TotalSeconds, $out.Count, @($bigErrors).Count, $minGap)
        }

        It 'writes all 200 jobs, Failed ones too' {
            $out.Count | Should -Be 200
            @($out.Id | Sort-Object -Unique).Count | Should -Be 200
            @($out | Where-Object Status -EQ 'Failed').Id | Sort-Object | Should -Be $failedIds
        }

        It 'reports each Failed job as an error, and nothing else' {
            @($bigErrors).Count | Should -Be $failedIds.Count
            @($bigErrors | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Sort-Object -Unique) | Should -Be 'CloudJobFailed'
            @($bigErrors.TargetObject.Id) | Sort-Object | Should -Be $failedIds
        }

        It 'polls each job at least once and never far beyond its schedule' {
            foreach ($id in $ids) {
                $most = $runSeconds[$id] / $Interval + 3
                $counts[$id] | Should -BeGreaterOrEqual 1 -Because "$id was waited for"
                $counts[$id] | Should -BeLessOrEqual $most -Because "$id runs $($runSeconds[$id]) s, polled every $Interval s"
            }
        }

        It 'finishes in a bounded time' {
            $elapsed.TotalSeconds | Should -BeLessThan 15
        }
    }

    Context 'Ctrl+C' {
        It 'stops within half a second in the middle of a poll interval, and polls no more' {
            $null = New-TestJob @{ id = 'cc-int'; runSeconds = 60 }
            $run = $null
            try {
                $run = Start-WaitInRunspace 'Wait-CloudJob cc-int @p -PollIntervalSec 5'
                Wait-Until { @(Get-TestRequest -JobId 'cc-int' | Where-Object status -EQ 200).Count -ge 1 } -Because 'the first poll'
                Start-Sleep -Milliseconds 300

                $sw = [Diagnostics.Stopwatch]::StartNew()
                $run.PowerShell.Stop()
                $stopMs = $sw.Elapsed.TotalMilliseconds
                Write-Host ("    Stop() during a 5 s poll interval returned in {0:0.0} ms" -f $stopMs)

                $stopMs | Should -BeLessThan 1500
                $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
                @(Get-TestRequest -JobId 'cc-int').Count | Should -Be 1
            }
            finally { Close-WaitInRunspace $run }
        }

        It 'stops within half a second in the middle of a slow request, and polls no more' {
            $null = New-TestJob @(@{ id = 'cc-slow'; runSeconds = 60 }, @{ id = 'cc-busy'; runSeconds = 60 })
            $null = Add-TestFault slow -JobId 'cc-slow' -DelayMs 10000 -Count -1
            $run = $null
            try {
                # cc-busy is polled every 0.2 s, so a poll after Stop would show within the pause below.
                $run = Start-WaitInRunspace 'Wait-CloudJob cc-slow, cc-busy @p -PollIntervalSec 0.2'
                Wait-Until { @(Get-TestRequest -JobId 'cc-slow').Count -ge 1 -and @(Get-TestRequest -JobId 'cc-busy').Count -ge 2 } -Because 'the slow request and a few polls'
                Start-Sleep -Milliseconds 300

                $sw = [Diagnostics.Stopwatch]::StartNew()
                $run.PowerShell.Stop()
                $stopMs = $sw.Elapsed.TotalMilliseconds
                Write-Host ("    Stop() during a 10 s request returned in {0:0.0} ms" -f $stopMs)

                $stopMs | Should -BeLessThan 1500
                $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
                $afterStop = @(Get-TestRequest).Count
                Start-Sleep -Milliseconds 700
                @(Get-TestRequest).Count | Should -Be $afterStop -Because 'no request may be sent after Stop()'
            }
            finally { Close-WaitInRunspace $run }
        }
    }

    Context 'progress' {
        BeforeAll {
            Reset-TestEmulator $emu
            $null = New-TestJob @(
                @{ id = 'pg-fast'; runSeconds = 0.5 }
                @{ id = 'pg-fail'; runSeconds = 1.0; finalStatus = 'Failed' }
                @{ id = 'pg-long'; runSeconds = 2.5 }
            )
            $run = Start-WaitInRunspace 'Wait-CloudJob pg-fast, pg-fail, pg-long @p -PollIntervalSec 0.1'
            try {
                $progressOut = @($run.PowerShell.EndInvoke($run.Async))
                $records = @($run.PowerShell.Streams.Progress)
            }
            finally { Close-WaitInRunspace $run }
            $polls = (Get-RequestCount).Values | Measure-Object -Sum | ForEach-Object Sum
            $processing = @($records | Where-Object RecordType -EQ 'Processing')
        }

        It 'writes the three jobs' {
            $progressOut.Count | Should -Be 3
        }

        It 'uses one activity id and one activity text' {
            $records.Count | Should -BeGreaterThan 1
            @($records.ActivityId | Sort-Object -Unique).Count | Should -Be 1
            @($records.Activity | Sort-Object -Unique).Count | Should -Be 1
        }

        It 'shows "N of M finished" with counts per status and the time waited' {
            foreach ($r in $processing) {
                $r.StatusDescription | Should -Match '^\d+ of 3 finished \(\d+ [^)]+\); waited \d\d:\d\d:\d\d$'
            }
            $processing.StatusDescription | Where-Object { $_ -match '\d+ Running' } | Should -Not -BeNullOrEmpty
            $processing.StatusDescription | Where-Object { $_ -match '1 Failed' } | Should -Not -BeNullOrEmpty
        }

        It 'keeps the counts consistent: each job counted once, finished ones as finished' {
            foreach ($r in $processing) {
                $p = ConvertFrom-ProgressText $r.StatusDescription
                $because = "'$($r.StatusDescription)'"
                @($p.Labels | Sort-Object -Unique).Count | Should -Be $p.Labels.Count -Because "each status is listed once in $because"
                ($p.Counts.Values | Measure-Object -Sum).Sum | Should -Be $p.Total -Because "every job is counted once in $because"
                $finishedCount = [int]$p.Counts['Success'] + [int]$p.Counts['Failed'] + [int]$p.Counts['Error']
                $finishedCount | Should -Be $p.Finished -Because "N matches the finished statuses in $because"
            }
        }

        It 'ends with a Completed record' {
            $records[-1].RecordType | Should -Be 'Completed'
            $records[-1].ActivityId | Should -Be $records[0].ActivityId
        }

        It 'does not write a record per poll' {
            # 6 status changes (first answer and end of each job), about 3 s waited, a few more.
            $records.Count | Should -BeLessOrEqual (6 + 3 + 3) -Because "there were $polls polls"
            $polls | Should -BeGreaterThan 20
        }

        It 'writes at most about four records a second when many jobs change at once' {
            # 60 jobs whose first answers and ends all fall within about 2 s: 120 status changes.
            $null = New-TestJob @(1..60 | ForEach-Object { @{ id = "pg-many-$_"; runSeconds = 0.5 + ($_ % 10) * 0.15 } })
            $ids = 1..60 | ForEach-Object { "pg-many-$_" }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $many = Start-WaitInRunspace "Wait-CloudJob $($ids -join ',') @p -PollIntervalSec 0.1"
            try {
                $manyOut = @($many.PowerShell.EndInvoke($many.Async))
                $manyRecords = @($many.PowerShell.Streams.Progress)
            }
            finally { Close-WaitInRunspace $many }
            $seconds = $watch.Elapsed.TotalSeconds

            $manyOut.Count | Should -Be 60
            $manyRecords.Count | Should -BeLessOrEqual ([math]::Ceiling($seconds * 4) + 3) -Because "$($manyRecords.Count) records in $([math]::Round($seconds, 1)) s for 120 status changes"
            $manyRecords[-1].RecordType | Should -Be 'Completed'
        }

        It 'writes no progress record when $ProgressPreference is SilentlyContinue' {
            $null = New-TestJob @{ id = 'pg-silent'; runSeconds = 0.4 }
            $silent = Start-WaitInRunspace 'Wait-CloudJob pg-silent @p -PollIntervalSec 0.1' -Progress SilentlyContinue
            try {
                $silentOut = @($silent.PowerShell.EndInvoke($silent.Async))
                $silentOut.Id | Should -Be 'pg-silent'
                $silent.PowerShell.Streams.Progress.Count | Should -Be 0
            }
            finally { Close-WaitInRunspace $silent }
        }
    }

    Context '-Verbose' {
        It 'says when each job changes status' {
            $null = New-TestJob @(@{ id = 'vb-ok'; runSeconds = 0.4 }, @{ id = 'vb-fail'; runSeconds = 0.6; finalStatus = 'Failed' })

            $all = @(Wait-CloudJob 'vb-ok', 'vb-fail' @Conn -PollIntervalSec $Interval -Verbose -ErrorAction SilentlyContinue 4>&1)

            $verbose = @($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $verbose | Where-Object { $_ -match "'vb-ok'.*Running -> Success" } | Should -Not -BeNullOrEmpty
            $verbose | Where-Object { $_ -match "'vb-fail'.*Running -> Failed" } | Should -Not -BeNullOrEmpty
            # Once per change, not once per poll.
            @($verbose | Where-Object { $_ -match "'vb-ok'.*->" }).Count | Should -Be 1
        }

        It 'says it under $VerbosePreference = Continue as well, with no -Verbose, and says nothing without either' {
            $null = New-TestJob @(@{ id = 'vp-on'; runSeconds = 0.3 }, @{ id = 'vp-off'; runSeconds = 0.3 })

            $on = @(& { $VerbosePreference = 'Continue'; Wait-CloudJob 'vp-on' @Conn -PollIntervalSec $Interval 4>&1 })
            $off = @(& { $VerbosePreference = 'SilentlyContinue'; Wait-CloudJob 'vp-off' @Conn -PollIntervalSec $Interval 4>&1 })

            @($on | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match "'vp-on'.*-> Success" }).Count | Should -Be 1
            @($off | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -Be 0
            @($off | Where-Object Id -EQ 'vp-off').Count | Should -Be 1
        }
    }
}
