# The token never leaves as text. A distinctive token (and distinctive expired and forbidden ones)
# goes through calls that produce output, verbose, debug and error records: once with every stream
# captured (*>&1), once inside Start-Transcript; then every place a user or a log could see text is
# searched for it. The run is repeated with the token given as a string, as a SecureString, from
# HW_AUTH_TOKEN and from the session. The module writes no warning records on any of these paths;
# the capture would hold them if it did.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'

    $credentialVariables = 'HW_AUTH_TOKEN', 'OS_AUTH_TOKEN', 'OS_TOKEN', 'HW_PROJECT_ID', 'OS_PROJECT_ID',
        'HUAWEICLOUD_SDK_PROJECT_ID', 'HW_REGION_NAME', 'OS_REGION_NAME'
    $savedEnvironment = @{}
    foreach ($name in $credentialVariables) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

    function Clear-CredentialEnvironment {
        foreach ($name in $credentialVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    # The calls of one run. They write to their natural streams; the callers capture them.
    $leakCalls = {
        param([string]$Source, [string]$Token, [string]$Expired, [string]$Forbidden, [string]$Endpoint, [string]$ProjectId)

        function Use-Token([string]$Text) {
            # Makes $Text the token of the next calls, the way $Source supplies it; returns the parameters to add.
            Disconnect-CloudJobService
            $env:HW_AUTH_TOKEN = $null
            switch ($Source) {
                'String' { @{ Token = $Text } }
                'SecureString' { @{ Token = (ConvertTo-SecureString $Text -AsPlainText -Force) } }
                'Environment' { $env:HW_AUTH_TOKEN = $Text; @{} }
                'Session' { Connect-CloudJobService -Token $Text -ProjectId $ProjectId -Endpoint $Endpoint; @{} }
                default { throw "Unknown token source $Source" }
            }
        }

        # As in an interactive session: errors are shown and the next command runs (the test runner may set Stop).
        $ErrorActionPreference = 'Continue'
        $base = @{ Endpoint = $Endpoint; ProjectId = $ProjectId; RetryIntervalSec = 0.05; Verbose = $true; Debug = $true; ErrorAction = 'Continue' }
        try {
            $t = Use-Token $Token
            # Output, a retried 429 (verbose), a 404, refused ids, a 500 after a retry, an http refusal.
            Get-CloudJob ok-1, failed-1, running-1, throttled-1 @base @t
            Get-CloudJob missing-1 @base @t
            Get-CloudJob '..', "line`nbreak" @base @t
            Get-CloudJob gateway-500 @base @t -MaximumRetryCount 1
            try { Get-CloudJob ok-1 @base @t -Endpoint 'http://jobs.example.invalid' } catch { Write-Error -ErrorRecord $_ }
            # Wait-CloudJob: a failed job, and a timeout (0 s: at once, before the first answer).
            Wait-CloudJob -JobId failed-1 @base @t -PollIntervalSec 0.1
            Wait-CloudJob -JobId running-1 @base @t -PollIntervalSec 0.1 -Timeout 0
            Get-CloudJobContext @t

            $t = Use-Token $Expired
            try { Get-CloudJob ok-1, failed-1 @base @t } catch { Write-Error -ErrorRecord $_ }
            try { Wait-CloudJob -JobId ok-1 @base @t -PollIntervalSec 0.1 } catch { Write-Error -ErrorRecord $_ }

            $t = Use-Token $Forbidden
            try { Get-CloudJob ok-1 @base @t } catch { Write-Error -ErrorRecord $_ }
            Get-CloudJobContext @t
        }
        finally {
            Disconnect-CloudJobService
            $env:HW_AUTH_TOKEN = $null
        }
    }

    # The transcript run happens in a runspace of its own with no host: it records what a console
    # would show (VERBOSE:, DEBUG:, error views, tables) without filling this test run's log.
    $transcribedRun = {
        param([string]$ModulePath, [string]$Calls, [hashtable]$Arguments, [string]$TranscriptPath)
        Import-Module $ModulePath -ErrorAction Stop
        $null = Start-Transcript -LiteralPath $TranscriptPath -Force
        try {
            $output = @(& ([scriptblock]::Create($Calls)) @Arguments)
            $output | Out-Host
            $output | Where-Object { $_ -is [JobStatus.CloudJobContext] } | Format-List * | Out-Host
        }
        finally {
            $null = Stop-Transcript
        }
    }

    function Invoke-LeakScenario([string]$Source, [string]$Token, [string]$Expired, [string]$Forbidden, [string]$TranscriptPath) {
        $arguments = @{ Source = $Source; Token = $Token; Expired = $Expired; Forbidden = $Forbidden; Endpoint = $emu.Url; ProjectId = $P }

        # Every stream captured, as a user would with *>&1.
        $Error.Clear()
        $captured = @(& $leakCalls @arguments *>&1)
        $errors = @($Error)

        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        try {
            $null = $ps.AddScript($transcribedRun.ToString()).AddParameters(@{
                    ModulePath = (Resolve-Path (Get-JobStatusModulePath)).Path; Calls = $leakCalls.ToString()
                    Arguments = $arguments; TranscriptPath = $TranscriptPath
                })
            $null = $ps.Invoke()
            if ($ps.InvocationStateInfo.Reason) { throw $ps.InvocationStateInfo.Reason }
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
        }

        [pscustomobject]@{
            Captured   = $captured
            Errors     = $errors
            Objects    = @($captured | Where-Object { $_ -is [JobStatus.CloudJob] })
            Contexts   = @($captured | Where-Object { $_ -is [JobStatus.CloudJobContext] })
            Transcript = Get-Content -Raw -LiteralPath $TranscriptPath
            Requests   = @(Get-TestRequest)
        }
    }

    function Get-Reachable($Exception) {
        # The properties of an exception, of its failure and of the exceptions inside it, as JSON;
        # TargetSite is reflection metadata, never data.
        $depth = 0
        while ($Exception -and $depth -lt 5) {
            $Exception | Select-Object -Property * -ExcludeProperty TargetSite, InnerException |
                ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
            if ($Exception.PSObject.Properties['Failure'] -and $Exception.Failure) {
                $Exception.Failure | Select-Object -Property * -ExcludeProperty Exception | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue
            }
            $Exception = $Exception.InnerException
            $depth++
        }
    }

    function Assert-NoSecret([string]$Text, [string[]]$Secrets, [string]$Where) {
        $Text | Should -Not -BeNullOrEmpty -Because "$Where should have been produced"
        foreach ($secret in $Secrets) {
            $Text.Contains($secret) | Should -BeFalse -Because "the token must not appear in $Where"
        }
    }
}

AfterAll {
    Disconnect-CloudJobService
    Stop-TestEmulator $emu
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
}

Describe 'The token never leaves as text (token from <Source>)' -ForEach @(
    @{ Source = 'String' }
    @{ Source = 'SecureString' }
    @{ Source = 'Environment' }
    @{ Source = 'Session' }
) {
    BeforeAll {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService

        $token = "tok-$(New-Guid)"
        $expired = "tok-expired-$(New-Guid)"
        $forbidden = "tok-forbidden-$(New-Guid)"
        $secrets = $token, $expired, $forbidden
        Set-TestToken $token
        Set-TestToken $expired -State expired
        Set-TestToken $forbidden -State forbidden
        $null = New-TestJob @{ id = 'ok-1'; runSeconds = 0 }, @{ id = 'throttled-1'; runSeconds = 0 },
            @{ id = 'gateway-500'; runSeconds = 0 }, @{ id = 'running-1'; runSeconds = -1 },
            @{ id = 'failed-1'; runSeconds = 0; finalStatus = 'Failed'; errorCode = 'CFW.00200005'; errorMsg = 'Insufficient EIP quota.' }
        $null = Add-TestFault throttle -JobId throttled-1 -Count 1
        $null = Add-TestFault html500 -JobId gateway-500 -Count -1

        $run = Invoke-LeakScenario $Source $token $expired $forbidden (Join-Path $TestDrive "transcript-$Source.txt")
        $streamText = $run.Captured | Out-String -Width 400
    }

    It 'ran every kind of call it is meant to check' {
        $ids = @($run.Captured | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
        foreach ($id in 'CloudJobNotFound', 'CloudJobInvalidId', 'CloudJobServiceError', 'CloudJobUnencryptedAuthentication',
            'CloudJobFailed', 'CloudJobWaitTimeout', 'CloudJobAuthenticationFailed', 'CloudJobPermissionDenied') {
            $ids | Should -Contain $id
        }
        @($run.Captured | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        @($run.Captured | Where-Object { $_ -is [Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        $run.Objects.Id | Should -Contain 'ok-1'
        $run.Objects.Id | Should -Contain 'failed-1'
        $run.Errors.Count | Should -BeGreaterOrEqual 8
    }

    It 'sent the token as the X-Auth-Token header' {
        $withToken = @($run.Requests | Where-Object { $_.headers.'X-Auth-Token' -ceq $token })
        $withToken.Count | Should -BeGreaterOrEqual 5
        ($run.Requests | Where-Object { $_.headers.'X-Auth-Token' -ceq $expired }) | Should -Not -BeNullOrEmpty
        ($run.Requests | Where-Object { $_.headers.'X-Auth-Token' -ceq $forbidden }) | Should -Not -BeNullOrEmpty
        @($run.Requests | Where-Object { $_.headers.'X-Auth-Token' -cnotin $secrets }).Count | Should -Be 0 -Because 'every request carried one of the tokens'
    }

    It 'sent the token in no other header and in no URL' {
        foreach ($request in $run.Requests) {
            foreach ($header in $request.headers.PSObject.Properties | Where-Object Name -NE 'X-Auth-Token') {
                Assert-NoSecret "$($header.Name): $($header.Value)" $secrets "the $($header.Name) header"
            }
            Assert-NoSecret $request.rawTarget $secrets 'the request URL'
        }
    }

    It 'is not in the output, verbose, debug or error records' {
        Assert-NoSecret $streamText $secrets 'the captured streams'
        foreach ($record in $run.Captured | Where-Object { $_ -is [Management.Automation.InformationalRecord] }) {
            Assert-NoSecret $record.Message $secrets 'a verbose or debug message'
        }
    }

    It 'is not in $Error, however it is formatted' {
        Assert-NoSecret ($run.Errors | Out-String -Width 400) $secrets '$Error | Out-String'
        Assert-NoSecret ($run.Errors | Format-List * -Force | Out-String -Width 400) $secrets '$Error | Format-List * -Force'
        foreach ($record in $run.Errors) {
            Assert-NoSecret $record.ToString() $secrets 'an error record''s ToString()'
            if ($record.ErrorDetails) { Assert-NoSecret $record.ErrorDetails.Message $secrets 'the error details' }
        }
    }

    It 'is not in the exceptions: ToString() or any property reachable from them' {
        foreach ($record in $run.Errors) {
            Assert-NoSecret $record.Exception.ToString() $secrets 'an exception''s ToString()'
            Assert-NoSecret ((Get-Reachable $record.Exception) -join "`n") $secrets 'the exceptions'' properties as JSON'
        }
    }

    It 'is not in the transcript' {
        $run.Transcript | Should -Match 'was not found'
        $run.Transcript | Should -Match 'VERBOSE: GET http://127\.0\.0\.1:\d+/v3/'
        $run.Transcript | Should -Match 'DEBUG: Project '
        $run.Transcript | Should -Match 'has expired'
        Assert-NoSecret $run.Transcript $secrets 'the transcript'
    }

    It 'is not in any output object' {
        foreach ($job in $run.Objects) {
            Assert-NoSecret ($job | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) $secrets "job $($job.Id) as JSON"
            Assert-NoSecret ($job | Format-List * | Out-String -Width 400) $secrets "job $($job.Id) as a list"
            Assert-NoSecret $job.ToString() $secrets "job $($job.Id) ToString()"
        }
    }

    It 'is not in the Get-CloudJobContext objects of the run' {
        $run.Contexts.Count | Should -Be 2
        foreach ($context in $run.Contexts) {
            $context.AuthenticationMethod | Should -Be 'Token'
            Assert-NoSecret ($context | Format-List * | Out-String -Width 400) $secrets 'Get-CloudJobContext | Format-List *'
            Assert-NoSecret ($context | ConvertTo-Json -Depth 3) $secrets 'Get-CloudJobContext as JSON'
        }
    }

    It 'is not in Get-CloudJobContext' {
        $fresh = switch ($Source) {
            'String' { Get-CloudJobContext -Token $token -ProjectId $P }
            'SecureString' { Get-CloudJobContext -Token (ConvertTo-SecureString $token -AsPlainText -Force) -ProjectId $P }
            'Environment' { $env:HW_AUTH_TOKEN = $token; Get-CloudJobContext -ProjectId $P; $env:HW_AUTH_TOKEN = $null }
            'Session' { Connect-CloudJobService -Token $token -ProjectId $P; Get-CloudJobContext; Disconnect-CloudJobService }
        }

        $fresh.AuthenticationMethod | Should -Be 'Token'
        Assert-NoSecret ($fresh | Format-List * | Out-String -Width 400) $secrets 'Get-CloudJobContext | Format-List *'
        Assert-NoSecret ($fresh | Format-List | Out-String -Width 400) $secrets 'Get-CloudJobContext | Format-List'
        Assert-NoSecret ($fresh | ConvertTo-Json -Depth 3) $secrets 'Get-CloudJobContext as JSON'
    }
}

Describe 'A token that the service echoes back' {
    # The emulator cannot echo request headers, but a job's error_code, error_msg and status text are
    # free text in a 200 answer: putting the token there stands in for a service or proxy that
    # echoes what it received.
    BeforeAll {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService

        $token = "tok-echo-$(New-Guid)"
        Set-TestToken $token
        $null = New-TestJob @{ id = 'echo-failed'; runSeconds = 0; finalStatus = 'Failed'; errorCode = "CFW.$token"; errorMsg = "Token $token is not allowed here." },
            @{ id = 'echo-status'; runSeconds = 0; finalStatus = "Rejected:$token" },
            @{ id = 'echo-running'; runSeconds = -1; runningStatus = "Busy:$token" }
        $conn = @{ Endpoint = $emu.Url; ProjectId = $P; Token = $token }
    }

    It 'is not in the objects Get-CloudJob writes (error_code, error_msg, status text)' {
        $jobs = Get-CloudJob echo-failed, echo-status, echo-running @conn

        $jobs.Id | Should -Be 'echo-failed', 'echo-status', 'echo-running'
        $leaks = foreach ($job in $jobs) {
            foreach ($property in $job.PSObject.Properties) {
                if ([string]$property.Value -and ([string]$property.Value).Contains($token)) { "$($job.Id).$($property.Name)" }
            }
        }
        $leaks | Should -BeNullOrEmpty -Because 'a token the service echoes must be redacted in job objects, as it is in error messages'
        Assert-NoSecret ($jobs | Format-Table | Out-String -Width 200) @($token) 'the job table'
    }

    It 'is not in what Wait-CloudJob writes (failed-job error, status changes, timeout error)' {
        $all = @(Wait-CloudJob -JobId echo-failed, echo-running @conn -PollIntervalSec 0.1 -Timeout 1 -Verbose -ErrorAction Continue *>&1)

        $ids = @($all | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
        $ids | Should -Contain 'CloudJobFailed'
        $ids | Should -Contain 'CloudJobWaitTimeout'
        $leaks = foreach ($record in $all) {
            if ($record -is [JobStatus.CloudJob]) {
                foreach ($property in $record.PSObject.Properties) {
                    if ([string]$property.Value -and ([string]$property.Value).Contains($token)) { "CloudJob $($record.Id).$($property.Name)" }
                }
            }
            elseif (([string]$record).Contains($token)) {
                '{0}: {1}' -f $record.GetType().Name, ([string]$record).Replace($token, '<token>')
            }
        }
        $leaks | Should -BeNullOrEmpty -Because 'a token the service echoes must not reach messages or objects'
    }
}
