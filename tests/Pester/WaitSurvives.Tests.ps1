# What a wait survives, as a user meets it against the emulator: an outage longer than the retries,
# one service throttled while another's job finishes, one service's 403 in a mixed wait, and the
# advice a failing read gives. Each case ended the wait (or delayed the other service) before the
# scheduler of issue 17; the simulated three-day wait is in the xunit tests (ThreeDayWaitTests).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $conn = @{ Endpoint = $emu.Url; Token = 'emulator-token'; ProjectId = $P }

    $savedEnvironment = Clear-CredentialEnvironment
    Disconnect-CloudJobService
}

AfterAll {
    Stop-TestEmulator $emu
    Restore-CredentialEnvironment $savedEnvironment
}

Describe 'Wait-CloudJob rides out what a long wait meets' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'waits through an outage longer than its retries, and writes the job once when it finishes' {
        $null = New-TestJob @{ service = 'ECS'; id = 'outage-1'; runSeconds = 7 }
        # 6 s of HTML 503s: one retry 0.2 s apart would have ended the read within a second.
        $null = Add-TestFault html503 -Count -1 -DurationMs 6000

        $out = @(Wait-CloudJob outage-1 @conn -Service ECS -PollIntervalSec 1 -MaximumRetryCount 1 -RetryIntervalSec 0.2 -Timeout 40 `
                -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

        @($problems).Count | Should -Be 0 -Because "$($problems | Out-String)"
        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Success'
        # Said once when the service stopped answering and once when it answered again, not per poll.
        @($warned | Where-Object { "$_" -match 'is not answering' }).Count | Should -Be 1
        @($warned | Where-Object { "$_" -match 'answers again after' }).Count | Should -Be 1
        "$($warned[0])" | Should -Match 'HTTP 503'
    }

    It 'reads another service at once while one is throttled with a Retry-After' {
        $null = New-TestJob @(
            @{ service = 'CFW'; id = 'slow-cfw-1'; runSeconds = 0.5 }
            @{ service = 'CFW'; id = 'slow-cfw-2'; runSeconds = 0.5 }
            @{ service = 'ECS'; id = 'quick-ecs'; runSeconds = 0.5 }
        )
        $null = Add-TestFault throttle -Service CFW -RetryAfter 8 -Count 2
        $rows = @(
            [pscustomobject]@{ Service = 'CFW'; JobId = 'slow-cfw-1' }
            [pscustomobject]@{ Service = 'CFW'; JobId = 'slow-cfw-2' }
            [pscustomobject]@{ Service = 'ECS'; JobId = 'quick-ecs' }
        )
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $seen = [Collections.Generic.List[object]]::new()

        $rows | Wait-CloudJob @conn -ThrottleLimit 2 -PollIntervalSec 0.5 -Timeout 40 -WarningAction SilentlyContinue |
            ForEach-Object { $seen.Add([pscustomobject]@{ Id = $_.Id; At = $watch.Elapsed.TotalSeconds }) }

        $ecs = $seen | Where-Object Id -EQ 'quick-ecs'
        $ecs.At | Should -BeLessThan 4 -Because 'the CFW lane''s pause is its own'
        @($seen).Count | Should -Be 3
        ($seen | Where-Object Id -Like 'slow-cfw-*' | Measure-Object At -Minimum).Minimum | Should -BeGreaterThan 7 -Because 'CFW keeps to its Retry-After'
    }

    It 'ends only the jobs of the service that answers 403, as errors of their own, and writes the others' {
        $null = New-TestJob @(
            @{ service = 'RDS'; id = 'denied-1'; runSeconds = 1 }
            @{ service = 'RDS'; id = 'denied-2'; runSeconds = 1 }
            @{ service = 'ECS'; id = 'allowed-1'; runSeconds = 1.5 }
        )
        $null = Add-TestFault status -Status 403 -Service RDS -Count -1
        $rows = @(
            [pscustomobject]@{ Service = 'RDS'; JobId = 'denied-1' }
            [pscustomobject]@{ Service = 'ECS'; JobId = 'allowed-1' }
            [pscustomobject]@{ Service = 'RDS'; JobId = 'denied-2' }
        )

        $out = @($rows | Wait-CloudJob @conn -PollIntervalSec 0.3 -Timeout 30 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $out.Id | Should -Be 'allowed-1'
        @($problems).Count | Should -Be 2
        @($problems | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Sort-Object -Unique) | Should -Be 'CloudJobPermissionDenied'
        @($problems | ForEach-Object TargetObject | Sort-Object) | Should -Be 'denied-1', 'denied-2'
        # The second RDS job is refused with the first one's answer, without a request of its own.
        @(Get-TestRequest | Where-Object { $_.status -eq 403 }).Count | Should -BeLessOrEqual 2
    }

    It 'still stops at once with one terminating error when the 403 concerns every job of the command' {
        $null = New-TestJob @(@{ service = 'RDS'; id = 'all-denied-1'; runSeconds = 1 }, @{ service = 'RDS'; id = 'all-denied-2'; runSeconds = 1 })
        $null = Add-TestFault status -Status 403 -Service RDS -Count -1

        { Wait-CloudJob all-denied-1, all-denied-2 @conn -Service RDS -PollIntervalSec 0.3 -Timeout 30 -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'CloudJobPermissionDenied,JobStatus.Commands.WaitCloudJobCommand'
    }

    It 'names -RequestTimeoutSec, its own parameter, when reads time out, and names that failure at -Timeout' {
        $null = New-TestJob @{ id = 'slow-answer'; runSeconds = 60 }
        $null = Add-TestFault slow -DelayMs 3000 -Count -1

        $null = Wait-CloudJob slow-answer @conn -RequestTimeoutSec 1 -PollIntervalSec 0.5 -Timeout 3 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobWaitTimeout,*'
        $problems[0].Exception.Message | Should -Match 'Its last read failed: No answer .* within 1 s'
        $problems[0].Exception.Message | Should -Match '-RequestTimeoutSec'
        $problems[0].Exception.Message | Should -Not -Match '-TimeoutSec'
    }
}

Describe 'Get-CloudJob keeps its bounded retries' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'reads a job whose 429 sends a Retry-After it cannot use (<RetryAfter>)' -ForEach @(
        @{ RetryAfter = 'soon, please' }
        @{ RetryAfter = '-5' }
        @{ RetryAfter = 'Mon, 01 Jan 2001 00:00:00 GMT' }
    ) {
        $null = New-TestJob @{ id = 'odd-retry-after'; runSeconds = 0 }
        $null = Add-TestFault throttle -RetryAfter $RetryAfter

        $job = Get-CloudJob odd-retry-after @conn -RetryIntervalSec 0.1

        $job.Status | Should -Be 'Success'
    }
}
