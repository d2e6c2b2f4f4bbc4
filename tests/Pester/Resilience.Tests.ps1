# Resilience: hostile ids and broken answers as a table (one row per case, each with what the user
# gets), for a v3 service (CFW), a v1 one (ECS) and one with the id in the query (RDS); no 429 storm, nothing lost or doubled under random failures, the cmdlets side by side in
# several runspaces, and Ctrl+C. Everything runs against the real emulator over loopback.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $conn = @{ Endpoint = $emu.Url; Token = 'emulator-token'; ProjectId = $P }

    $savedEnvironment = Clear-CredentialEnvironment
    Disconnect-CloudJobService

    function Get-AnsweredId {
        # The id each record answers: a job's Id, or an error's target (the id, or the last-known job).
        param([object[]]$Records)
        foreach ($record in $Records) {
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $target = $record.TargetObject
                if ($target -is [JobStatus.CloudJob]) { $target.Id } else { [string]$target }
            }
            else { $record.Id }
        }
    }

    function Get-ErrorId([System.Management.Automation.ErrorRecord]$Record) {
        ($Record.FullyQualifiedErrorId -split ',')[0]
    }

    # Answers in each service's own shape for the rows whose body depends on it: the job object where
    # that service keeps it, with a numeric status, no status, or an unreadable begin time.
    $Shapes = @{
        CFW = @{ Success = 'Success'; Wrap = { param($fields) '{"data":{' + $fields + '}}' }; Id = 'id'; Begin = 'begin_time' }
        ECS = @{ Success = 'SUCCESS'; Wrap = { param($fields) '{' + $fields + '}' }; Id = 'job_id'; Begin = 'begin_time' }
        RDS = @{ Success = 'Completed'; Wrap = { param($fields) '{"job":{' + $fields + '}}' }; Id = 'id'; Begin = 'created' }
    }

    function Get-ShapedBody([string]$Service, [string]$Name) {
        $shape = $Shapes[$Service]
        $id = '"' + $shape.Id + '":"target"'
        $success = '"status":"' + $shape.Success + '"'
        $fields = switch ($Name) {
            'statusNumber' { "$id,`"status`":3" }
            'statusMissing' { $id }
            'beginObject' { "$id,$success,`"$($shape.Begin)`":{`"t`":1}" }
            'begin30Digits' { "$id,$success,`"$($shape.Begin)`":123456789012345678901234567890" }
        }
        & $shape.Wrap $fields
    }

    function Wait-Until([scriptblock]$Condition, [double]$Seconds = 10) {
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        & $Condition
    }
}

AfterAll {
    Stop-TestEmulator $emu
    Restore-CredentialEnvironment $savedEnvironment
}

Describe 'Hostile ids at <Service>: each gets its own answer, the ids around it are unharmed' -ForEach @(
    @{ Service = 'CFW' }, @{ Service = 'ECS' }, @{ Service = 'RDS' }
) {
    BeforeAll {
        Reset-TestEmulator
        # Ids that are odd but legal are real jobs here: the right job must come back, proving the id
        # travelled as exactly one path segment (or one query value).
        $legal = 'a/b', 'a?b=c', 'a#b', 'a%2Fb', 'jöb-✓-任务', '..a', 'a b'
        $null = New-TestJob (@('good-before', 'good-after') + $legal | ForEach-Object { @{ service = $Service; id = $_; runSeconds = 0 } })
        $oneValue = if ($Service -eq 'RDS') { '/jobs\?id=[^/?#&]+$' } else { '/jobs/[^/?#]+$' }
    }

    It '<Name> -> <Expect>' -ForEach @(
        @{ Name = 'empty'; Id = ''; Expect = 'CloudJobInvalidId' }
        @{ Name = 'whitespace'; Id = "  `t "; Expect = 'CloudJobInvalidId' }
        @{ Name = '10,000 characters'; Id = 'x' * 10000; Expect = 'CloudJobInvalidId' }
        @{ Name = '129 characters'; Id = 'x' * 129; Expect = 'CloudJobInvalidId' }
        @{ Name = '..'; Id = '..'; Expect = 'CloudJobInvalidId' }
        @{ Name = '.'; Id = '.'; Expect = 'CloudJobInvalidId' }
        @{ Name = 'control character (tab inside)'; Id = "a`tb"; Expect = 'CloudJobInvalidId' }
        @{ Name = 'control character (newline)'; Id = "a`nb"; Expect = 'CloudJobInvalidId' }
        @{ Name = 'control character (NUL)'; Id = "a$([char]0)b"; Expect = 'CloudJobInvalidId' }
        @{ Name = '$null in an array'; Id = $null; Expect = 'CloudJobInvalidId' }
        @{ Name = 'slash'; Id = 'a/b'; Expect = 'job' }
        @{ Name = 'question mark'; Id = 'a?b=c'; Expect = 'job' }
        @{ Name = 'hash'; Id = 'a#b'; Expect = 'job' }
        @{ Name = 'already percent-encoded %2F'; Id = 'a%2Fb'; Expect = 'job' }
        @{ Name = 'unicode'; Id = 'jöb-✓-任务'; Expect = 'job' }
        @{ Name = 'dots then a letter'; Id = '..a'; Expect = 'job' }
        @{ Name = 'space'; Id = 'a b'; Expect = 'job' }
        @{ Name = 'unknown id'; Id = 'no-such-job'; Expect = 'CloudJobNotFound' }
    ) {
        Clear-TestRequest
        $watch = [Diagnostics.Stopwatch]::StartNew()
        # A high -MaximumRequestRate replaces RDS's documented budget (one call a second), which would only slow these rows down.
        $records = @(Get-CloudJob -JobId 'good-before', $Id, 'good-after' -Service $Service @conn -MaximumRequestRate 100000 -ErrorAction Continue 2>&1)
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 15 -Because 'no row may hang'

        $records.Count | Should -Be 3 -Because 'each id is answered exactly once'
        $records[0].Id | Should -Be 'good-before'
        $records[2].Id | Should -Be 'good-after'
        $sent = @(Get-TestRequest)
        if ($Expect -eq 'job') {
            $records[1] | Should -BeOfType ([JobStatus.CloudJob])
            $records[1].Id | Should -BeExactly $Id
            $sent.Count | Should -Be 3
            ($sent | Where-Object jobId -CEQ $Id).rawTarget | Should -Match $oneValue -Because 'the id is one encoded path segment or query value'
        }
        else {
            $records[1] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            Get-ErrorId $records[1] | Should -Be $Expect
            $records[1].Exception.Message | Should -Not -BeNullOrEmpty
            $records[1].Exception.Message.Length | Should -BeLessThan 1000 -Because 'a huge id is not repeated whole in the message'
            if ($Expect -eq 'CloudJobInvalidId') {
                $sent.Count | Should -Be 2 -Because 'no request is sent for an id that cannot be sent'
                $records[1].CategoryInfo.Category | Should -Be 'InvalidArgument'
            }
        }
    }
}

Describe 'Broken answers at <Service>: each gets a clear error for that id alone, never a crash or a hang' -ForEach @(
    @{ Service = 'CFW' }, @{ Service = 'ECS' }, @{ Service = 'RDS' }
) {
    BeforeAll {
        $other = Start-TestEmulator
        # Each row breaks only the answers for 'target', for ever, so retries cannot hide the fault.
        $quick = @{ MaximumRetryCount = 1; RetryIntervalSec = 0.05; TimeoutSec = 1 }
    }
    AfterAll { Stop-TestEmulator $other }

    BeforeEach {
        Reset-TestEmulator
        $null = New-TestJob @('good-before', 'target', 'good-after' | ForEach-Object { @{ service = $Service; id = $_; runSeconds = 0 } })
    }

    It '<Name> -> <Expect>' -ForEach @(
        @{ Name = 'broken JSON'; Fault = @{ Kind = 'brokenJson' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'HTML with 200'; Fault = @{ Kind = 'html200' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'empty body'; Fault = @{ Kind = 'emptyBody' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'data missing'; Fault = @{ Kind = 'missingData' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'data null'; Fault = @{ Kind = 'raw'; Body = '{"data":null}' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'data a string'; Fault = @{ Kind = 'raw'; Body = '{"data":"Success"}' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'a JSON array'; Fault = @{ Kind = 'raw'; Body = '[{"data":{}}]' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'status missing'; Fault = @{ Kind = 'raw'; Body = 'statusMissing' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'deeply nested JSON'; Fault = @{ Kind = 'raw'; Body = '{"data":' + ('[' * 5000) + (']' * 5000) + '}' }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'status a number'; Fault = @{ Kind = 'raw'; Body = 'statusNumber' }; Expect = 'Unknown status 3' }
        @{ Name = 'begin time an object'; Fault = @{ Kind = 'raw'; Body = 'beginObject' }; Expect = 'job, no BeginTime' }
        @{ Name = 'begin time a 30-digit number'; Fault = @{ Kind = 'raw'; Body = 'begin30Digits' }; Expect = 'job, no BeginTime' }
        @{ Name = 'a 10 MB body'; Fault = @{ Kind = 'oversized'; SizeBytes = 10MB }; Expect = 'CloudJobInvalidResponse' }
        @{ Name = 'a truncated connection'; Fault = @{ Kind = 'truncated' }; Expect = 'CloudJobConnectionFailed' }
        @{ Name = 'a reset connection'; Fault = @{ Kind = 'reset' }; Expect = 'CloudJobConnectionFailed' }
        @{ Name = 'a slow drip past -TimeoutSec'; Fault = @{ Kind = 'drip'; DelayMs = 300 }; Expect = 'CloudJobRequestTimeout' }
        @{ Name = 'no answer within -TimeoutSec'; Fault = @{ Kind = 'slow'; DelayMs = 5000 }; Expect = 'CloudJobRequestTimeout' }
        @{ Name = 'HTML 503 from a proxy'; Fault = @{ Kind = 'html503' }; Expect = 'CloudJobServiceError' }
        @{ Name = '429 without Retry-After'; Fault = @{ Kind = 'throttle' }; Expect = 'CloudJobThrottled' }
        @{ Name = '400'; Fault = @{ Kind = 'status'; Status = 400 }; Expect = 'CloudJobBadRequest' }
        @{ Name = 'a redirect to another host'; Fault = @{ Kind = 'redirect'; Location = 'OTHER' }; Expect = 'CloudJobRedirectRefused' }
    ) {
        $spec = @{} + $Fault
        if ($spec.Body -match '^[a-z0-9]+$') { $spec.Body = Get-ShapedBody $Service $spec.Body }
        if ($spec.Location -eq 'OTHER') {
            # A host that answers and logs: if the token followed the redirect, it would show here.
            $spec.Location = "$($other.Url)/v3/$P/jobs/target"
            Reset-TestEmulator $other
        }
        $null = Add-TestFault @spec -JobId 'target' -Count -1

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $records = @(Get-CloudJob 'good-before', 'target', 'good-after' -Service $Service @conn @quick -MaximumRequestRate 100000 -ErrorAction Continue 2>&1)
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 15 -Because 'no row may hang'

        $records.Count | Should -Be 3 -Because 'each id is answered exactly once'
        $records[0].Id | Should -Be 'good-before'
        $records[2].Id | Should -Be 'good-after'
        $answer = $records[1]
        switch -Wildcard ($Expect) {
            'CloudJob*' {
                $answer | Should -BeOfType ([System.Management.Automation.ErrorRecord])
                Get-ErrorId $answer | Should -Be $Expect
                $answer.TargetObject | Should -Be 'target'
                $answer.Exception.Message | Should -Match "job 'target'"
                $answer.Exception.Message.Length | Should -BeLessThan 2000 -Because 'a huge body is not quoted whole'
            }
            'Unknown status 3' {
                $answer.Status | Should -Be 'Unknown'
                $answer.RawStatus | Should -Be '3'
                $answer.IsFinished | Should -BeFalse
            }
            'job, no BeginTime' {
                $answer.Status | Should -Be 'Success'
                $answer.BeginTime | Should -BeNullOrEmpty
            }
        }

        $sent = @(Get-TestRequest -JobId 'target')
        $expectedRequests = if ($Expect -in 'CloudJobConnectionFailed', 'CloudJobRequestTimeout', 'CloudJobServiceError', 'CloudJobThrottled') { 2 } else { 1 }
        if ($Expect -eq 'CloudJobConnectionFailed') {
            # HttpClient itself resends once when a connection drops before any answer byte.
            $sent.Count | Should -BeIn $expectedRequests, ($expectedRequests * 2)
        }
        else {
            $sent.Count | Should -Be $expectedRequests -Because 'only transient failures are retried (-MaximumRetryCount 1)'
        }
        if ($Expect -eq 'CloudJobRedirectRefused') {
            @(Get-TestRequest -Emulator $other).Count | Should -Be 0 -Because 'a redirect is never followed, so the token goes nowhere else'
        }
    }

    It 'reads no more than 4 MiB of a body that claims 10 MB' {
        $null = Add-TestFault oversized -SizeBytes 10MB -JobId 'target' -Count 1
        $err = $null
        $null = Get-CloudJob target @conn -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match '4 MiB'
    }
}

Describe 'Throttling slows every request down at <Service>, then recovers' -ForEach @(@{ Service = 'CFW' }, @{ Service = 'ECS' }) {
    It 'meets a throttled window with a few 429s, not a storm, and still answers every id' {
        Reset-TestEmulator
        $ids = 1..80 | ForEach-Object { 'storm-{0:D2}' -f $_ }
        $null = New-TestJob ($ids | ForEach-Object { @{ service = $Service; id = $_; runSeconds = 0 } })
        # For 1.5 s every request is throttled, as when the account's 200-calls-in-5-minutes runs out.
        $null = Add-TestFault throttle -Count -1 -DurationMs 1500

        $out = @(Get-CloudJob $ids -Service $Service @conn -MaximumRetryCount 20 -RetryIntervalSec 0.2)

        @($out).Id | Should -Be $ids
        $statuses = @(Get-TestRequest | ForEach-Object status)
        $throttled = @($statuses | Where-Object { $_ -eq 429 }).Count
        # Without shared pacing, each of the 16 requests in flight would retry on its own schedule
        # (0.2, 0.4, 0.8 s ...), and every other id would meet the window too: well over 80 429s.
        $throttled | Should -BeLessThan 40 -Because "a 429 must slow every request down; $throttled of $($statuses.Count) answers were 429"
        $throttled | Should -BeGreaterThan 0
        Write-Host "      throttled window: $throttled of $($statuses.Count) answers were 429"
    }
}

Describe 'Nothing lost, nothing doubled at <Service>' -ForEach @(@{ Service = 'CFW' }, @{ Service = 'ECS' }) {
    It 'answers 10,000 ids exactly once each, in input order, while 30% of requests fail with 429 or 5xx' {
        Reset-TestEmulator
        $ids = 1..10000 | ForEach-Object { 'bulk-{0:D5}' -f $_ }
        $null = New-TestJob ($ids | ForEach-Object { @{ service = $Service; id = $_; runSeconds = 0 } })
        # 15% throttled, then 15% of all requests (0.15 / 0.85 of the rest) a gateway error page.
        $null = Add-TestFault throttle -Rate 0.15 -Count -1
        $null = Add-TestFault html503 -Rate (0.15 / 0.85) -Count -1

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $records = @(Get-CloudJob $ids -Service $Service @conn -MaximumRetryCount 10 -RetryIntervalSec 0.01 -ErrorAction Continue 2>&1)
        $seconds = $watch.Elapsed.TotalSeconds

        $answered = @(Get-AnsweredId $records)
        $answered.Count | Should -Be 10000
        # In input order, each id once: the whole sequence is the input.
        [string]::Join("`n", $answered) | Should -BeExactly ([string]::Join("`n", $ids))
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -BeLessThan 5 -Because 'eleven failures in a row at 30% are rare (about 2 in a million per id)'

        $sent = (Get-TestJob | Measure-Object requestCount -Sum).Sum
        $sent | Should -BeGreaterThan 12000 -Because 'about 30% of requests failed and were sent again'
        Write-Host ("      10,000 ids: {0:0.0} s, {1} requests, {2} retries, {3} errors" -f $seconds, $sent, ($sent - 10000), $errors.Count)
    }

    It 'Wait-CloudJob answers 500 jobs exactly once each while 30% of polls fail with 429 or 5xx' {
        Reset-TestEmulator
        $random = [Random]::new(500)
        $ids = 1..500 | ForEach-Object { 'wait-{0:D3}' -f $_ }
        $null = New-TestJob ($ids | ForEach-Object { @{ service = $Service; id = $_; runSeconds = [Math]::Round(0.2 + $random.NextDouble() * 1.8, 2) } })
        $null = Add-TestFault throttle -Rate 0.15 -Count -1
        $null = Add-TestFault html502 -Rate (0.15 / 0.85) -Count -1

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $records = @(Wait-CloudJob $ids -Service $Service @conn -PollIntervalSec 0.25 -MaximumRetryCount 10 -RetryIntervalSec 0.01 -Timeout 120 -ErrorAction Continue 2>&1)
        $seconds = $watch.Elapsed.TotalSeconds

        $answered = @(Get-AnsweredId $records)
        $answered.Count | Should -Be 500
        @($answered | Sort-Object -Unique).Count | Should -Be 500 -Because 'no job is written twice'
        @(Compare-Object $answered $ids).Count | Should -Be 0
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        @($errors | Where-Object { (Get-ErrorId $_) -eq 'CloudJobWaitTimeout' }).Count | Should -Be 0
        $errors.Count | Should -BeLessThan 3
        Write-Host ("      500 waited jobs: {0:0.0} s, {1} requests" -f $seconds, (Get-TestJob | Measure-Object requestCount -Sum).Sum)
    }
}

Describe 'Side by side: several runspaces at once' {
    BeforeAll {
        Reset-TestEmulator
        # Four projects with the same job ids: a result from the wrong session's project would show.
        $projects = 0..3 | ForEach-Object { '{0}{0}{0}{0}bbbbccccddddeeeeffff0000111{0}' -f $_ }
        $jobIds = 1..25 | ForEach-Object { "par-$_" }
        $null = New-TestJob @(foreach ($project in $projects) {
                foreach ($id in $jobIds) { @{ id = $id; projectId = $project; runSeconds = 0.3 } }
            })
        $modulePath = Get-JobStatusModulePath
        $url = $emu.Url

        function Assert-PerProject($Results) {
            @($Results).Count | Should -Be 8
            foreach ($result in $Results) {
                $result.Errors | Should -Be 0 -Because "worker $($result.Worker) had no reason to fail"
                @($result.GetIds) | Should -Be $jobIds
                @($result.GetProjects | Sort-Object -Unique) | Should -Be $projects[$result.Worker % 4]
                @($result.WaitIds | Sort-Object) | Should -Be @($jobIds | Sort-Object)
                @($result.WaitProjects | Sort-Object -Unique) | Should -Be $projects[$result.Worker % 4]
                $result.Context | Should -Be $projects[$result.Worker % 4] -Because 'each runspace keeps its own session'
            }
        }

        # What each worker runs: its own session, then Get and Wait on that project's jobs.
        $work = {
            param($Worker, $ModulePath, $Url, $Projects, $JobIds)
            Import-Module $ModulePath
            Connect-CloudJobService -Token emulator-token -ProjectId $Projects[$Worker % 4] -Endpoint $Url
            $got = @(Get-CloudJob $JobIds -ErrorVariable +failures -ErrorAction SilentlyContinue)
            $waited = @(Wait-CloudJob $JobIds -PollIntervalSec 0.2 -Timeout 60 -ErrorVariable +failures -ErrorAction SilentlyContinue)
            [pscustomobject]@{
                Worker = $Worker
                GetIds = $got.Id; GetProjects = $got.ProjectId
                WaitIds = $waited.Id; WaitProjects = $waited.ProjectId
                Context = (Get-CloudJobContext).ProjectId
                Errors = @($failures).Count
            }
        }
    }

    It 'ForEach-Object -Parallel' {
        $workText = $work.ToString()   # -Parallel takes no script blocks through $using:
        $results = 0..7 | ForEach-Object -ThrottleLimit 8 -Parallel {
            $run = [scriptblock]::Create($using:workText)
            & $run $_ $using:modulePath $using:url $using:projects $using:jobIds
        }
        Assert-PerProject $results
    }

    It 'Start-ThreadJob' {
        $jobs = 0..7 | ForEach-Object {
            Start-ThreadJob -ScriptBlock $work -ArgumentList $_, $modulePath, $url, $projects, $jobIds -ThrottleLimit 8
        }
        $results = $jobs | Receive-Job -Wait -AutoRemoveJob
        Assert-PerProject $results
    }

    It 'runspaces of their own, started at once' {
        $shells = foreach ($worker in 0..7) {
            $ps = [powershell]::Create()
            $ps.Runspace = [runspacefactory]::CreateRunspace()
            $ps.Runspace.Open()
            $null = $ps.AddScript($work).AddArgument($worker).AddArgument($modulePath).AddArgument($url).AddArgument($projects).AddArgument($jobIds)
            [pscustomobject]@{ Shell = $ps; Async = $ps.BeginInvoke() }
        }
        try {
            $results = foreach ($shell in $shells) { $shell.Shell.EndInvoke($shell.Async) }
            Assert-PerProject $results
        }
        finally {
            foreach ($shell in $shells) { $shell.Shell.Runspace.Dispose(); $shell.Shell.Dispose() }
        }
    }
}

Describe 'Ctrl+C ends any command within half a second' {
    BeforeAll {
        $modulePath = Get-JobStatusModulePath
    }

    It '<Name>' -ForEach @(
        @{ Name = 'Get-CloudJob waiting for a slow answer'; Fault = @{ Kind = 'slow'; DelayMs = 20000 }; Command = 'Get-CloudJob stop-me @c' }
        @{ Name = 'Get-CloudJob waiting to retry after a 429'; Fault = @{ Kind = 'throttle' }; Command = 'Get-CloudJob stop-me @c -RetryIntervalSec 60' }
        @{ Name = 'Get-CloudJob reading a slow drip'; Fault = @{ Kind = 'drip'; DelayMs = 5000 }; Command = 'Get-CloudJob stop-me @c -TimeoutSec 0' }
        @{ Name = 'Wait-CloudJob between polls'; Fault = $null; Command = 'Wait-CloudJob stop-me @c -PollIntervalSec 60' }
        @{ Name = 'Wait-CloudJob waiting for a slow answer'; Fault = @{ Kind = 'slow'; DelayMs = 20000 }; Command = 'Wait-CloudJob stop-me @c' }
        @{ Name = 'Wait-CloudJob waiting to retry after a 503'; Fault = @{ Kind = 'html503' }; Command = 'Wait-CloudJob stop-me @c -RetryIntervalSec 60' }
        @{ Name = 'Wait-CloudJob paced by a request budget'; Fault = $null; Command = 'Wait-CloudJob stop-me, also-me @c -PollIntervalSec 0.1 -MaximumRequestRate 0.1' }
        @{ Name = 'Get-CloudJob paced by a request budget'; Fault = $null; Command = 'Get-CloudJob stop-me, also-me @c -MaximumRequestRate 0.1' }
    ) {
        Reset-TestEmulator
        $null = New-TestJob @{ id = 'stop-me'; runSeconds = 3600 }
        if ($Fault) { $null = Add-TestFault @Fault -JobId 'stop-me' -Count -1 }

        $ps = [powershell]::Create()
        $ps.Runspace = [runspacefactory]::CreateRunspace()
        $ps.Runspace.Open()
        try {
            $null = $ps.AddScript("param(`$ModulePath, `$c) Import-Module `$ModulePath; $Command").AddArgument($modulePath).AddArgument($conn)
            $async = $ps.BeginInvoke()
            Wait-Until { @(Get-TestRequest -JobId 'stop-me').Count -ge 1 } | Should -BeTrue
            Start-Sleep -Milliseconds 300   # well into the wait, the slow answer or the drip

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $stopMs = $watch.Elapsed.TotalMilliseconds

            Write-Host ('      stopped in {0:0.0} ms' -f $stopMs)
            $stopMs | Should -BeLessThan 500
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $sentBefore = @(Get-TestRequest -JobId 'stop-me').Count
            Start-Sleep -Milliseconds 300
            @(Get-TestRequest -JobId 'stop-me').Count | Should -Be $sentBefore -Because 'nothing is sent after Ctrl+C'
        }
        finally {
            $ps.Runspace.Dispose()
            $ps.Dispose()
        }
    }
}

Describe 'Unattended: -Debug where nobody can answer a prompt' -Skip:$IsWindows {
    It 'writes the notes of every cmdlet as debug lines and asks nothing' {
        # PowerShell asks "Continue?" before each verbose line of a compiled cmdlet run with -Debug,
        # which fails a non-interactive runbook; the notes must go to the debug stream instead.
        Reset-TestEmulator
        $null = New-TestJob @{ id = 'dbg-1'; runSeconds = 0.3 }
        Import-Module (Join-Path $PSScriptRoot '../../src/Packaging/LocalRepository.psm1') -Force
        $out = Invoke-IsolatedPwsh -Values @{ Module = (Get-JobStatusModulePath); Url = $emu.Url; Project = $P } -Script @'
Import-Module $Values.Module
Connect-CloudJobService -Token emulator-token -ProjectId $Values.Project -Endpoint $Values.Url -Debug 5>&1 | ForEach-Object { "[$_]" }
Get-CloudJob dbg-1 -Debug 5>&1 | ForEach-Object { "[$_]" }
Wait-CloudJob dbg-1 -PollIntervalSec 0.2 -Debug 5>&1 | ForEach-Object { "[$_]" }
Disconnect-CloudJobService -Debug 5>&1 | ForEach-Object { "[$_]" }
'all done'
'@
        $out | Should -Match '\[Stored the token'
        $out | Should -Match '\[GET http://127\.0\.0\.1:\d+/v3/'
        $out | Should -Match "\[Job 'dbg-1': \w+"
        $out | Should -Match '\[Cleared the values stored'
        $out | Should -Match 'all done'
    }
}
