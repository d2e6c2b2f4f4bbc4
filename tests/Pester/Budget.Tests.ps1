# Request budgets: every request of a command (Get and Wait, retries included) stays within
# -MaximumRequestRate, a service's documented budget, or one a 429 stated; the emulator enforces a
# gateway's policy as a token bucket per project and service. Not timed, but for bounds that catch hangs.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $conn = @{ Endpoint = $emu.Url; Token = 'emulator-token'; ProjectId = $P }

    $savedEnvironment = Clear-CredentialEnvironment
    Disconnect-CloudJobService

    function Add-TestBudget([hashtable]$Spec) {
        Invoke-RestMethod "$($emu.Url)/_emulator/budgets" -Method Post -NoProxy -ContentType 'application/json' -Body (ConvertTo-Json @($Spec))
    }

    function Get-BusiestSecond([object[]]$Requests) {
        # The most requests any one-second window [t, t + 1 s) holds, t being any request's arrival.
        $times = @($Requests | ForEach-Object { [DateTimeOffset]::Parse($_.time, [cultureinfo]::InvariantCulture).ToUnixTimeMilliseconds() } | Sort-Object)
        $most = 0
        $j = 0
        for ($i = 0; $i -lt $times.Count; $i++) {
            while ($j -lt $times.Count -and $times[$j] -lt $times[$i] + 1000) { $j++ }
            if ($j - $i -gt $most) { $most = $j - $i }
        }
        $most
    }
}

AfterAll {
    Stop-TestEmulator $emu
    Restore-CredentialEnvironment $savedEnvironment
}

Describe 'The emulator enforces a budget' {
    BeforeEach { Reset-TestEmulator }

    It 'answers 429 APIGW.0308 with the policy once a project''s bucket is empty, and only for that service' {
        $null = New-TestJob @{ id = 'fw'; runSeconds = 0 }, @{ service = 'ECS'; id = 'vm'; runSeconds = 0 }
        $null = Add-TestBudget @{ service = 'CFW'; limit = 200; periodSeconds = 300; burst = 2 }
        $headers = @{ 'X-Auth-Token' = 'emulator-token' }

        $answers = 1..4 | ForEach-Object { Invoke-WebRequest "$($emu.Url)/v3/$P/jobs/fw" -Headers $headers -NoProxy -SkipHttpErrorCheck }
        $ecs = Invoke-WebRequest "$($emu.Url)/v1/$P/jobs/vm" -Headers $headers -NoProxy -SkipHttpErrorCheck

        $answers.StatusCode | Should -Be 200, 200, 429, 429
        $body = $answers[2].Content | ConvertFrom-Json
        $body.error_code | Should -Be 'APIGW.0308'
        $body.error_msg | Should -Be 'The throttling threshold has been reached: policy user over ratelimit,limit:200,time:5 minute'
        $ecs.StatusCode | Should -Be 200
        $listed = Invoke-RestMethod "$($emu.Url)/_emulator/budgets" -NoProxy
        $listed[0].allowed | Should -Be 2
        $listed[0].refused | Should -Be 2
    }

    It 'refuses a budget without a limit, or for an unknown service, with a 400 that says why' {
        $a = Invoke-WebRequest "$($emu.Url)/_emulator/budgets" -Method Post -NoProxy -SkipHttpErrorCheck -ContentType 'application/json' -Body '{"service":"CFW"}'
        $b = Invoke-WebRequest "$($emu.Url)/_emulator/budgets" -Method Post -NoProxy -SkipHttpErrorCheck -ContentType 'application/json' -Body '{"service":"Nova","limit":1}'

        $a.StatusCode | Should -Be 400
        $a.Content | Should -Match 'limit is required'
        $b.StatusCode | Should -Be 400
        $b.Content | Should -Match 'Nova'
    }
}

Describe '-MaximumRequestRate' {
    BeforeEach { Reset-TestEmulator }

    It 'keeps Get-CloudJob within <Rate> requests in any one second, retries included, and answers every id in order' -ForEach @(@{ Rate = 20 }, @{ Rate = 7.5 }) {
        $ids = 1..40 | ForEach-Object { "get-$_" }
        $null = New-TestJob ($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
        $null = Add-TestFault html503 -Rate 0.2 -Count -1

        $jobs = Get-CloudJob $ids @conn -MaximumRequestRate $Rate -RetryIntervalSec 0.01 -MaximumRetryCount 10

        $jobs.Id | Should -Be $ids
        $sent = @(Get-TestRequest)
        $sent.Count | Should -BeGreaterThan 40 -Because 'the 503s were retried'
        Get-BusiestSecond $sent | Should -BeLessOrEqual ([Math]::Floor($Rate))
    }

    It 'keeps Wait-CloudJob within its budget over any one second, and says the budget sets the pace' {
        $ids = 1..30 | ForEach-Object { "wait-$_" }
        $null = New-TestJob ($ids | ForEach-Object { @{ id = $_; runSeconds = 1.5 } })
        $null = Add-TestBudget @{ service = 'CFW'; limit = 10; periodSeconds = 1 }

        $done = Wait-CloudJob $ids @conn -MaximumRequestRate 10 -PollIntervalSec 0.2 -Timeout 60 -Verbose 4>&1 |
            ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $script:notes += @($_.Message) } else { $_ } }

        @($done).Count | Should -Be 30
        $sent = @(Get-TestRequest)
        @($sent | Where-Object status -EQ 429).Count | Should -Be 0 -Because 'the wait stays within the emulator''s 10 a second'
        Get-BusiestSecond $sent | Should -BeLessOrEqual 10
        ($script:notes -join "`n") | Should -Match 'The request budget sets the pace, not -PollIntervalSec: 10 requests a second \(-MaximumRequestRate\)'
    }

    It 'uses a service''s documented budget when no rate is given: RDS, 60 calls a minute' {
        $null = New-TestJob @{ service = 'RDS'; id = 'db-1'; runSeconds = 0 }, @{ service = 'RDS'; id = 'db-2'; runSeconds = 0 }, @{ service = 'RDS'; id = 'db-3'; runSeconds = 0 }
        $watch = [Diagnostics.Stopwatch]::StartNew()

        $jobs = Get-CloudJob db-1, db-2, db-3 -Service RDS @conn
        $paced = $watch.Elapsed.TotalSeconds
        $watch.Restart()
        $free = Get-CloudJob db-1, db-2, db-3 -Service RDS @conn -MaximumRequestRate 1000

        $jobs.Status | Should -Be 'Success', 'Success', 'Success'
        $free.Count | Should -Be 3
        $paced | Should -BeGreaterThan 1.8 -Because 'one request a second, three requests'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5 -Because 'a rate given replaces the documented budget'
    }

    It 'learns a budget from a 429 that states its policy, and keeps to it for the rest of the command' {
        $ids = 1..30 | ForEach-Object { "learn-$_" }
        $null = New-TestJob ($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
        $null = Add-TestBudget @{ service = 'CFW'; limit = 10; periodSeconds = 2; burst = 3 }

        $jobs = Get-CloudJob $ids @conn -RetryIntervalSec 0.05 -MaximumRetryCount 10 -Verbose 4>&1 |
            ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $script:learned += @($_.Message) } else { $_ } }

        @($jobs).Id | Should -Be $ids
        ($script:learned -join "`n") | Should -Match 'CFW at [^ ]+ answered 429 with its policy \(limit:10,time:2 second\): its requests are paced at 5 requests a second'
        $sent = @(Get-TestRequest)
        $throttled = @($sent | Where-Object status -EQ 429)
        $throttled.Count | Should -BeLessThan 20 -Because 'after the first 429 the pace is the policy''s, not a storm'
        $last429 = ($throttled | ForEach-Object { [DateTimeOffset]::Parse($_.time, [cultureinfo]::InvariantCulture) } | Sort-Object | Select-Object -Last 1)
        $after = @($sent | Where-Object { [DateTimeOffset]::Parse($_.time, [cultureinfo]::InvariantCulture) -gt $last429.AddSeconds(1) })
        Get-BusiestSecond $after | Should -BeLessOrEqual 5
    }

    It 'cuts a budget-paced wait short at -Timeout' {
        $null = New-TestJob (1..20 | ForEach-Object { @{ id = "slow-$_"; runSeconds = -1 } })
        $watch = [Diagnostics.Stopwatch]::StartNew()

        $out = Wait-CloudJob (1..20 | ForEach-Object { "slow-$_" }) @conn -MaximumRequestRate 2 -Timeout 2 -ErrorVariable problems -ErrorAction SilentlyContinue

        $watch.Elapsed.TotalSeconds | Should -BeLessThan 4
        $out | Should -BeNullOrEmpty
        @($problems | Where-Object { $_.FullyQualifiedErrorId -like 'CloudJobWaitTimeout,*' }).Count | Should -Be 20
        @(Get-TestRequest).Count | Should -BeLessOrEqual 6
    }
}
