# Connect-CloudJobService, Disconnect-CloudJobService and Get-CloudJobContext: where each value
# comes from (parameter > session > environment), what the session keeps, and that it belongs to one
# runspace. Requests go to the emulator so that "the session is used" is proven by what it received.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $SessionProject = '11112222333344445555666677778888'
    $EnvProject = '99990000aaaabbbbccccddddeeeeffff'

    $credentialVariables = 'HW_AUTH_TOKEN', 'OS_AUTH_TOKEN', 'OS_TOKEN', 'HW_PROJECT_ID', 'OS_PROJECT_ID',
        'HUAWEICLOUD_SDK_PROJECT_ID', 'HW_REGION_NAME', 'OS_REGION_NAME'
    $savedEnvironment = @{}
    foreach ($name in $credentialVariables) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

    function Clear-CredentialEnvironment {
        foreach ($name in $credentialVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    function Get-Logged([string]$JobId) {
        if ($JobId) { @(Get-TestRequest -JobId $JobId) } else { @(Get-TestRequest) }
    }

    function Invoke-InNewRunspace([string]$Script) {
        # A second runspace in this process, with the module imported there, as a host or a thread job would have.
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $null = $ps.AddScript("Import-Module '$((Resolve-Path (Get-JobStatusModulePath)).Path)' -ErrorAction Stop")
        $null = $ps.AddStatement().AddScript($Script)
        [pscustomobject]@{ PowerShell = $ps; Runspace = $runspace }
    }

    function Invoke-Runspace($Handle, [string]$Script) {
        $Handle.PowerShell.Commands.Clear()
        $null = $Handle.PowerShell.AddScript($Script)
        $result = $Handle.PowerShell.Invoke()
        if ($Handle.PowerShell.HadErrors) {
            $problems = @($Handle.PowerShell.Streams.Error | ForEach-Object { $_.ToString() }) -join '; '
            $Handle.PowerShell.Streams.Error.Clear()
            throw "The second runspace reported errors: $problems"
        }
        $result
    }
}

AfterAll {
    Disconnect-CloudJobService
    Stop-TestEmulator $emu
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
}

Describe 'The JobStatus session' {
    BeforeEach {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService
    }

    AfterEach {
        Clear-CredentialEnvironment
        Disconnect-CloudJobService
    }

    Context 'Connect-CloudJobService' {
        It 'stores a token given as <Form> that Get-CloudJob then sends, with the stored project and endpoint' -ForEach @(
            @{ Form = 'a plain string'; Secure = $false }
            @{ Form = 'a SecureString'; Secure = $true }
        ) {
            $text = "tok-session-$(New-Guid)"
            Set-TestToken $text
            $null = New-TestJob @{ projectId = $SessionProject; id = 'from-session'; runSeconds = 0 }
            $token = if ($Secure) { ConvertTo-SecureString $text -AsPlainText -Force } else { $text }

            $out = Connect-CloudJobService -Token $token -ProjectId $SessionProject -Endpoint $emu.Url
            $job = Get-CloudJob from-session

            $out | Should -BeNullOrEmpty -Because 'without -PassThru nothing is written'
            $job.Id | Should -Be 'from-session'
            $job.ProjectId | Should -Be $SessionProject
            $job.Endpoint | Should -Be ([uri]"$($emu.Url)/")
            $logged = Get-Logged 'from-session'
            $logged.Count | Should -Be 1
            $logged[0].rawTarget | Should -Be "/v3/$SessionProject/jobs/from-session"
            $logged[0].headers.'X-Auth-Token' | Should -BeExactly $text
        }

        It 'sends nothing when connecting' {
            Connect-CloudJobService -Token 'tok-not-checked' -ProjectId $P -Endpoint $emu.Url

            (Get-Logged).Count | Should -Be 0
        }

        It 'writes the resulting context with -PassThru' {
            $context = Connect-CloudJobService -Token 'tok-passthru' -ProjectId $SessionProject -Region ap-southeast-1 -PassThru

            $context | Should -HaveCount 1
            $context.PSObject.TypeNames | Should -Contain 'JobStatus.CloudJobContext'
            $context.IsConnected | Should -BeTrue
            $context.ProjectId | Should -Be $SessionProject
            $context.ProjectIdSource | Should -Be 'Session'
            $context.Region | Should -Be 'ap-southeast-1'
            $context.RegionSource | Should -Be 'Session'
            $context.Endpoint | Should -Be ([uri]'https://cfw.ap-southeast-1.myhuaweicloud.com/')
            $context.EndpointSource | Should -Be 'Default'
            $context.AuthenticationMethod | Should -Be 'Token'
            $context.TokenSource | Should -Be 'Session'
            $context.Problem | Should -BeNullOrEmpty
        }

        It 'stores -Endpoint, which then beats a region from the environment' {
            $env:HW_REGION_NAME = 'cn-north-4'
            $null = New-TestJob @{ id = 'session-endpoint'; runSeconds = 0 }
            Connect-CloudJobService -Token emulator-token -ProjectId $P -Endpoint $emu.Url

            $context = Get-CloudJobContext
            $job = Get-CloudJob session-endpoint

            $context.Endpoint | Should -Be ([uri]"$($emu.Url)/")
            $context.EndpointSource | Should -Be 'Session'
            $context.Region | Should -Be 'cn-north-4'
            $context.RegionSource | Should -Be 'Environment:HW_REGION_NAME'
            $job.Endpoint | Should -Be ([uri]"$($emu.Url)/")
            $job.Region | Should -Be '127.0.0.1' -Because 'the environment''s region does not belong to the session''s endpoint'
            (Get-Logged 'session-endpoint').Count | Should -Be 1
        }

        It 'replaces every stored value when run again' {
            Connect-CloudJobService -Token 'tok-first' -ProjectId $SessionProject -Region cn-north-4
            Connect-CloudJobService -Token 'tok-second'

            $context = Get-CloudJobContext

            $context.TokenSource | Should -Be 'Session'
            $context.ProjectId | Should -BeNullOrEmpty
            $context.ProjectIdSource | Should -Be 'None'
            $context.RegionSource | Should -Be 'None'
            $context.EndpointSource | Should -Be 'None'
        }

        It 'refuses <Case> and stores nothing' -ForEach @(
            @{ Case = 'an empty token'; Token = ''; Says = 'empty' }
            @{ Case = 'a token of only spaces'; Token = '   '; Says = 'empty' }
            @{ Case = 'a token with a line break'; Token = "tok-line`nbreak"; Says = 'line break' }
            @{ Case = 'a token with a carriage return'; Token = "tok-line`rbreak"; Says = 'line break' }
        ) {
            $caught = $null
            try { Connect-CloudJobService -Token $Token -ProjectId $SessionProject -Endpoint $emu.Url } catch { $caught = $_ }

            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobConnectInvalidArgument,*'
            $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $caught.Exception.Message | Should -Match $Says
            $caught.Exception.Message | Should -Match 'Nothing was stored'
            $caught.Exception.Message | Should -Not -Match 'tok-line'
            $context = Get-CloudJobContext
            $context.IsConnected | Should -BeFalse
            $context.TokenSource | Should -Be 'None'
            $context.ProjectIdSource | Should -Be 'None'
        }

        It 'keeps the earlier session when a new Connect is refused' {
            Set-TestToken 'tok-kept'
            $null = New-TestJob @{ id = 'kept-session'; runSeconds = 0 }
            Connect-CloudJobService -Token 'tok-kept' -ProjectId $P -Endpoint $emu.Url

            { Connect-CloudJobService -Token "tok-bad`nline" -ProjectId $SessionProject } | Should -Throw
            $job = Get-CloudJob kept-session

            $job.ProjectId | Should -Be $P
            (Get-Logged 'kept-session')[0].headers.'X-Auth-Token' | Should -BeExactly 'tok-kept'
        }

        It 'refuses a <Case> that cannot be part of a URL' -ForEach @(
            @{ Case = 'project'; Extra = @{ ProjectId = '..' } }
            @{ Case = 'region'; Extra = @{ Region = 'cn-north-4.evil.invalid' } }
        ) {
            $caught = $null
            try { Connect-CloudJobService -Token 'tok-ok' @Extra } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobConnectInvalidArgument,*'
            $caught.Exception.Message | Should -Match 'Nothing was stored'
            (Get-CloudJobContext).IsConnected | Should -BeFalse
        }
    }

    Context 'Get-CloudJobContext sources' {
        It 'shows None for every value, and the problem, when nothing is known' {
            $context = Get-CloudJobContext

            $context.IsConnected | Should -BeFalse
            $context.ProjectId | Should -BeNullOrEmpty
            $context.ProjectIdSource | Should -Be 'None'
            $context.Region | Should -BeNullOrEmpty
            $context.RegionSource | Should -Be 'None'
            $context.Endpoint | Should -BeNullOrEmpty
            $context.EndpointSource | Should -Be 'None'
            $context.AuthenticationMethod | Should -Be 'None'
            $context.TokenSource | Should -Be 'None'
            $context.Problem | Should -Match 'HW_AUTH_TOKEN'
        }

        It 'shows Parameter for values given to it' {
            $context = Get-CloudJobContext -Token 'tok-p' -ProjectId $P -Endpoint $emu.Url -Region cn-north-4

            $context.TokenSource | Should -Be 'Parameter'
            $context.ProjectId | Should -Be $P
            $context.ProjectIdSource | Should -Be 'Parameter'
            $context.Region | Should -Be 'cn-north-4'
            $context.RegionSource | Should -Be 'Parameter'
            $context.Endpoint | Should -Be ([uri]"$($emu.Url)/")
            $context.EndpointSource | Should -Be 'Parameter'
            $context.IsConnected | Should -BeFalse
        }

        It 'shows Session for stored values, and IsConnected' {
            Connect-CloudJobService -Token 'tok-s' -ProjectId $SessionProject -Endpoint $emu.Url -Region cn-north-4

            $context = Get-CloudJobContext

            $context.IsConnected | Should -BeTrue
            $context.TokenSource | Should -Be 'Session'
            $context.ProjectId | Should -Be $SessionProject
            $context.ProjectIdSource | Should -Be 'Session'
            $context.RegionSource | Should -Be 'Session'
            $context.Endpoint | Should -Be ([uri]"$($emu.Url)/")
            $context.EndpointSource | Should -Be 'Session'
        }

        It 'shows Environment:<Variable> for a token from that variable' -ForEach @(
            @{ Variable = 'HW_AUTH_TOKEN' }
            @{ Variable = 'OS_AUTH_TOKEN' }
            @{ Variable = 'OS_TOKEN' }
        ) {
            [Environment]::SetEnvironmentVariable($Variable, "tok-env-$Variable")
            Set-TestToken "tok-env-$Variable"
            $null = New-TestJob @{ id = "env-token-$Variable"; runSeconds = 0 }

            $context = Get-CloudJobContext
            $job = Get-CloudJob "env-token-$Variable" -ProjectId $P -Endpoint $emu.Url

            $context.TokenSource | Should -Be "Environment:$Variable"
            $context.AuthenticationMethod | Should -Be 'Token'
            $job.Id | Should -Be "env-token-$Variable"
            (Get-Logged "env-token-$Variable")[0].headers.'X-Auth-Token' | Should -BeExactly "tok-env-$Variable"
        }

        It 'reads the token variables in the order HW_AUTH_TOKEN, OS_AUTH_TOKEN, OS_TOKEN, skipping blank ones' {
            $env:OS_AUTH_TOKEN = 'tok-os-auth'
            $env:OS_TOKEN = 'tok-os'
            (Get-CloudJobContext).TokenSource | Should -Be 'Environment:OS_AUTH_TOKEN'

            $env:HW_AUTH_TOKEN = 'tok-hw'
            (Get-CloudJobContext).TokenSource | Should -Be 'Environment:HW_AUTH_TOKEN'

            $env:HW_AUTH_TOKEN = '   '
            $env:OS_AUTH_TOKEN = ''
            (Get-CloudJobContext).TokenSource | Should -Be 'Environment:OS_TOKEN'
        }

        It 'shows Environment:<Variable> for a project id from that variable' -ForEach @(
            @{ Variable = 'HW_PROJECT_ID' }
            @{ Variable = 'OS_PROJECT_ID' }
            @{ Variable = 'HUAWEICLOUD_SDK_PROJECT_ID' }
        ) {
            [Environment]::SetEnvironmentVariable($Variable, $EnvProject)
            $null = New-TestJob @{ projectId = $EnvProject; id = "env-project-$Variable"; runSeconds = 0 }

            $context = Get-CloudJobContext
            $job = Get-CloudJob "env-project-$Variable" -Token emulator-token -Endpoint $emu.Url

            $context.ProjectId | Should -Be $EnvProject
            $context.ProjectIdSource | Should -Be "Environment:$Variable"
            $job.ProjectId | Should -Be $EnvProject
            (Get-Logged "env-project-$Variable")[0].rawTarget | Should -Be "/v3/$EnvProject/jobs/env-project-$Variable"
        }

        It 'reads the project variables in the order HW_PROJECT_ID, OS_PROJECT_ID, HUAWEICLOUD_SDK_PROJECT_ID' {
            $env:HUAWEICLOUD_SDK_PROJECT_ID = 'project-sdk'
            (Get-CloudJobContext).ProjectId | Should -Be 'project-sdk'
            $env:OS_PROJECT_ID = 'project-os'
            (Get-CloudJobContext).ProjectIdSource | Should -Be 'Environment:OS_PROJECT_ID'
            $env:HW_PROJECT_ID = 'project-hw'
            $context = Get-CloudJobContext
            $context.ProjectId | Should -Be 'project-hw'
            $context.ProjectIdSource | Should -Be 'Environment:HW_PROJECT_ID'
        }

        It 'shows Environment:<Variable> for a region from that variable, and derives the endpoint (Default)' -ForEach @(
            @{ Variable = 'HW_REGION_NAME' }
            @{ Variable = 'OS_REGION_NAME' }
        ) {
            [Environment]::SetEnvironmentVariable($Variable, 'cn-north-4')

            $context = Get-CloudJobContext

            $context.Region | Should -Be 'cn-north-4'
            $context.RegionSource | Should -Be "Environment:$Variable"
            $context.Endpoint | Should -Be ([uri]'https://cfw.cn-north-4.myhuaweicloud.com/')
            $context.Endpoint.AbsoluteUri | Should -BeExactly 'https://cfw.cn-north-4.myhuaweicloud.com/'
            $context.EndpointSource | Should -Be 'Default'
        }

        It 'prefers HW_REGION_NAME over OS_REGION_NAME' {
            $env:OS_REGION_NAME = 'ap-southeast-1'
            $env:HW_REGION_NAME = 'cn-north-4'

            $context = Get-CloudJobContext

            $context.Region | Should -Be 'cn-north-4'
            $context.RegionSource | Should -Be 'Environment:HW_REGION_NAME'
        }

        It 'derives <Endpoint> from the region <Region>' -ForEach @(
            @{ Region = 'cn-north-4'; Endpoint = 'https://cfw.cn-north-4.myhuaweicloud.com/' }
            @{ Region = 'ap-southeast-1'; Endpoint = 'https://cfw.ap-southeast-1.myhuaweicloud.com/' }
            @{ Region = 'eu-west-101'; Endpoint = 'https://cfw.eu-west-101.myhuaweicloud.eu/' }
        ) {
            $context = Get-CloudJobContext -Region $Region

            $context.Endpoint.AbsoluteUri | Should -BeExactly $Endpoint
            $context.EndpointSource | Should -Be 'Default'
        }

        It 'holds no property whose value is the token text' {
            $text = "tok-context-$(New-Guid)"
            Connect-CloudJobService -Token $text -ProjectId $P -Region cn-north-4
            $env:HW_AUTH_TOKEN = "$text-env"

            $contexts = @(Get-CloudJobContext), @(Get-CloudJobContext -Token "$text-param")

            foreach ($context in $contexts) {
                foreach ($property in $context.PSObject.Properties) {
                    [string]$property.Value | Should -Not -Match ([regex]::Escape($text)) -Because "$($property.Name) must not show the token"
                }
                $context | Format-List * | Out-String | Should -Not -Match ([regex]::Escape($text))
                $context | Format-List | Out-String | Should -Not -Match ([regex]::Escape($text))
                $context | ConvertTo-Json -Depth 3 | Should -Not -Match ([regex]::Escape($text))
            }
        }
    }

    Context 'precedence' {
        BeforeEach {
            foreach ($t in 'tok-param', 'tok-session', 'tok-env') { Set-TestToken $t }
            $null = New-TestJob @{ projectId = $P; id = 'ranked'; runSeconds = 0 },
                @{ projectId = $SessionProject; id = 'ranked'; runSeconds = 0 },
                @{ projectId = $EnvProject; id = 'ranked'; runSeconds = 0 }
            $env:HW_AUTH_TOKEN = 'tok-env'
            $env:HW_PROJECT_ID = $EnvProject
        }

        It 'uses the environment when there is neither a parameter nor a session' {
            $context = Get-CloudJobContext
            $job = Get-CloudJob ranked -Endpoint $emu.Url

            $context.TokenSource | Should -Be 'Environment:HW_AUTH_TOKEN'
            $context.ProjectIdSource | Should -Be 'Environment:HW_PROJECT_ID'
            $job.ProjectId | Should -Be $EnvProject
            $logged = Get-Logged 'ranked'
            $logged[0].headers.'X-Auth-Token' | Should -BeExactly 'tok-env'
            $logged[0].rawTarget | Should -Be "/v3/$EnvProject/jobs/ranked"
        }

        It 'uses the session over the environment' {
            Connect-CloudJobService -Token 'tok-session' -ProjectId $SessionProject -Endpoint $emu.Url

            $context = Get-CloudJobContext
            $job = Get-CloudJob ranked

            $context.TokenSource | Should -Be 'Session'
            $context.ProjectIdSource | Should -Be 'Session'
            $job.ProjectId | Should -Be $SessionProject
            $logged = Get-Logged 'ranked'
            $logged[0].headers.'X-Auth-Token' | Should -BeExactly 'tok-session'
            $logged[0].rawTarget | Should -Be "/v3/$SessionProject/jobs/ranked"
        }

        It 'uses parameters over the session and the environment' {
            Connect-CloudJobService -Token 'tok-session' -ProjectId $SessionProject -Endpoint 'http://127.0.0.1:9/unused'

            $context = Get-CloudJobContext -Token 'tok-param' -ProjectId $P -Endpoint $emu.Url
            $job = Get-CloudJob ranked -Token 'tok-param' -ProjectId $P -Endpoint $emu.Url

            $context.TokenSource | Should -Be 'Parameter'
            $context.ProjectIdSource | Should -Be 'Parameter'
            $context.EndpointSource | Should -Be 'Parameter'
            $job.ProjectId | Should -Be $P
            $logged = Get-Logged 'ranked'
            $logged.Count | Should -Be 1
            $logged[0].headers.'X-Auth-Token' | Should -BeExactly 'tok-param'
            $logged[0].rawTarget | Should -Be "/v3/$P/jobs/ranked"
        }

        It 'lets -Region on the command line beat an endpoint stored in the session' {
            Connect-CloudJobService -Token 'tok-session' -ProjectId $SessionProject -Endpoint $emu.Url

            $context = Get-CloudJobContext -Region ap-southeast-1

            $context.Endpoint.AbsoluteUri | Should -BeExactly 'https://cfw.ap-southeast-1.myhuaweicloud.com/'
            $context.EndpointSource | Should -Be 'Default'
            $context.RegionSource | Should -Be 'Parameter'
        }

        It 'mixes sources value by value' {
            Connect-CloudJobService -Token 'tok-session' -Endpoint $emu.Url

            $context = Get-CloudJobContext -ProjectId $P
            $job = Get-CloudJob ranked -ProjectId $P

            $context.TokenSource | Should -Be 'Session'
            $context.ProjectIdSource | Should -Be 'Parameter'
            $context.EndpointSource | Should -Be 'Session'
            $job.ProjectId | Should -Be $P
            (Get-Logged 'ranked')[0].headers.'X-Auth-Token' | Should -BeExactly 'tok-session'
        }
    }

    Context 'Disconnect-CloudJobService' {
        It 'clears the session, so the environment is used again' {
            $env:HW_AUTH_TOKEN = 'tok-env'
            Connect-CloudJobService -Token 'tok-session' -ProjectId $SessionProject -Region cn-north-4
            (Get-CloudJobContext).IsConnected | Should -BeTrue

            $out = Disconnect-CloudJobService *>&1

            $out | Should -BeNullOrEmpty
            $context = Get-CloudJobContext
            $context.IsConnected | Should -BeFalse
            $context.TokenSource | Should -Be 'Environment:HW_AUTH_TOKEN'
            $context.ProjectIdSource | Should -Be 'None'
            $context.RegionSource | Should -Be 'None'
        }

        It 'is silent when not connected' {
            $caught = $null
            $out = $null
            try { $out = Disconnect-CloudJobService -ErrorVariable ev -WarningVariable wv *>&1 } catch { $caught = $_ }

            $caught | Should -BeNullOrEmpty
            $out | Should -BeNullOrEmpty
            $ev | Should -BeNullOrEmpty
            $wv | Should -BeNullOrEmpty
            (Get-CloudJobContext).IsConnected | Should -BeFalse
        }

        It 'makes Get-CloudJob stop with CloudJobTokenMissing when no other token is known' {
            Connect-CloudJobService -Token emulator-token -ProjectId $P -Endpoint $emu.Url
            Disconnect-CloudJobService

            $caught = $null
            try { Get-CloudJob some-job -ProjectId $P -Endpoint $emu.Url } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobTokenMissing,*'
            (Get-Logged).Count | Should -Be 0
        }
    }

    Context 'one session per runspace' {
        BeforeEach {
            $second = Invoke-InNewRunspace '$null'
            $null = $second.PowerShell.Invoke()
        }

        AfterEach {
            $second.PowerShell.Dispose()
            $second.Runspace.Dispose()
        }

        It 'a new runspace does not see this runspace''s session' {
            Connect-CloudJobService -Token 'tok-first-runspace' -ProjectId $SessionProject -Endpoint $emu.Url

            $there = Invoke-Runspace $second 'Get-CloudJobContext'

            $there.IsConnected | Should -BeFalse
            $there.TokenSource | Should -Be 'None'
            $there.ProjectIdSource | Should -Be 'None'
            (Get-CloudJobContext).IsConnected | Should -BeTrue
        }

        It 'this runspace does not see a session made in another one, and each sends its own token' {
            Set-TestToken 'tok-here'
            Set-TestToken 'tok-there'
            $null = New-TestJob @{ projectId = $P; id = 'per-runspace'; runSeconds = 0 }, @{ projectId = $SessionProject; id = 'per-runspace'; runSeconds = 0 }
            $null = Invoke-Runspace $second "Connect-CloudJobService -Token 'tok-there' -ProjectId '$SessionProject' -Endpoint '$($emu.Url)'"

            $here = Get-CloudJobContext
            $here.IsConnected | Should -BeFalse
            $here.TokenSource | Should -Be 'None'

            Connect-CloudJobService -Token 'tok-here' -ProjectId $P -Endpoint $emu.Url
            $jobHere = Get-CloudJob per-runspace
            $jobThere = Invoke-Runspace $second 'Get-CloudJob per-runspace'

            $jobHere.ProjectId | Should -Be $P
            $jobThere.ProjectId | Should -Be $SessionProject
            $logged = Get-Logged 'per-runspace'
            $logged.Count | Should -Be 2
            $logged[0].headers.'X-Auth-Token' | Should -BeExactly 'tok-here'
            $logged[0].projectId | Should -Be $P
            $logged[1].headers.'X-Auth-Token' | Should -BeExactly 'tok-there'
            $logged[1].projectId | Should -Be $SessionProject

            Disconnect-CloudJobService
            (Invoke-Runspace $second 'Get-CloudJobContext').IsConnected | Should -BeTrue -Because 'disconnecting here leaves the other runspace connected'
        }
    }
}
