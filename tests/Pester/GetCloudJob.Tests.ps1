# Get-CloudJob as a user calls it: the built module against the emulator over HTTP. Each test
# asserts on what the emulator really received (its request log) as well as on what the cmdlet
# wrote, so a parameter that is accepted but ignored, or an id that changes the URL, shows up.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $OtherProject = 'aaaabbbbccccddddeeeeffff00001111'
    $conn = @{ Endpoint = $emu.Url; Token = 'emulator-token'; ProjectId = $P }

    $savedEnvironment = Clear-CredentialEnvironment
    Disconnect-CloudJobService

    function Get-Logged([string]$JobId) {
        # Every request the emulator received (for one job id when given), oldest first.
        if ($JobId) { @(Get-TestRequest -JobId $JobId) } else { @(Get-TestRequest) }
    }

    function Invoke-Catching([scriptblock]$Script) {
        # The terminating error a call throws, or $null.
        try { $null = & $Script; $null } catch { $_ }
    }

    function Get-ClosedPort {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }

    function New-Csv([string]$Name, [object[]]$Rows) {
        $path = Join-Path $TestDrive $Name
        $Rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }
}

AfterAll {
    Stop-TestEmulator $emu
    Restore-CredentialEnvironment $savedEnvironment
}

Describe 'Get-CloudJob' {
    BeforeEach {
        Reset-TestEmulator
    }

    Context 'parameters' {
        It 'takes -JobId by position, one id or several, and answers in the order given' {
            $null = New-TestJob @{ id = 'pos-1'; runSeconds = 0 }, @{ id = 'pos-2'; runSeconds = 0 }, @{ id = 'pos-3'; runSeconds = 0 }

            (Get-CloudJob 'pos-2' @conn).Id | Should -Be 'pos-2'
            (Get-CloudJob 'pos-3', 'pos-1', 'pos-2' @conn).Id | Should -Be 'pos-3', 'pos-1', 'pos-2'
            (Get-Logged).Count | Should -Be 4
        }

        It 'takes the ids by the name <Name>' -ForEach @(
            @{ Name = 'JobId' }
            @{ Name = 'Id' }
            @{ Name = 'job_id' }
        ) {
            $null = New-TestJob @{ id = "named-$Name"; runSeconds = 0 }
            $ids = @{ $Name = "named-$Name" }

            $job = Get-CloudJob @ids @conn

            $job.Id | Should -Be "named-$Name"
            (Get-Logged "named-$Name").Count | Should -Be 1
        }

        It 'reads jobs of the project given with -<Name>' -ForEach @(
            @{ Name = 'ProjectId' }
            @{ Name = 'project_id' }
        ) {
            $null = New-TestJob @{ projectId = $OtherProject; id = 'in-other-project'; runSeconds = 0 }
            $project = @{ $Name = $OtherProject }

            $job = Get-CloudJob in-other-project -Endpoint $emu.Url -Token emulator-token @project

            $job.ProjectId | Should -Be $OtherProject
            $logged = Get-Logged 'in-other-project'
            $logged.Count | Should -Be 1
            $logged[0].rawTarget | Should -Be "/v3/$OtherProject/jobs/in-other-project"
        }

        It 'derives https://cfw.{region}.myhuaweicloud.com from -Region alone (shown by Get-CloudJobContext, nothing sent)' {
            $context = Get-CloudJobContext -Region cn-north-4 -ProjectId $P -Token emulator-token

            $context.Endpoint | Should -Be ([uri]'https://cfw.cn-north-4.myhuaweicloud.com/')
            $context.EndpointSource | Should -Be 'Default'
            $context.Region | Should -Be 'cn-north-4'
            $context.RegionSource | Should -Be 'Parameter'
            $context.Problem | Should -BeNullOrEmpty
            (Get-Logged).Count | Should -Be 0
        }

        It 'names the -Region given with -Endpoint on the job, and sends to the endpoint' {
            $null = New-TestJob @{ id = 'regional'; runSeconds = 0 }

            $job = Get-CloudJob regional -Region ap-southeast-1 @conn

            $job.Region | Should -Be 'ap-southeast-1'
            $job.Endpoint | Should -Be ([uri]"$($emu.Url)/")
            (Get-Logged 'regional').Count | Should -Be 1
        }

        It 'sends to -Endpoint, keeping a base path in front of /v3' {
            $job = Get-CloudJob under-base -Endpoint "$($emu.Url)/cfw-proxy" -Token emulator-token -ProjectId $P -ErrorVariable ev -ErrorAction SilentlyContinue

            # The emulator serves only /v3/..., so the base path shows as an unknown API (404).
            $job | Should -BeNullOrEmpty
            $logged = Get-Logged
            $logged.Count | Should -Be 1
            $logged[0].rawTarget | Should -Be "/cfw-proxy/v3/$P/jobs/under-base"
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
            $ev[0].Exception.Message | Should -Match 'APIGW\.0101'
        }

        It 'sends -Token given as <Form> in the X-Auth-Token header' -ForEach @(
            @{ Form = 'a SecureString'; Secure = $true }
            @{ Form = 'a plain string'; Secure = $false }
        ) {
            $text = "tok-param-$(New-Guid)"
            Set-TestToken $text
            $null = New-TestJob @{ id = 'with-token'; runSeconds = 0 }
            $token = if ($Secure) { ConvertTo-SecureString $text -AsPlainText -Force } else { $text }

            $job = Get-CloudJob with-token -Endpoint $emu.Url -ProjectId $P -Token $token

            $job.Id | Should -Be 'with-token'
            (Get-Logged 'with-token')[0].headers.'X-Auth-Token' | Should -BeExactly $text
        }

        It 'gives up on a request after -TimeoutSec with CloudJobRequestTimeout, and still answers the other ids' {
            $null = New-TestJob @{ id = 'quick-1'; runSeconds = 0 }, @{ id = 'sluggish'; runSeconds = 0 }, @{ id = 'quick-2'; runSeconds = 0 }
            $null = Add-TestFault slow -JobId sluggish -DelayMs 4000
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $jobs = Get-CloudJob quick-1, sluggish, quick-2 @conn -TimeoutSec 1 -MaximumRetryCount 0 -ErrorVariable ev -ErrorAction SilentlyContinue

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3.5
            $jobs.Id | Should -Be 'quick-1', 'quick-2'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobRequestTimeout,*'
            $ev[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $ev[0].TargetObject | Should -Be 'sluggish'
            $ev[0].Exception.Message | Should -Match "'sluggish'"
            $ev[0].Exception.Message | Should -Match '-TimeoutSec'
            (Get-Logged 'sluggish').Count | Should -Be 1
        }

        It 'retries a throttled request (429 twice, then 200) and returns the job after 3 requests' {
            $null = New-TestJob @{ id = 'throttled'; runSeconds = 0 }
            $null = Add-TestFault throttle -JobId throttled -Count 2

            $job = Get-CloudJob throttled @conn -MaximumRetryCount 3 -RetryIntervalSec 0.05 -ErrorVariable ev -ErrorAction SilentlyContinue

            $job.Id | Should -Be 'throttled'
            $ev | Should -BeNullOrEmpty
            $logged = Get-Logged 'throttled'
            $logged.Count | Should -Be 3
            $logged.status | Should -Be 429, 429, 200
        }

        It 'with -MaximumRetryCount 0 reports a 429 as CloudJobThrottled after exactly one request' {
            $null = New-TestJob @{ id = 'throttled-once'; runSeconds = 0 }, @{ id = 'fine'; runSeconds = 0 }
            $null = Add-TestFault throttle -JobId throttled-once -Count 1

            $jobs = Get-CloudJob throttled-once, fine @conn -MaximumRetryCount 0 -RetryIntervalSec 0.05 -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'fine'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobThrottled,*'
            $ev[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $ev[0].TargetObject | Should -Be 'throttled-once'
            $ev[0].Exception.Message | Should -Match 'APIGW\.0308'
            $ev[0].Exception.ServiceErrorCode | Should -Be 'APIGW.0308'
            (Get-Logged 'throttled-once').Count | Should -Be 1
        }

        It 'refuses -<Name> <Value> before sending anything' -ForEach @(
            @{ Name = 'ThrottleLimit'; Value = 0 }
            @{ Name = 'ThrottleLimit'; Value = 257 }
            @{ Name = 'MaximumRetryCount'; Value = -1 }
            @{ Name = 'MaximumRetryCount'; Value = 101 }
            @{ Name = 'RetryIntervalSec'; Value = -0.5 }
            @{ Name = 'TimeoutSec'; Value = -1 }
        ) {
            $bad = @{ $Name = $Value }

            $caught = Invoke-Catching { Get-CloudJob some-job @conn @bad }

            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
            $caught.Exception.Message | Should -Match $Name
            (Get-Logged).Count | Should -Be 0
        }

        It 'keeps at most -ThrottleLimit requests in flight' {
            $null = New-TestJob @(1..3 | ForEach-Object { @{ id = "serial-$_"; runSeconds = 0 } })
            $null = Add-TestFault slow -Count -1 -DelayMs 300
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $jobs = Get-CloudJob serial-1, serial-2, serial-3 @conn -ThrottleLimit 1

            $watch.Elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 850 -Because 'one at a time, three requests of 300 ms'
            $jobs.Id | Should -Be 'serial-1', 'serial-2', 'serial-3'
        }

        It 'sends -ThrottleLimit 100 requests at once, not only as many as a connection pool allows' {
            $ids = @(1..100 | ForEach-Object { 'wide-{0:d3}' -f $_ })
            $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
            $null = Add-TestFault slow -Count -1 -DelayMs 3000

            $jobs = $ids | Get-CloudJob @conn -ThrottleLimit 100

            $jobs.Count | Should -Be 100
            # Invoke-RestMethod has already made the ISO times DateTimes (text would lose the milliseconds).
            $arrivals = @(Get-Logged | ForEach-Object { ([datetime]$_.time).ToUniversalTime() } | Sort-Object)
            $arrivals.Count | Should -Be 100
            ($arrivals[-1] - $arrivals[0]).TotalMilliseconds | Should -BeLessThan 2800 -Because 'all 100 are sent before the first 3 s answer; a pool of 64 would hold 36 back until then'
        }

        It 'accepts -SkipCertificateCheck' {
            $null = New-TestJob @{ id = 'no-cert-check'; runSeconds = 0 }

            (Get-CloudJob no-cert-check @conn -SkipCertificateCheck).Id | Should -Be 'no-cert-check'
            (Get-Logged 'no-cert-check').Count | Should -Be 1
        }

        Context 'over https with a certificate nobody trusts' {
            BeforeAll {
                $tls = Start-TestEmulator -Https
                $tlsConn = @{ Endpoint = $tls.Url; Token = 'emulator-token'; ProjectId = $P }
                $null = New-TestJob @{ id = 'tls-job'; runSeconds = 0 } -Emulator $tls
            }
            AfterAll { Stop-TestEmulator $tls }

            It 'refuses the certificate with CloudJobCertificateInvalid, once, without retrying' {
                $jobs = @(Get-CloudJob tls-job @tlsConn -RetryIntervalSec 0.05 -ErrorVariable tlsErrors -ErrorAction SilentlyContinue)

                $jobs.Count | Should -Be 0
                $tlsErrors.Count | Should -Be 1
                $tlsErrors[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobCertificateInvalid,*'
                $tlsErrors[0].CategoryInfo.Category | Should -Be 'SecurityError'
                $tlsErrors[0].Exception.Message | Should -Match 'SkipCertificateCheck'
                $tlsErrors[0].Exception.Message | Should -Not -Match '(?<!\()\d+ attempts'
                @(Get-TestRequest -JobId 'tls-job' -Emulator $tls).Count | Should -Be 0 -Because 'the TLS handshake fails before any request is sent'
            }

            It 'reads the job with -SkipCertificateCheck' {
                $job = Get-CloudJob tls-job @tlsConn -SkipCertificateCheck

                $job.Id | Should -Be 'tls-job'
                $job.Endpoint.Scheme | Should -Be 'https'
                @(Get-TestRequest -JobId 'tls-job' -Emulator $tls).Count | Should -Be 1
            }
        }

        It 'refuses to send a token over http to a host that is not loopback, at once and without any request' {
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $caught = Invoke-Catching { Get-CloudJob one, two -Endpoint 'http://jobs.example.invalid' -Token emulator-token -ProjectId $P }

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobUnencryptedAuthentication,*'
            $caught.CategoryInfo.Category | Should -Be 'SecurityError'
            $caught.Exception.Message | Should -Match 'jobs\.example\.invalid'
            $caught.Exception.Message | Should -Match '-AllowUnencryptedAuthentication'
            (Get-Logged).Count | Should -Be 0
        }

        It 'with -AllowUnencryptedAuthentication tries that host (a name that cannot resolve) instead of refusing' {
            $caught = $null
            try {
                Get-CloudJob one -Endpoint 'http://jobs.example.invalid' -Token emulator-token -ProjectId $P -AllowUnencryptedAuthentication `
                    -TimeoutSec 3 -MaximumRetryCount 0 -ErrorVariable ev -ErrorAction SilentlyContinue
            }
            catch { $caught = $_ }

            $caught | Should -BeNullOrEmpty -Because 'a failed connection is an error for that job alone'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -Not -BeLike 'CloudJobUnencryptedAuthentication,*'
            $ev[0].CategoryInfo.Category | Should -BeIn 'ConnectionError', 'OperationTimeout'
        }

        It 'sends over plain http to a loopback endpoint without -AllowUnencryptedAuthentication' {
            $null = New-TestJob @{ id = 'loopback-http'; runSeconds = 0 }

            $job = Get-CloudJob loopback-http -Endpoint $emu.Url -Token emulator-token -ProjectId $P

            ([uri]$emu.Url).Scheme | Should -Be 'http'
            $job.Id | Should -Be 'loopback-http'
        }
    }

    Context 'pipeline input' {
        It 'takes ids as strings by value' {
            $null = New-TestJob @{ id = 'pipe-1'; runSeconds = 0 }, @{ id = 'pipe-2'; runSeconds = 0 }, @{ id = 'pipe-3'; runSeconds = 0 }

            $jobs = 'pipe-3', 'pipe-1', 'pipe-2' | Get-CloudJob @conn

            $jobs.Id | Should -Be 'pipe-3', 'pipe-1', 'pipe-2'
            (Get-Logged).Count | Should -Be 3
        }

        It 'takes ids from the <Column> column of Import-Csv' -ForEach @(
            @{ Column = 'JobId' }
            @{ Column = 'Id' }
            @{ Column = 'job_id' }
        ) {
            $null = New-TestJob @{ id = "csv-$Column-1"; runSeconds = 0 }, @{ id = "csv-$Column-2"; runSeconds = 0 }
            $csv = New-Csv "$Column.csv" @(
                [pscustomobject]@{ $Column = "csv-$Column-1"; Note = 'first' }
                [pscustomobject]@{ $Column = "csv-$Column-2"; Note = 'second' }
            )

            $jobs = Import-Csv $csv | Get-CloudJob @conn

            $jobs.Id | Should -Be "csv-$Column-1", "csv-$Column-2"
            # Requests run concurrently, so they may arrive in either order.
            (Get-Logged).rawTarget | Sort-Object | Should -Be "/v3/$P/jobs/csv-$Column-1", "/v3/$P/jobs/csv-$Column-2"
        }

        It 'routes each row to the project in its project_id column' {
            $null = New-TestJob @{ id = 'row-default'; runSeconds = 0 }, @{ projectId = $OtherProject; id = 'row-other'; runSeconds = 0 }
            $csv = New-Csv 'projects.csv' @(
                [pscustomobject]@{ job_id = 'row-default'; project_id = $P }
                [pscustomobject]@{ job_id = 'row-other'; project_id = $OtherProject }
                [pscustomobject]@{ job_id = 'row-default'; project_id = $P }
            )

            $jobs = Import-Csv $csv | Get-CloudJob -Endpoint $emu.Url -Token emulator-token -ErrorVariable ev -ErrorAction SilentlyContinue

            $ev | Should -BeNullOrEmpty
            $jobs.Id | Should -Be 'row-default', 'row-other', 'row-default'
            $jobs.ProjectId | Should -Be $P, $OtherProject, $P
            (Get-Logged).rawTarget | Sort-Object | Should -Be "/v3/$P/jobs/row-default", "/v3/$P/jobs/row-default", "/v3/$OtherProject/jobs/row-other"
        }

        It 'reads again the jobs it wrote when its own output is piped back in' {
            $null = New-TestJob @{ id = 'again-1'; runSeconds = 0 }, @{ projectId = $OtherProject; id = 'again-2'; runSeconds = 0 }
            $first = @(Get-CloudJob again-1 @conn) + @(Get-CloudJob again-2 -Endpoint $emu.Url -Token emulator-token -ProjectId $OtherProject)

            $second = $first | Get-CloudJob -Token emulator-token

            $second.Id | Should -Be 'again-1', 'again-2'
            $second.ProjectId | Should -Be $P, $OtherProject
            $second.RequestId | Should -Not -Be $first.RequestId
            $logged = Get-Logged
            $logged.Count | Should -Be 4
            $logged[2..3].rawTarget | Sort-Object | Should -Be "/v3/$P/jobs/again-1", "/v3/$OtherProject/jobs/again-2"
        }

        It 'writes in input order when the first id is slow (ids as <Form>)' -ForEach @(
            @{ Form = 'an array' }
            @{ Form = 'pipeline input' }
        ) {
            $ids = 'late-first', 'early-1', 'early-2', 'early-3'
            $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
            $null = Add-TestFault slow -JobId late-first -DelayMs 1000
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $arrivals = if ($Form -eq 'an array') {
                Get-CloudJob $ids @conn | ForEach-Object { [pscustomobject]@{ Id = $_.Id; Ms = $watch.ElapsedMilliseconds } }
            }
            else {
                $ids | Get-CloudJob @conn | ForEach-Object { [pscustomobject]@{ Id = $_.Id; Ms = $watch.ElapsedMilliseconds } }
            }

            $arrivals.Id | Should -Be $ids
            $arrivals[0].Ms | Should -BeGreaterOrEqual 900 -Because 'nothing may overtake the slow first id'
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 3 -Because 'the fast ids were fetched while the first one waited'
            # The later ids were requested before the slow one answered.
            $logged = Get-Logged
            $logged.Count | Should -Be 4
            $logged.status | Should -Be 200, 200, 200, 200
        }

        It 'streams: an early answer is written before a later slow id has answered' {
            $null = New-TestJob @{ id = 'streamed-fast'; runSeconds = 0 }, @{ id = 'streamed-slow'; runSeconds = 0 }
            $null = Add-TestFault slow -JobId streamed-slow -DelayMs 1500
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $arrivals = 'streamed-fast', 'streamed-slow' | Get-CloudJob @conn |
                ForEach-Object { [pscustomobject]@{ Id = $_.Id; Ms = $watch.ElapsedMilliseconds } }

            $arrivals.Id | Should -Be 'streamed-fast', 'streamed-slow'
            $arrivals[1].Ms | Should -BeGreaterOrEqual 1400
            ($arrivals[1].Ms - $arrivals[0].Ms) | Should -BeGreaterThan 700 -Because 'the fast job is written as soon as it is read'
        }

        It 'answers 50 ids concurrently, in input order' {
            $ids = @(1..50 | ForEach-Object { 'many-{0:d2}' -f $_ })
            $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
            $null = Add-TestFault slow -Count -1 -DelayMs 200
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $jobs = $ids | Get-CloudJob @conn -ErrorVariable ev -ErrorAction SilentlyContinue

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 4 -Because 'one at a time would take 50 x 200 ms = 10 s'
            $ev | Should -BeNullOrEmpty
            $jobs.Id | Should -Be $ids
            $logged = Get-Logged
            $logged.Count | Should -Be 50
            @($logged.jobId | Sort-Object -Unique).Count | Should -Be 50
        }

        It 'takes no more than 4 x -ThrottleLimit ids ahead of an oldest one that is only a little slow' {
            $ids = @(1..20 | ForEach-Object { 'window-{0:d2}' -f $_ })
            $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
            # Under the 200 ms after which the oldest counts as stalled and the window stretches.
            $null = Add-TestFault slow -JobId window-01 -DelayMs 80
            $seen = @{ Produced = 0; AtFirstOutput = -1 }

            $jobs = & { foreach ($i in 0..199) { $seen.Produced++; $ids[$i % 20] } } |
                Get-CloudJob @conn -ThrottleLimit 2 |
                ForEach-Object { if ($seen.AtFirstOutput -lt 0) { $seen.AtFirstOutput = $seen.Produced }; $_ }

            $seen.AtFirstOutput | Should -BeLessOrEqual 10 -Because 'at most 8 ids are held while the first is slow, plus the one being bound'
            $jobs.Count | Should -Be 200
            $jobs.Id | Should -Be @(foreach ($i in 0..199) { $ids[$i % 20] })
        }

        It 'stretches to 4,096 ids ahead of an oldest one that is stalled, and loses none' {
            # Memory must not grow with the input: while the first answer is held up, the pipeline
            # must stop pulling ids instead of starting a request for every id it is given.
            $ids = @(1..20 | ForEach-Object { 'window-{0:d2}' -f $_ })
            $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 0 } })
            $null = Add-TestFault slow -JobId window-01 -DelayMs 3000
            $seen = @{ Produced = 0; AtFirstOutput = -1 }
            $total = 6000

            $jobs = & { foreach ($i in 0..($total - 1)) { $seen.Produced++; $ids[$i % 20] } } |
                Get-CloudJob @conn -ThrottleLimit 4 |
                ForEach-Object { if ($seen.AtFirstOutput -lt 0) { $seen.AtFirstOutput = $seen.Produced }; $_ }

            $seen.AtFirstOutput | Should -BeGreaterThan 4000 -Because 'ids keep flowing while one answer is slow'
            $seen.AtFirstOutput | Should -BeLessOrEqual 4098 -Because 'at most 4,096 ids are held while the first is slow, plus the one being bound'
            $jobs.Count | Should -Be $total
            $jobs.Id | Should -Be @(foreach ($i in 0..($total - 1)) { $ids[$i % 20] })
            (Get-Logged).Count | Should -Be $total
        }
    }

    Context 'output objects' {
        It 'are JobStatus.CloudJob objects with typed properties' {
            $null = New-TestJob @{ id = 'typed'; beginTime = '2022-01-05T08:15:01Z'; runSeconds = 14 }

            $job = Get-CloudJob typed @conn

            $job.PSObject.TypeNames | Should -Contain 'JobStatus.CloudJob'
            $job.Id | Should -BeExactly 'typed'
            $job.Status | Should -BeOfType ([JobStatus.CloudJobStatus])
            $job.Status | Should -Be ([JobStatus.CloudJobStatus]::Success)
            $job.RawStatus | Should -BeExactly 'Success'
            $job.BeginTime | Should -BeOfType ([DateTimeOffset])
            $job.BeginTime | Should -Be ([DateTimeOffset]'2022-01-05T08:15:01Z')
            $job.EndTime | Should -BeOfType ([DateTimeOffset])
            $job.EndTime | Should -Be ([DateTimeOffset]'2022-01-05T08:15:15Z')
            $job.Duration | Should -BeOfType ([TimeSpan])
            $job.Duration | Should -Be ([TimeSpan]::FromSeconds(14))
            $job.IsFinished | Should -BeTrue
            $job.ErrorCode | Should -BeNullOrEmpty
            $job.ErrorMessage | Should -BeNullOrEmpty
            $job.ProjectId | Should -Be $P
            $job.Region | Should -Be '127.0.0.1' -Because 'with no region named, the endpoint host stands in'
            $job.Endpoint | Should -Be ([uri]"$($emu.Url)/")
        }

        It 'carry the X-Request-Id of the answer they were made from' {
            $null = New-TestJob @{ id = 'rid-1'; runSeconds = 0 }, @{ id = 'rid-2'; runSeconds = 0 }

            $jobs = Get-CloudJob rid-1, rid-2 @conn

            $jobs[0].RequestId | Should -Match '^[0-9a-f]{32}$'
            $jobs[0].RequestId | Should -Be (Get-Logged 'rid-1')[0].requestId
            $jobs[1].RequestId | Should -Be (Get-Logged 'rid-2')[0].requestId
            $jobs[0].RequestId | Should -Not -Be $jobs[1].RequestId
        }

        It 'read the same instants from times written as <Format>' -ForEach @(
            @{ Format = 'epochMs' }
            @{ Format = 'epochMsString' }
            @{ Format = 'iso' }
            @{ Format = 'isoFraction' }
            @{ Format = 'isoOffset' }
            @{ Format = 'isoColonOffset' }
        ) {
            $null = New-TestJob @{ id = "time-$Format"; beginTime = '2022-01-05T08:15:01Z'; runSeconds = 14; timeFormat = $Format }

            $job = Get-CloudJob "time-$Format" @conn

            $job.BeginTime | Should -Be ([DateTimeOffset]'2022-01-05T08:15:01Z')
            $job.EndTime | Should -Be ([DateTimeOffset]'2022-01-05T08:15:15Z')
            $job.Duration | Should -Be ([TimeSpan]::FromSeconds(14))
        }

        It 'have no EndTime and a growing Duration while running (end_time <Shape>)' -ForEach @(
            @{ Shape = 'absent' }
            @{ Shape = 'null' }
            @{ Shape = 'empty' }
        ) {
            $began = [DateTimeOffset]::UtcNow.AddSeconds(-60)
            $null = New-TestJob @{ id = "running-$Shape"; beginTime = $began.ToString('o'); runSeconds = -1; endTimeWhileRunning = $Shape; timeFormat = 'isoOffset' }

            $job = Get-CloudJob "running-$Shape" @conn

            $job.Status | Should -Be 'Running'
            $job.RawStatus | Should -Be 'Running'
            $job.IsFinished | Should -BeFalse
            $job.EndTime | Should -BeNullOrEmpty
            $job.BeginTime | Should -BeOfType ([DateTimeOffset])
            $job.Duration | Should -BeOfType ([TimeSpan])
            $job.Duration.TotalSeconds | Should -BeGreaterThan 55
            $job.Duration.TotalSeconds | Should -BeLessThan 600
        }

        It 'carry the error code and message of a failed job' {
            $null = New-TestJob @{ id = 'failed-eip'; runSeconds = 0; finalStatus = 'Failed'; errorCode = 'CFW.00200005'; errorMsg = 'Insufficient EIP quota.' }

            $job = Get-CloudJob failed-eip @conn

            $job.Status | Should -Be ([JobStatus.CloudJobStatus]::Failed)
            $job.IsFinished | Should -BeTrue
            $job.ErrorCode | Should -BeExactly 'CFW.00200005'
            $job.ErrorMessage | Should -BeExactly 'Insufficient EIP quota.'
        }

        It 'keep a status text they do not know as RawStatus, with Status Unknown' {
            $null = New-TestJob @{ id = 'pending'; runSeconds = 0; finalStatus = 'Pending' }

            $job = Get-CloudJob pending @conn

            $job.Status | Should -Be ([JobStatus.CloudJobStatus]::Unknown)
            $job.RawStatus | Should -BeExactly 'Pending'
            $job.IsFinished | Should -BeFalse
        }

        It 'can be filtered with Where-Object Status -eq Failed' {
            $null = New-TestJob @{ id = 'w-ok'; runSeconds = 0 }, @{ id = 'w-bad'; runSeconds = 0; finalStatus = 'Failed' },
                @{ id = 'w-running'; runSeconds = -1 }, @{ id = 'w-bad-2'; runSeconds = 0; finalStatus = 'Failed' }

            $failed = Get-CloudJob w-ok, w-bad, w-running, w-bad-2 @conn | Where-Object Status -EQ Failed

            $failed.Id | Should -Be 'w-bad', 'w-bad-2'
        }

        It 'show as a table of Service, Id, Status, BeginTime, Duration and Error that fits 100 columns' {
            $null = New-TestJob @{ id = 'f588ce71-e26c-400d-8981-f854355f6849'; beginTime = '2022-01-05T08:15:01Z'; runSeconds = 14 },
                @{ id = '33333333-3333-4333-8333-333333333333'; runSeconds = 0; finalStatus = 'Failed'; errorCode = 'CFW.00200005'; errorMsg = 'Insufficient EIP quota.' },
                @{ id = '77777777-7777-4777-8777-777777777777'; runSeconds = 0; finalStatus = 'Pending' }

            $text = Get-CloudJob f588ce71-e26c-400d-8981-f854355f6849, 33333333-3333-4333-8333-333333333333, 77777777-7777-4777-8777-777777777777 @conn |
                Format-Table | Out-String -Width 100
            $lines = $text -split '\r?\n' | Where-Object { $_.Trim() }

            $lines[0] | Should -Match '^Service\s+Id\s+Status\s+BeginTime\s+Duration\s+Error\s*$'
            ($lines | Where-Object { $_ -match '^CFW\s+f588ce71' }) | Should -Match 'Success\s.*00:00:14'
            ($lines | Where-Object { $_ -match '^CFW\s+33333333' }) | Should -Match 'Failed\s.*\sCFW\.00200005: Insuff'
            ($lines | Where-Object { $_ -match '^CFW\s+77777777' }) | Should -Match '\sPending\s'
            ($lines | Where-Object { $_.Length -gt 100 }) | Should -BeNullOrEmpty
        }

        It 'show every property with Format-List' {
            $null = New-TestJob @{ id = 'listed'; runSeconds = 0; finalStatus = 'Failed'; errorCode = 'CFW.00109004'; errorMsg = 'Listed failure.' }
            $job = Get-CloudJob listed @conn

            $text = $job | Format-List | Out-String -Width 200

            foreach ($name in 'Id', 'Status', 'RawStatus', 'BeginTime', 'EndTime', 'Duration', 'IsFinished', 'ErrorCode', 'ErrorMessage',
                'ProjectId', 'Region', 'Endpoint', 'RequestId') {
                $text | Should -Match "(?m)^$name\s*:" -Because "Format-List should show $name"
            }
            $text | Should -Match 'CFW\.00109004'
            $text | Should -Match ([regex]::Escape($job.RequestId))
        }
    }

    Context 'errors for one job' {
        It 'reports a 404 as CloudJobNotFound with the service''s error code and request id, and answers the other ids' {
            $null = New-TestJob @{ id = 'exists-1'; runSeconds = 0 }, @{ id = 'exists-2'; runSeconds = 0 }

            $jobs = Get-CloudJob exists-1, no-such-job, exists-2 @conn -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'exists-1', 'exists-2'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -Be 'CloudJobNotFound,JobStatus.Commands.GetCloudJobCommand'
            $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $ev[0].TargetObject | Should -Be 'no-such-job'
            $requestId = (Get-Logged 'no-such-job')[0].requestId
            $ev[0].Exception.Message | Should -Match "'no-such-job'"
            $ev[0].Exception.Message | Should -Match 'CFW\.00404001'
            $ev[0].Exception.Message | Should -Match $requestId
            $ev[0].Exception.RequestId | Should -Be $requestId
            $ev[0].Exception.ServiceErrorCode | Should -Be 'CFW.00404001'
            $ev[0].Exception.HttpStatus | Should -Be 404
        }

        It 'reports an unreadable 200 answer (<Fault>) as CloudJobInvalidResponse' -ForEach @(
            @{ Fault = 'brokenJson'; Says = 'not valid JSON' }
            @{ Fault = 'html200'; Says = 'Network login required' }
            @{ Fault = 'missingData'; Says = "no 'data'" }
            @{ Fault = 'emptyBody'; Says = 'empty body' }
        ) {
            $null = New-TestJob @{ id = 'unreadable'; runSeconds = 0 }, @{ id = 'readable'; runSeconds = 0 }
            $null = Add-TestFault $Fault -JobId unreadable

            $jobs = Get-CloudJob unreadable, readable @conn -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'readable'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobInvalidResponse,*'
            $ev[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $ev[0].TargetObject | Should -Be 'unreadable'
            $ev[0].Exception.Message | Should -Match "'unreadable'"
            $ev[0].Exception.Message | Should -Match ([regex]::Escape($Says))
            (Get-Logged 'unreadable').Count | Should -Be 1 -Because 'an unreadable answer is not retried'
        }

        It 'reports an HTML 500 as CloudJobServiceError naming the page title (-MaximumRetryCount 0)' {
            $null = New-TestJob @{ id = 'gateway-500'; runSeconds = 0 }, @{ id = 'beside-500'; runSeconds = 0 }
            $null = Add-TestFault html500 -JobId gateway-500 -Count -1

            $jobs = Get-CloudJob gateway-500, beside-500 @conn -MaximumRetryCount 0 -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'beside-500'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobServiceError,*'
            $ev[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $ev[0].TargetObject | Should -Be 'gateway-500'
            $ev[0].Exception.Message | Should -Match '500 Internal Server Error'
            $ev[0].Exception.HttpStatus | Should -Be 500
            (Get-Logged 'gateway-500').Count | Should -Be 1
        }

        It 'retries an HTML 502 and returns the job when the next answer is good' {
            $null = New-TestJob @{ id = 'gateway-502'; runSeconds = 0 }
            $null = Add-TestFault html502 -JobId gateway-502 -Count 1

            $job = Get-CloudJob gateway-502 @conn -RetryIntervalSec 0.05 -ErrorVariable ev -ErrorAction SilentlyContinue

            $ev | Should -BeNullOrEmpty
            $job.Id | Should -Be 'gateway-502'
            (Get-Logged 'gateway-502').status | Should -Be 502, 200
        }

        It 'reports a dropped connection as CloudJobConnectionFailed (-MaximumRetryCount 0)' {
            $null = New-TestJob @{ id = 'dropped'; runSeconds = 0 }, @{ id = 'kept'; runSeconds = 0 }
            $null = Add-TestFault reset -JobId dropped -Count -1

            $jobs = Get-CloudJob dropped, kept @conn -MaximumRetryCount 0 -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'kept'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobConnectionFailed,*'
            $ev[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $ev[0].TargetObject | Should -Be 'dropped'
            $ev[0].Exception.Message | Should -Match "'dropped'"
            (Get-Logged 'dropped').Count | Should -Be 1
        }

        It 'reports a port where nothing listens as a ConnectionError for each id' {
            $port = Get-ClosedPort
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $jobs = Get-CloudJob nobody-1, nobody-2 -Endpoint "http://127.0.0.1:$port" -Token emulator-token -ProjectId $P `
                -MaximumRetryCount 1 -RetryIntervalSec 0.05 -ErrorVariable ev -ErrorAction SilentlyContinue

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $jobs | Should -BeNullOrEmpty
            $ev.Count | Should -Be 2
            $ev.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'CloudJobConnectionFailed,*' }
            $ev.CategoryInfo.Category | Should -Be 'ConnectionError', 'ConnectionError'
            $ev.TargetObject | Should -Be 'nobody-1', 'nobody-2'
            $ev[0].Exception.Message | Should -Match "127\.0\.0\.1:$port"
            $ev[0].Exception.Message | Should -Match '2 attempts'
        }

        It 'reports a 400 as CloudJobBadRequest without retrying it' {
            $null = New-TestJob @{ id = 'refused'; runSeconds = 0 }, @{ id = 'accepted'; runSeconds = 0 }
            $null = Add-TestFault status -Status 400 -JobId refused -Count -1

            $jobs = Get-CloudJob refused, accepted @conn -RetryIntervalSec 0.05 -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'accepted'
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobBadRequest,*'
            $ev[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $ev[0].TargetObject | Should -Be 'refused'
            $ev[0].Exception.Message | Should -Match 'CFW\.00109004'
            $ev[0].Exception.ServiceErrorCode | Should -Be 'CFW.00109004'
            (Get-Logged 'refused').Count | Should -Be 1
        }
    }

    Context 'authentication failures' {
        It 'stops with one CloudJobAuthenticationFailed error that says the token expired' {
            Set-TestToken 'tok-expired' -State expired
            $null = New-TestJob @{ id = 'auth-1'; runSeconds = 0 }, @{ id = 'auth-2'; runSeconds = 0 }, @{ id = 'auth-3'; runSeconds = 0 }
            $out = $null
            $caught = $null

            try { $out = Get-CloudJob auth-1, auth-2, auth-3 -Endpoint $emu.Url -Token tok-expired -ProjectId $P -ErrorVariable ev }
            catch { $caught = $_ }

            $out | Should -BeNullOrEmpty
            $caught | Should -Not -BeNullOrEmpty
            $ev.Count | Should -Be 1 -Because 'one terminating error, not one per job'
            $caught.FullyQualifiedErrorId | Should -Be 'CloudJobAuthenticationFailed,JobStatus.Commands.GetCloudJobCommand'
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $caught.TargetObject | Should -BeIn 'auth-1', 'auth-2', 'auth-3'
            $requestIds = @(Get-Logged | Where-Object status -EQ 401 | ForEach-Object requestId)
            $message = $caught.Exception.Message
            $message | Should -Match 'expired'
            $message | Should -Match 'APIGW\.0301'
            $message | Should -Match '-Token'
            $caught.Exception.RequestId | Should -BeIn $requestIds
            $message | Should -Match $caught.Exception.RequestId
            $caught.Exception.ServiceErrorCode | Should -Be 'APIGW.0301'
            $caught.Exception.TokenExpired | Should -BeTrue
            $caught.Exception.HttpStatus | Should -Be 401
        }

        It 'says a token the service does not know was not accepted (not that it expired)' {
            $null = New-TestJob @{ id = 'auth-wrong'; runSeconds = 0 }

            $caught = $null
            try { Get-CloudJob auth-wrong -Endpoint $emu.Url -Token 'tok-never-issued' -ProjectId $P -ErrorVariable ev } catch { $caught = $_ }

            $ev.Count | Should -Be 1
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobAuthenticationFailed,*'
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $caught.Exception.Message | Should -Match 'not accepted'
            $caught.Exception.Message | Should -Not -Match 'expired'
            $caught.Exception.ServiceErrorCode | Should -Be 'APIGW.0301'
            $caught.Exception.RequestId | Should -Be (Get-Logged 'auth-wrong')[0].requestId
            $caught.Exception.TokenExpired | Should -BeFalse
        }

        It 'stops with CloudJobPermissionDenied on a 403' {
            Set-TestToken 'tok-forbidden' -State forbidden
            $null = New-TestJob @{ id = 'auth-forbidden'; runSeconds = 0 }, @{ id = 'auth-forbidden-2'; runSeconds = 0 }

            $caught = $null
            try { Get-CloudJob auth-forbidden, auth-forbidden-2 -Endpoint $emu.Url -Token tok-forbidden -ProjectId $P -ErrorVariable ev } catch { $caught = $_ }

            $ev.Count | Should -Be 1
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobPermissionDenied,*'
            $caught.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $caught.Exception.Message | Should -Match 'APIGW\.0302'
            $caught.Exception.Message | Should -Match $P
            $caught.Exception.ServiceErrorCode | Should -Be 'APIGW.0302'
            $caught.Exception.RequestId | Should -BeIn @(Get-Logged | ForEach-Object requestId)
            $caught.Exception.TokenExpired | Should -BeFalse
            $caught.Exception.HttpStatus | Should -Be 403
        }
    }

    Context 'ids that cannot be sent' {
        It 'refuses blank, dot, over-long and control-character ids without a request, and answers the valid ids' {
            $null = New-TestJob @{ id = 'valid-before'; runSeconds = 0 }, @{ id = 'valid-after'; runSeconds = 0 }
            $bad = @('', '   ', $null, '.', '..', ('x' * 129), "line`nbreak")

            $jobs = Get-CloudJob -JobId (@('valid-before') + $bad + @('valid-after')) @conn -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs.Id | Should -Be 'valid-before', 'valid-after'
            $ev.Count | Should -Be $bad.Count
            for ($i = 0; $i -lt $bad.Count; $i++) {
                $ev[$i].FullyQualifiedErrorId | Should -Be 'CloudJobInvalidId,JobStatus.Commands.GetCloudJobCommand'
                $ev[$i].CategoryInfo.Category | Should -Be 'InvalidArgument'
                [string]$ev[$i].TargetObject | Should -BeExactly ([string]$bad[$i])
                $ev[$i].Exception.Message | Should -Match 'No request was sent'
            }
            $ev[5].Exception.Message | Should -Match '129'
            $ev[6].Exception.Message | Should -Match 'control character'
            (Get-Logged).jobId | Sort-Object | Should -Be 'valid-after', 'valid-before'
        }

        It 'refuses a 10,000-character id without a request' {
            $long = 'j' * 10000

            $jobs = Get-CloudJob $long @conn -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs | Should -BeNullOrEmpty
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobInvalidId,*'
            $ev[0].Exception.Message | Should -Match '10000'
            (Get-Logged).Count | Should -Be 0
        }

        It 'sends <Id> as exactly one path segment' -ForEach @(
            @{ Id = '../x' }
            @{ Id = 'a/b?c' }
            @{ Id = 'a#b' }
            @{ Id = '..%2Fx' }
            @{ Id = '%2e%2e' }
        ) {
            $jobs = Get-CloudJob $Id @conn -ErrorVariable ev -ErrorAction SilentlyContinue

            $jobs | Should -BeNullOrEmpty
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
            $ev[0].TargetObject | Should -BeExactly $Id
            $logged = Get-Logged
            $logged.Count | Should -Be 1
            $logged[0].rawTarget | Should -BeExactly "/v3/$P/jobs/$([uri]::EscapeDataString($Id))"
            ($logged[0].rawTarget -split '/').Count | Should -Be 5
            $logged[0].jobId | Should -BeExactly $Id
            $logged[0].projectId | Should -BeExactly $P
        }

        It 'finds jobs whose ids hold path characters' {
            $tricky = '../x', 'a/b?c', 'a#b', '..%2Fx', '%2e%2e'
            $null = New-TestJob @($tricky | ForEach-Object { @{ id = $_; runSeconds = 0 } })

            $jobs = Get-CloudJob $tricky @conn

            $jobs.Id | Should -Be $tricky
        }
    }

    Context 'without the values it needs' {
        It 'stops with CloudJobTokenMissing naming every way to give a token, and sends nothing' {
            Disconnect-CloudJobService

            $caught = Invoke-Catching { Get-CloudJob some-job -Endpoint $emu.Url -ProjectId $P }

            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobTokenMissing,*'
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            foreach ($way in '-Token', 'Connect-CloudJobService', 'HW_AUTH_TOKEN', 'OS_AUTH_TOKEN') {
                $caught.Exception.Message | Should -Match ([regex]::Escape($way))
            }
            (Get-Logged).Count | Should -Be 0
        }

        It 'stops with CloudJobProjectMissing and sends nothing' {
            $caught = Invoke-Catching { Get-CloudJob some-job -Endpoint $emu.Url -Token emulator-token }

            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobProjectMissing,*'
            $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $caught.Exception.Message | Should -Match '-ProjectId'
            $caught.Exception.Message | Should -Match 'HW_PROJECT_ID'
            (Get-Logged).Count | Should -Be 0
        }

        It 'stops with CloudJobEndpointMissing when there is no region and no endpoint' {
            $caught = Invoke-Catching { Get-CloudJob some-job -Token emulator-token -ProjectId $P }

            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobEndpointMissing,*'
            $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $caught.Exception.Message | Should -Match '-Region'
            $caught.Exception.Message | Should -Match 'HW_REGION_NAME'
            (Get-Logged).Count | Should -Be 0
        }

        It 'stops with CloudJobRegionInvalid for a region that would change the host' {
            $watch = [Diagnostics.Stopwatch]::StartNew()

            $caught = Invoke-Catching { Get-CloudJob some-job -Region 'cn-north-4.evil.invalid' -Token emulator-token -ProjectId $P }

            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobRegionInvalid,*'
            $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $caught.Exception.Message | Should -Match 'region'
            (Get-Logged).Count | Should -Be 0
        }
    }

    Context '-Verbose' {
        It 'shows GET and the URL of each request, retries included' {
            $null = New-TestJob @{ id = 'verbose-1'; runSeconds = 0 }, @{ id = 'verbose-2'; runSeconds = 0 }
            $null = Add-TestFault throttle -JobId verbose-2 -Count 1

            $all = Get-CloudJob verbose-1, verbose-2 @conn -RetryIntervalSec 0.05 -Verbose 4>&1
            $verbose = @($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $jobs = @($all | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })

            $jobs.Id | Should -Be 'verbose-1', 'verbose-2'
            $port = ([uri]$emu.Url).Port
            @($verbose | Where-Object { $_ -eq "GET http://127.0.0.1:$port/v3/$P/jobs/verbose-1" }).Count | Should -Be 1
            @($verbose | Where-Object { $_ -eq "GET http://127.0.0.1:$port/v3/$P/jobs/verbose-2" }).Count | Should -Be 2
            @($verbose | Where-Object { $_ -match "verbose-2.*retry 1 of 3" }).Count | Should -Be 1
            @($verbose | Where-Object { $_ -like 'GET *' }).Count | Should -Be (Get-Logged).Count
        }

        It 'shows the requests when the caller sets $VerbosePreference = ''Continue'', and none with -Verbose:$false' {
            $null = New-TestJob @{ id = 'preference-1'; runSeconds = 0 }
            $port = ([uri]$emu.Url).Port

            $shown = & {
                $VerbosePreference = 'Continue'
                Get-CloudJob preference-1 @conn 4>&1
            } | Where-Object { $_ -is [Management.Automation.VerboseRecord] }
            $hidden = & {
                $VerbosePreference = 'Continue'
                Get-CloudJob preference-1 @conn -Verbose:$false 4>&1
            } | Where-Object { $_ -is [Management.Automation.VerboseRecord] }

            @($shown | Where-Object Message -eq "GET http://127.0.0.1:$port/v3/$P/jobs/preference-1").Count | Should -Be 1
            $hidden | Should -BeNullOrEmpty
        }
    }

    Context 'Ctrl+C' {
        It 'stops at once in the middle of slow requests and a retry wait, and sends nothing after' {
            $null = New-TestJob @(@{ id = 'stop-slow'; runSeconds = 0 }, @{ id = 'stop-throttled'; runSeconds = 0 })
            $null = Add-TestFault slow -JobId 'stop-slow' -DelayMs 10000 -Count -1
            $null = Add-TestFault throttle -JobId 'stop-throttled' -Count -1

            $ps = [powershell]::Create()
            $ps.Runspace = [runspacefactory]::CreateRunspace()
            $ps.Runspace.Open()
            try {
                $null = $ps.AddScript('param($ModulePath, $c) Import-Module $ModulePath; Get-CloudJob stop-slow, stop-throttled @c -RetryIntervalSec 30').
                    AddArgument((Get-JobStatusModulePath)).AddArgument($conn)
                $async = $ps.BeginInvoke()
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                while (@(Get-Logged).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
                @(Get-Logged).Count | Should -Be 2 -Because 'both requests are under way (one slow, one throttled and waiting 30 s to retry)'

                $watch = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $stopSeconds = $watch.Elapsed.TotalSeconds

                $stopSeconds | Should -BeLessThan 1.5 -Because 'Ctrl+C must not wait for the slow answer or the retry delay'
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                Start-Sleep -Milliseconds 300
                @(Get-Logged).Count | Should -Be 2 -Because 'no request is sent after Ctrl+C'
            }
            finally {
                $ps.Runspace.Dispose()
                $ps.Dispose()
            }
        }
    }
}
