# Every service behind the same two cmdlets, as a user calls them: -Service per call or per piped
# row, each job read from its service's real path, and one job object for all. The emulator serves
# every service's job API in its vendor's shape (docs/Emulator.md); its request log shows which
# path each request took.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $conn = @{ Endpoint = $emu.Url; Token = 'emulator-token'; ProjectId = $P }

    $savedEnvironment = Clear-CredentialEnvironment
    Disconnect-CloudJobService

    # Each service's job path with {p} and {j} (the job id as sent, percent-encoded).
    $Paths = @{
        CFW     = '/v3/{p}/jobs/{j}'
        ECS     = '/v1/{p}/jobs/{j}'
        BMS     = '/v1/{p}/jobs/{j}'
        EVS     = '/v1/{p}/jobs/{j}'
        IMS     = '/v1/{p}/jobs/{j}'
        VPC     = '/v1/{p}/jobs/{j}'
        RDS     = '/v3/{p}/jobs?id={j}'
        GaussDB = '/v3/{p}/jobs?id={j}'
        DDS     = '/v3/{p}/jobs?id={j}'
        CCE     = '/api/v3/projects/{p}/jobs/{j}'
        ELB     = '/v3/{p}/elb/jobs/{j}'
        DCS     = '/v2/{p}/jobs/{j}'
    }

    function Get-Target([string]$Service, [string]$JobId) {
        $Paths[$Service].Replace('{p}', $P).Replace('{j}', [uri]::EscapeDataString($JobId))
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

Describe 'Get-CloudJob -Service' {
    BeforeEach { Reset-TestEmulator }

    It 'reads a <Service> job from its own path, finished, failed and running' -ForEach @(
        @{ Service = 'CFW' }, @{ Service = 'ECS' }, @{ Service = 'BMS' }, @{ Service = 'EVS' }, @{ Service = 'IMS' },
        @{ Service = 'VPC' }, @{ Service = 'RDS' }, @{ Service = 'GaussDB' }, @{ Service = 'DDS' }, @{ Service = 'CCE' },
        @{ Service = 'ELB' }, @{ Service = 'DCS' }
    ) {
        $null = New-TestJob @{ service = $Service; id = "$Service-done"; runSeconds = 0 },
            @{ service = $Service; id = "$Service-failed"; runSeconds = 0; failed = $true; errorCode = 'X.0001'; errorMsg = "no capacity for $Service" },
            @{ service = $Service; id = "$Service-running"; runSeconds = -1 }

        $jobs = Get-CloudJob "$Service-done", "$Service-failed", "$Service-running" -Service $Service.ToLowerInvariant() @conn

        $jobs.Id | Should -Be "$Service-done", "$Service-failed", "$Service-running"
        $jobs.Service | Should -Be $Service, $Service, $Service
        $jobs.Status | Should -Be 'Success', 'Failed', 'Running'
        $jobs[1].ErrorMessage | Should -Be "no capacity for $Service"
        $jobs[0].IsFinished | Should -BeTrue
        $jobs[2].EndTime | Should -BeNullOrEmpty
        $jobs[0].BeginTime | Should -Not -BeNullOrEmpty
        # Get-CloudJob asks for a batch at once, so the requests arrive in any order.
        (Get-TestRequest).RawTarget | Sort-Object | Should -Be (Get-Target $Service "$Service-done"), (Get-Target $Service "$Service-failed"), (Get-Target $Service "$Service-running")
    }

    It 'keeps reading CFW when no -Service is given' {
        $null = New-TestJob @{ id = 'plain'; runSeconds = 0 }

        (Get-CloudJob plain @conn).Service | Should -Be 'CFW'
        (Get-TestRequest).RawTarget | Should -Be (Get-Target CFW plain)
    }

    It 'sends a job id that holds / ? & and .. as one encoded value in the query of <Service>' -ForEach @(@{ Service = 'RDS' }, @{ Service = 'DDS' }) {
        $id = '../a?b=1&c=/d'
        $null = New-TestJob @{ service = $Service; id = $id; runSeconds = 0 }

        (Get-CloudJob $id -Service $Service @conn).Id | Should -Be $id
        (Get-TestRequest).RawTarget | Should -Be (Get-Target $Service $id)
    }

    It 'mixes services, projects and ids from a CSV in one call, in input order' {
        $other = 'aaaabbbbccccddddeeeeffff00001111'
        $null = New-TestJob @{ service = 'ECS'; id = 'srv-job'; runSeconds = 0; resourceId = 'server-1' },
            @{ service = 'EVS'; id = 'vol-job'; runSeconds = 0; projectId = $other; resourceId = 'volume-1' },
            @{ service = 'RDS'; id = 'db-job'; runSeconds = -1; resourceId = 'instance-1' },
            @{ id = 'fw-job'; runSeconds = 0 }
        $csv = New-Csv mixed.csv @(
            [pscustomobject]@{ Service = 'ECS'; JobId = 'srv-job'; ProjectId = $P }
            [pscustomobject]@{ Service = 'evs'; JobId = 'vol-job'; ProjectId = $other }
            [pscustomobject]@{ Service = 'RDS'; JobId = 'db-job'; ProjectId = $P }
            [pscustomobject]@{ Service = ''; JobId = 'fw-job'; ProjectId = $P }
        )

        $jobs = Import-Csv $csv | Get-CloudJob -Endpoint $emu.Url -Token emulator-token

        $jobs.Id | Should -Be 'srv-job', 'vol-job', 'db-job', 'fw-job'
        $jobs.Service | Should -Be 'ECS', 'EVS', 'RDS', 'CFW'
        $jobs.ProjectId | Should -Be $P, $other, $P, $P
        $jobs.Status | Should -Be 'Success', 'Success', 'Running', 'Success'
        $jobs[0].ResourceIds | Should -Contain 'server-1'
        $jobs[1].ResourceIds | Should -Contain 'volume-1'
        $jobs[2].ResourceIds | Should -Contain 'instance-1'
    }

    It 'keeps -ThrottleLimit requests in flight for the whole command, across services and projects' {
        $other = 'f1e2d3c4b5a6978877665544332211aa'
        $null = New-TestJob @{ service = 'ECS'; id = 'get-limit-1'; runSeconds = 0 },
            @{ service = 'DCS'; id = 'get-limit-2'; runSeconds = 0 },
            @{ service = 'ECS'; id = 'get-limit-3'; runSeconds = 0; projectId = $other }
        $null = Add-TestFault slow -Count -1 -DelayMs 300
        $rows = @(
            [pscustomobject]@{ Service = 'ECS'; JobId = 'get-limit-1'; ProjectId = $P }
            [pscustomobject]@{ Service = 'DCS'; JobId = 'get-limit-2'; ProjectId = $P }
            [pscustomobject]@{ Service = 'ECS'; JobId = 'get-limit-3'; ProjectId = $other }
        )

        $jobs = $rows | Get-CloudJob -Endpoint $emu.Url -Token emulator-token -ThrottleLimit 1

        $jobs.Id | Should -Be 'get-limit-1', 'get-limit-2', 'get-limit-3'
        $arrivals = @(Get-TestRequest | ForEach-Object { ([datetime]$_.time).ToUniversalTime() } | Sort-Object)
        $arrivals.Count | Should -Be 3
        for ($i = 1; $i -lt 3; $i++) {
            ($arrivals[$i] - $arrivals[$i - 1]).TotalMilliseconds | Should -BeGreaterOrEqual 280 -Because 'one request in flight for the command, whichever service and project it goes to'
        }
    }

    It 'takes the column names of the vendor''s own answers: job_id and project_id' {
        $null = New-TestJob @{ service = 'CCE'; id = 'cluster-job'; runSeconds = 0 }

        $job = [pscustomobject]@{ service = 'cce'; job_id = 'cluster-job'; project_id = $P } | Get-CloudJob -Endpoint $emu.Url -Token emulator-token

        $job.Service | Should -Be 'CCE'
        $job.Status | Should -Be 'Success'
    }

    It 'answers an unknown service in its row alone, naming the known ones, and sends nothing for it' {
        $null = New-TestJob @{ service = 'ECS'; id = 'good-1'; runSeconds = 0 }, @{ service = 'ECS'; id = 'good-2'; runSeconds = 0 }
        $rows = @(
            [pscustomobject]@{ Service = 'ECS'; JobId = 'good-1' }
            [pscustomobject]@{ Service = 'Nova'; JobId = 'bad-row' }
            [pscustomobject]@{ Service = 'ECS'; JobId = 'good-2' }
        )

        $jobs = $rows | Get-CloudJob @conn -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs.Id | Should -Be 'good-1', 'good-2'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobServiceUnknown,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be 'bad-row'
        foreach ($name in 'CFW', 'ECS', 'BMS', 'EVS', 'IMS', 'VPC', 'RDS', 'GaussDB', 'DDS', 'CCE', 'ELB', 'DCS') {
            $problems[0].Exception.Message | Should -Match "\b$name\b"
        }
        (Get-TestRequest).JobId | Should -Not -Contain 'bad-row'
    }

    It 'gives CloudJobNotFound to an id that another service knows, and still answers the others' {
        $null = New-TestJob @{ service = 'CCE'; id = 'only-in-cce'; runSeconds = 0 }, @{ service = 'ECS'; id = 'in-ecs'; runSeconds = 0 }

        $jobs = Get-CloudJob 'in-ecs', 'only-in-cce', 'in-ecs' -Service ECS @conn -ErrorVariable problems -ErrorAction SilentlyContinue

        $jobs.Id | Should -Be 'in-ecs', 'in-ecs'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
        $problems[0].Exception.Message | Should -Match 'ECS'
        (Get-CloudJob only-in-cce -Service CCE @conn).Status | Should -Be 'Success'
    }

    It 'reads sub-jobs as job objects with their own status, error and resources' {
        $null = New-TestJob @{ service = 'ECS'; id = 'batch'; runSeconds = 0; failed = $true; subJobs = @(
                @{ id = 'sub-ok'; runSeconds = 0; resourceId = 'server-a' }
                @{ id = 'sub-bad'; runSeconds = 0; failed = $true; errorCode = 'Ecs.0013'; errorMsg = 'insufficient quota'; resourceId = 'server-b' }
            ) }

        $job = Get-CloudJob batch -Service ECS @conn

        $job.Status | Should -Be 'Failed'
        $job.SubJobs.Id | Should -Be 'sub-ok', 'sub-bad'
        $job.SubJobs.Status | Should -Be 'Success', 'Failed'
        $job.SubJobs[1].ErrorCode | Should -Be 'Ecs.0013'
        $job.SubJobs[1].ErrorMessage | Should -Be 'insufficient quota'
        $job.SubJobs[0].Service | Should -Be 'ECS'
        $job.ResourceIds | Should -Be 'server-a', 'server-b'
    }

    It 'shows the Service column in the default table' {
        $null = New-TestJob @{ service = 'IMS'; id = 'image-job'; runSeconds = 0 }

        $table = Get-CloudJob image-job -Service IMS @conn | Format-Table | Out-String

        $table | Should -Match 'Service\s+Id\s+Status'
        $table | Should -Match 'IMS\s+image-job\s+Success'
    }
}

Describe 'Wait-CloudJob -Service' {
    BeforeEach { Reset-TestEmulator }

    It 'waits for servers and volumes made by one runbook, read from a CSV with a Service column' {
        $null = New-TestJob @{ service = 'ECS'; id = 'create-servers'; runSeconds = 1.2; initialStatus = 'INIT'; initialSeconds = 0.4 },
            @{ service = 'EVS'; id = 'create-volume'; runSeconds = 0.6 },
            @{ service = 'RDS'; id = 'create-db'; runSeconds = 0.9 }
        $csv = New-Csv wait.csv @(
            [pscustomobject]@{ Service = 'ECS'; job_id = 'create-servers'; project_id = $P }
            [pscustomobject]@{ Service = 'EVS'; job_id = 'create-volume'; project_id = $P }
            [pscustomobject]@{ Service = 'RDS'; job_id = 'create-db'; project_id = $P }
        )

        $done = Import-Csv $csv | Wait-CloudJob -Endpoint $emu.Url -Token emulator-token -PollIntervalSec 0.2 -Timeout 30

        $done.Id | Should -Be 'create-volume', 'create-db', 'create-servers'
        $done.Service | Should -Be 'EVS', 'RDS', 'ECS'
        $done.Status | Should -Be 'Success', 'Success', 'Success'
        (Get-TestRequest -JobId create-servers).RawTarget | Select-Object -Unique | Should -Be (Get-Target ECS create-servers)
    }

    It 'keeps -ThrottleLimit requests in flight across all the services of one wait, not per service' {
        $null = New-TestJob @{ service = 'ECS'; id = 'limit-ecs'; runSeconds = 0 },
            @{ service = 'RDS'; id = 'limit-rds'; runSeconds = 0 },
            @{ service = 'CFW'; id = 'limit-cfw'; runSeconds = 0 }
        $null = Add-TestFault slow -Count -1 -DelayMs 300
        $jobs = @(
            [pscustomobject]@{ Service = 'ECS'; JobId = 'limit-ecs' }
            [pscustomobject]@{ Service = 'RDS'; JobId = 'limit-rds' }
            [pscustomobject]@{ Service = 'CFW'; JobId = 'limit-cfw' }
        )

        $done = $jobs | Wait-CloudJob @conn -ThrottleLimit 1 -PollIntervalSec 0.2 -Timeout 30

        $done.Id | Should -Be 'limit-ecs', 'limit-rds', 'limit-cfw'
        # The log holds arrivals; with one request in flight each arrives after the previous 300 ms answer.
        $arrivals = @(Get-TestRequest | ForEach-Object { ([datetime]$_.time).ToUniversalTime() } | Sort-Object)
        $arrivals.Count | Should -Be 3
        for ($i = 1; $i -lt 3; $i++) {
            ($arrivals[$i] - $arrivals[$i - 1]).TotalMilliseconds | Should -BeGreaterOrEqual 280 -Because 'one request in flight for the whole wait, whichever service it goes to'
        }
    }

    It 'treats <Word> as not finished' -ForEach @(
        @{ Service = 'ECS'; Word = 'INIT' }
        @{ Service = 'CCE'; Word = 'Initializing' }
        @{ Service = 'GaussDB'; Word = 'Pending' }
        @{ Service = 'ELB'; Word = 'ROLLBACKING' }
    ) {
        $null = New-TestJob @{ service = $Service; id = 'slow-start'; runSeconds = 0.8; initialStatus = $Word; initialSeconds = 0.5 }

        $first = Get-CloudJob slow-start -Service $Service @conn
        $done = Wait-CloudJob slow-start -Service $Service @conn -PollIntervalSec 0.2 -Timeout 20

        $first.RawStatus | Should -Be $Word
        $first.Status | Should -Be 'Running'
        $done.IsFinished | Should -BeTrue
        $done.Status | Should -Be 'Success'
    }

    It 'never ends a wait on a status word the service does not document' {
        $null = New-TestJob @{ service = 'ECS'; id = 'odd'; runSeconds = 0; finalStatus = 'PENDING_SOMETHING_NEW' }

        $out = Wait-CloudJob odd -Service ECS @conn -PollIntervalSec 0.2 -Timeout 1 -ErrorVariable problems -ErrorAction SilentlyContinue

        $out | Should -BeNullOrEmpty
        $problems.FullyQualifiedErrorId | Should -BeLike 'CloudJobWaitTimeout,*'
        $problems[0].TargetObject.RawStatus | Should -Be 'PENDING_SOMETHING_NEW'
        $problems[0].TargetObject.Status | Should -Be 'Unknown'
    }

    It 'warns as soon as a sub-job fails while its parent still runs, and names it when the parent fails' {
        $null = New-TestJob @{ service = 'ECS'; id = 'batch-create'; runSeconds = 2.5; failed = $true; errorCode = 'Ecs.0000'; errorMsg = 'batch failed'; subJobs = @(
                @{ id = 'vm-1'; runSeconds = 0.3; failed = $true; errorCode = 'Ecs.0013'; errorMsg = 'insufficient quota'; resourceId = 'server-1' }
                @{ id = 'vm-2'; runSeconds = 2.5; resourceId = 'server-2' }
            ) }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $warnedAt = $null

        $out = Wait-CloudJob batch-create -Service ECS @conn -PollIntervalSec 0.2 -Timeout 30 -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue 3>&1 |
            ForEach-Object {
                if ($_ -is [System.Management.Automation.WarningRecord] -and -not $warnedAt) { $warnedAt = $watch.Elapsed }
                $_
            } | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] }

        $out.Status | Should -Be 'Failed'
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Match "still RUNNING.*'vm-1'.*server-1.*Ecs\.0013: insufficient quota"
        $warnedAt.TotalSeconds | Should -BeLessThan 2.3
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobFailed,*'
        $problems[0].Exception.Message | Should -Match "ECS job 'batch-create'.*ended FAIL.*Ecs\.0000: batch failed.*Failed sub-jobs \(1 of 2\): 'vm-1'"
    }

    It 'waits for piped job objects of several services, each at its own service' {
        $null = New-TestJob @{ service = 'CCE'; id = 'k8s'; runSeconds = 0.8 }, @{ service = 'DDS'; id = 'mongo'; runSeconds = 0.4 }, @{ id = 'fw'; runSeconds = 0.2 }
        $seen = @(Get-CloudJob k8s -Service CCE @conn) + @(Get-CloudJob mongo -Service DDS @conn) + @(Get-CloudJob fw @conn)
        Clear-TestRequest

        $done = $seen | Wait-CloudJob -Token emulator-token -PollIntervalSec 0.2 -Timeout 20

        ($done | Sort-Object Id).Service | Should -Be 'CFW', 'CCE', 'DDS'
        (Get-TestRequest -JobId k8s).RawTarget | Select-Object -Unique | Should -Be (Get-Target CCE k8s)
        (Get-TestRequest -JobId mongo).RawTarget | Select-Object -Unique | Should -Be (Get-Target DDS mongo)
    }

    It 'fails an unknown service for that job alone and waits for the rest' {
        $null = New-TestJob @{ service = 'VPC'; id = 'eip-job'; runSeconds = 0.3 }

        $done = Wait-CloudJob eip-job -Service VPC @conn -PollIntervalSec 0.2 -Timeout 20
        $rows = [pscustomobject]@{ Service = 'VPC'; JobId = 'eip-job' }, [pscustomobject]@{ Service = 'EC2'; JobId = 'x' }
        $again = $rows | Wait-CloudJob @conn -PollIntervalSec 0.2 -Timeout 20 -ErrorVariable problems -ErrorAction SilentlyContinue

        $done.Status | Should -Be 'Success'
        $again.Id | Should -Be 'eip-job'
        $problems.FullyQualifiedErrorId | Should -BeLike 'CloudJobServiceUnknown,*'
    }
}

Describe 'Completion and context per service' {
    It 'completes -Service with every service, in any case' {
        $names = (TabExpansion2 -inputScript 'Get-CloudJob -Service ' -cursorColumn 'Get-CloudJob -Service '.Length).CompletionMatches.CompletionText
        $names | Should -Contain 'CFW'
        $names | Should -Contain 'ECS'
        $names | Should -Contain 'GaussDB'
        $names.Count | Should -Be 39
        $names | Should -Contain 'Kafka'
        $names | Should -Contain 'Order'

        $e = (TabExpansion2 -inputScript 'Wait-CloudJob -Service e' -cursorColumn 'Wait-CloudJob -Service e'.Length).CompletionMatches
        $e.CompletionText | Should -Be 'ECS', 'ELB', 'EVS'
        $e[0].ToolTip | Should -Match 'Elastic Cloud Server: GET /v1/\{project_id\}/jobs/\{job_id\}'
    }

    It 'completes -Region with the regions of the service typed before it' {
        $line = 'Get-CloudJob -Service GaussDB -Region ap-southeast-'
        $gauss = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $line = 'Get-CloudJob -Region ap-southeast-'
        $cfw = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $gauss.CompletionText | Should -Be 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4'
        ($gauss | Where-Object CompletionText -eq 'ap-southeast-1').ToolTip | Should -Be 'https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com'
        $cfw.CompletionText | Should -Contain 'ap-southeast-5'
        ($cfw | Where-Object CompletionText -eq 'ap-southeast-1').ToolTip | Should -Be 'https://cfw.ap-southeast-1.myhuaweicloud.com'
    }

    It 'shows each service''s endpoint for one stored region' {
        Connect-CloudJobService -Token emulator-token -ProjectId $P -Region cn-north-4
        try {
            (Get-CloudJobContext).Endpoint.Host | Should -Be 'cfw.cn-north-4.myhuaweicloud.com'
            (Get-CloudJobContext -Service ecs).Endpoint.Host | Should -Be 'ecs.cn-north-4.myhuaweicloud.com'
            (Get-CloudJobContext -Service CCE).Service | Should -Be 'CCE'
            { Get-CloudJobContext -Service Nova } | Should -Throw -ErrorId 'CloudJobServiceUnknown,*'
        }
        finally { Disconnect-CloudJobService }
    }
}
