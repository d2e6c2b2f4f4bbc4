# Jobs that belong to something, jobs of the account, and yearly/monthly orders, as a user meets
# them against the emulator: the instance, graph, engine and domain ids from parameters and CSV
# columns, a missing or wrong one failing its own job alone, the account id a password sign-in
# learns, access keys signing account-wide services for the account, and an order waited for beside
# pay-per-use jobs with the resources it made.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $D = '0a1b2c3d4e5f60718293a4b5c6d7e8f9'
    $conn = @{ Endpoint = $emu.Url; Token = 'emulator-token'; ProjectId = $P }
    # CAE environment ids, in the form its API definition gives X-Environment-ID.
    $EnvA = '0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c'
    $EnvB = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
    $EnvOther = '2b1c0d9e-8f7a-4b6c-9d8e-7f6a5b4c3d2e'

    $savedEnvironment = Clear-CredentialEnvironment
    Disconnect-CloudJobService

    function Invoke-Control([string]$Method, [string]$Path, $Body) {
        $request = @{ Method = $Method; Uri = "$($emu.Url)/_emulator$Path"; NoProxy = $true; TimeoutSec = 10 }
        if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject $Body -Depth 5 -Compress; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request | ForEach-Object { $_ }
    }
}

AfterAll {
    Stop-TestEmulator $emu
    Restore-CredentialEnvironment $savedEnvironment
    Disconnect-CloudJobService
}

Describe 'Jobs read under their instance, graph or engine' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'reads DMS tasks of several instances from one CSV, and a row without an instance fails alone' {
        $null = New-TestJob @{ id = 'task-a'; runSeconds = 0 } -Service Kafka -InstanceId 'inst-a'
        $null = New-TestJob @{ id = 'task-b'; runSeconds = 0; failed = $true } -Service Kafka -InstanceId 'inst-b'
        $null = New-TestJob @{ id = 'task-r'; runSeconds = 0 } -Service RocketMQ -InstanceId 'inst-r'
        $csv = @(
            'Service,JobId,instance_id'
            'Kafka,task-a,inst-a'
            'Kafka,task-b,inst-b'
            'Kafka,task-x,'
            'RocketMQ,task-r,inst-r'
        ) | ConvertFrom-Csv

        $out = @($csv | Get-CloudJob @conn -ErrorVariable problems -ErrorAction SilentlyContinue)

        $out.Id | Should -Be 'task-a', 'task-b', 'task-r'
        $out.Status | Should -Be 'Success', 'Failed', 'Success'
        $out.InstanceId | Should -Be 'inst-a', 'inst-b', 'inst-r'
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobOwnerMissing,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($problems[0])" | Should -Match "task-x"
        "$($problems[0])" | Should -Match '-InstanceId'
        # Each task went to its own instance's path; nothing was sent for the one without.
        $targets = @(Get-TestRequest | ForEach-Object rawTarget)
        $targets | Should -Contain "/v2/$P/instances/inst-a/tasks/task-a"
        $targets | Should -Contain "/v2/$P/instances/inst-r/tasks/task-r"
        @($targets | Where-Object { $_ -match 'task-x' }).Count | Should -Be 0
    }

    It 'says a task read under another instance does not exist' {
        $null = New-TestJob @{ id = 'task-c'; runSeconds = 0 } -Service RabbitMQ -InstanceId 'inst-c'

        $null = Get-CloudJob task-c -Service RabbitMQ -InstanceId 'inst-other' @conn -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
        "$($problems[0])" | Should -Match 'InstanceId inst-other'
    }

    It 'waits for a GES job read by Get-CloudJob, the graph carried on the piped object' {
        $null = New-TestJob @{ id = 'ges-1'; runSeconds = 2 } -Service GES -GraphId 'graph-1'

        $running = Get-CloudJob ges-1 -Service GES -GraphId 'graph-1' @conn
        $done = @($running | Wait-CloudJob @conn -PollIntervalSec 0.5 -Timeout 30)

        $running.Status | Should -Be 'Running'
        $running.GraphId | Should -Be 'graph-1'
        $done.Count | Should -Be 1
        $done[0].Status | Should -Be 'Success'
        $done[0].GraphId | Should -Be 'graph-1'
        (Get-TestRequest).rawTarget | Select-Object -Unique | Should -Be "/v2/$P/graphs/graph-1/jobs/ges-1/status"
    }

    It 'reads a CSE job under its engine, and refuses an engine id that would change the path' {
        $null = New-TestJob @{ id = 'cse-1'; runSeconds = 0 } -Service CSE -EngineId 'engine-1'

        (Get-CloudJob cse-1 -Service CSE -EngineId 'engine-1' @conn).EngineId | Should -Be 'engine-1'
        $null = Get-CloudJob cse-1 -Service CSE -EngineId '..' @conn -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobInvalidId,*'
    }

    It 'reads CAE jobs under their environment, sent and signed as X-Environment-ID, from a CSV with an environment_id column' {
        $secret = "sk-$(New-Guid)"
        $null = Invoke-Control POST /accesskeys @{ accessKey = 'AKCAE'; secretKey = $secret }
        $keys = @{ AccessKeyId = 'AKCAE'; SecretAccessKey = (ConvertTo-SecureString $secret -AsPlainText -Force); ProjectId = $P; Endpoint = $emu.Url }
        $null = New-TestJob @{ id = 'cae-1'; runSeconds = 0 } -Service CAE -EnvironmentId $EnvA
        $null = New-TestJob @{ id = 'cae-2'; runSeconds = 0; subJobs = @(@{ runSeconds = 0 }, @{ runSeconds = 0; failed = $true; errorMsg = 'image pull failed' }) } -Service CAE -EnvironmentId $EnvB
        $csv = @(
            'Service,JobId,environment_id'
            "CAE,cae-1,$EnvA"
            "CAE,cae-2,$EnvB"
            'CAE,cae-3,'
        ) | ConvertFrom-Csv

        Connect-CloudJobService @keys
        try { $out = @($csv | Get-CloudJob -ErrorVariable problems -ErrorAction SilentlyContinue) }
        finally { Disconnect-CloudJobService }

        $out.Id | Should -Be 'cae-1', 'cae-2'
        $out.EnvironmentId | Should -Be $EnvA, $EnvB
        $out[1].SubJobs.Status | Should -Be 'Success', 'Failed'
        $out[1].SubJobs[1].ErrorMessage | Should -Be 'image pull failed'
        @($problems).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobOwnerMissing,*'
        "$($problems[0])" | Should -Match '-EnvironmentId'
        "$($problems[0])" | Should -Match 'environment_id'
        # The environment travels as a header, not in the path, and the emulator checked the signature over it.
        $sent = @(Get-TestRequest -JobId cae-1)[0]
        $sent.rawTarget | Should -Be "/v1/$P/cae/jobs/cae-1"
        $sent.headers.'X-Environment-ID' | Should -Be $EnvA
        $sent.headers.Authorization | Should -Match 'SignedHeaders=host;x-environment-id;x-project-id;x-sdk-date,'
        $sent.status | Should -Be 200
        @(Get-TestRequest -JobId cae-3).Count | Should -Be 0
    }

    It 'waits for CCE cluster upgrade tasks of two clusters from a CSV with a cluster_id column, beside a CCE job' {
        $null = New-TestJob @{ id = 'upgrade-a'; runSeconds = 1 } -Service CCEUpgrade -ClusterId 'cluster-a'
        $null = New-TestJob @{ id = 'upgrade-b'; runSeconds = 0; failed = $true } -Service CCEUpgrade -ClusterId 'cluster-b'
        $null = New-TestJob @{ id = 'cce-job'; runSeconds = 0 } -Service CCE
        $csv = @(
            'Service,JobId,cluster_id'
            'CCEUpgrade,upgrade-a,cluster-a'
            'CCEUpgrade,upgrade-b,cluster-b'
            'CCE,cce-job,'
        ) | ConvertFrom-Csv

        $out = @($csv | Wait-CloudJob @conn -PollIntervalSec 0.5 -Timeout 30 -ErrorVariable problems -ErrorAction SilentlyContinue)

        ($out | Sort-Object Id).Id | Should -Be 'cce-job', 'upgrade-a', 'upgrade-b'
        ($out | Where-Object Id -EQ 'upgrade-a').Status | Should -Be 'Success'
        ($out | Where-Object Id -EQ 'upgrade-a').ClusterId | Should -Be 'cluster-a'
        ($out | Where-Object Id -EQ 'upgrade-a').EndTime | Should -Not -BeNullOrEmpty
        ($out | Where-Object Id -EQ 'upgrade-b').Status | Should -Be 'Failed'
        @($problems | Where-Object { $_.FullyQualifiedErrorId -like 'CloudJobFailed,*' }).Count | Should -Be 1
        (Get-TestRequest -JobId upgrade-a).rawTarget | Select-Object -Unique | Should -Be "/api/v3/projects/$P/clusters/cluster-a/operation/upgrade/tasks/upgrade-a"
    }

    It 'says a CAE job read under another environment does not exist, naming the environment' {
        $null = New-TestJob @{ id = 'cae-4'; runSeconds = 0 } -Service CAE -EnvironmentId $EnvA

        $null = Get-CloudJob cae-4 -Service CAE -EnvironmentId $EnvOther @conn -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
        "$($problems[0])" | Should -Match "EnvironmentId $EnvOther"
    }

    It 'refuses an environment id that is not the UUID CAE documents, for that job alone, before sending' {
        $null = New-TestJob @{ id = 'ecs-9'; runSeconds = 0 } -Service ECS
        $rows = @(
            [pscustomobject]@{ Service = 'CAE'; JobId = 'cae-5'; EnvironmentId = 'prod-env' }
            [pscustomobject]@{ Service = 'ECS'; JobId = 'ecs-9' }
        )

        $out = @($rows | Get-CloudJob @conn -ErrorVariable problems -ErrorAction SilentlyContinue)

        $out.Id | Should -Be 'ecs-9'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobInvalidId,*'
        "$($problems[0])" | Should -Match "EnvironmentId 'prod-env' is not a CAE environment id"
        @(Get-TestRequest -JobId cae-5).Count | Should -Be 0
    }
}

Describe 'Account-wide and global jobs' {
    BeforeEach {
        Reset-TestEmulator $emu
        Disconnect-CloudJobService
        Remove-Item Env:HUAWEICLOUD_SDK_DOMAIN_ID -ErrorAction SilentlyContinue
    }

    It 'reads a Global EIP job under the account, and one without a domain id fails alone beside an ECS job' {
        $null = New-TestJob @{ id = 'geip-1'; runSeconds = 0 } -Service GEIP -DomainId $D
        $null = New-TestJob @{ id = 'ecs-1'; runSeconds = 0 } -Service ECS
        $rows = @(
            [pscustomobject]@{ Service = 'GEIP'; JobId = 'geip-1' }
            [pscustomobject]@{ Service = 'ECS'; JobId = 'ecs-1' }
        )

        $out = @($rows | Get-CloudJob @conn -ErrorVariable problems -ErrorAction SilentlyContinue)
        $out.Id | Should -Be 'ecs-1'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobDomainMissing,*'
        "$($problems[0])" | Should -Match 'HUAWEICLOUD_SDK_DOMAIN_ID'

        $geip = Get-CloudJob geip-1 -Service GEIP -DomainId $D @conn
        $geip.Status | Should -Be 'Success'
        $geip.DomainId | Should -Be $D
        $geip.ProjectId | Should -BeNullOrEmpty
        (Get-TestRequest -JobId geip-1).rawTarget | Should -Contain "/v3/$D/geip/jobs/geip-1"
    }

    It 'takes the domain id from HUAWEICLOUD_SDK_DOMAIN_ID, and names an account name given in its place' {
        $null = New-TestJob @{ id = 'geip-2'; runSeconds = 0 } -Service GEIP -DomainId $D
        $env:HUAWEICLOUD_SDK_DOMAIN_ID = $D
        try {
            (Get-CloudJob geip-2 -Service GEIP @conn).Status | Should -Be 'Success'
            (Get-CloudJobContext).DomainIdSource | Should -Be 'Environment:HUAWEICLOUD_SDK_DOMAIN_ID'
        }
        finally { Remove-Item Env:HUAWEICLOUD_SDK_DOMAIN_ID }

        $null = Get-CloudJob geip-2 -Service GEIP -DomainId 'acme' @conn -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobDomainInvalid,*'
        "$($problems[0])" | Should -Match '32 hexadecimal'
    }

    It 'learns the account id from a password sign-in and reads account-wide jobs with it' {
        $password = "pw-$(New-Guid)"
        $null = Invoke-Control POST /users @{ domain = 'acme'; name = 'dora'; password = $password; tokenLifetimeSeconds = 3600 }
        $credential = [pscredential]::new('dora', (ConvertTo-SecureString $password -AsPlainText -Force))
        $context = Connect-CloudJobService -Credential $credential -DomainName acme -ProjectId $P -IamEndpoint $emu.Url -Endpoint $emu.Url -PassThru
        $context.DomainId | Should -Match '^[0-9a-f]{32}$'
        $context.DomainIdSource | Should -Be 'Session'
        $null = New-TestJob @{ id = 'geip-3'; runSeconds = 0 } -Service GEIP -DomainId $context.DomainId

        (Get-CloudJob geip-3 -Service GEIP).Status | Should -Be 'Success'
    }

    It 'signs a global service with an access key for the account (X-Domain-Id), and a project one for the project' {
        $secret = "sk-$(New-Guid)"
        $null = Invoke-Control POST /accesskeys @{ accessKey = 'AKGLOBAL'; secretKey = $secret }
        Connect-CloudJobService -AccessKeyId AKGLOBAL -SecretAccessKey (ConvertTo-SecureString $secret -AsPlainText -Force) -ProjectId $P -DomainId $D -Endpoint $emu.Url
        $null = New-TestJob @{ id = 'ucs-1'; runSeconds = 0 } -Service UCS
        $null = New-TestJob @{ id = 'dns-1'; runSeconds = 0 } -Service DNS

        (Get-CloudJob ucs-1 -Service UCS).Status | Should -Be 'Success'
        (Get-CloudJob dns-1 -Service DNS).Status | Should -Be 'Success'

        $ucs = @(Get-TestRequest -JobId ucs-1)[0]
        $ucs.headers.'X-Domain-Id' | Should -Be $D
        $ucs.headers.'X-Project-Id' | Should -BeNullOrEmpty
        $ucs.headers.Authorization | Should -Match 'SignedHeaders=host;x-domain-id;x-sdk-date,'
        # DNS has no scope in its path either, but its vendor client takes BasicCredentials.
        $dns = @(Get-TestRequest -JobId dns-1)[0]
        $dns.headers.'X-Project-Id' | Should -Be $P
        $dns.headers.'X-Domain-Id' | Should -BeNullOrEmpty
        $dns.status | Should -Be 200
    }
}

Describe 'Yearly/monthly orders' {
    BeforeEach { Reset-TestEmulator $emu }

    It 'waits for an order beside a pay-per-use volume and a DMS task, and names what the order made' {
        $order = @(New-TestJob @{ id = 'CS2405161952CE7IU'; runSeconds = 2 } -Service Order)[0]
        $null = New-TestJob @{ id = 'evs-1'; runSeconds = 1 } -Service EVS
        $null = New-TestJob @{ id = 'task-9'; runSeconds = 1 } -Service Kafka -InstanceId 'inst-9'
        $rows = @(
            [pscustomobject]@{ Service = 'Order'; JobId = 'CS2405161952CE7IU' }
            [pscustomobject]@{ Service = 'EVS'; JobId = 'evs-1' }
            [pscustomobject]@{ Service = 'Kafka'; JobId = 'task-9'; InstanceId = 'inst-9' }
        )

        $done = @($rows | Wait-CloudJob @conn -DomainId $D -PollIntervalSec 0.5 -Timeout 30)

        $done.Count | Should -Be 3
        ($done | Where-Object Status -NE Success) | Should -BeNullOrEmpty
        $bought = $done | Where-Object Service -EQ Order
        $bought.RawStatus | Should -Be '5'
        @($bought.ResourceIds).Count | Should -BeGreaterThan 0
        $bought.ResourceIds | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        $order.id | Should -Be 'CS2405161952CE7IU'
        $posts = @(Get-TestRequest | Where-Object method -EQ POST)
        $posts.rawTarget | Select-Object -Unique | Should -Be '/v2/orders/suscriptions/resources/query'
    }

    It 'names an order id given to a job service as one' {
        $null = Get-CloudJob CS2405161952CE7IU -Service ECS @conn -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CloudJobNotFound,*'
        "$($problems[0])" | Should -Match '-Service Order'
    }
}
