# Credentials beyond a raw token: Connect-CloudJobService -Credential (IAM password sign-in, renewed
# by itself) and -AccessKeyId (every request signed with SDK-HMAC-SHA256); access keys from the
# vendor SDKs' and Terraform's variables and from the SDK credentials file; the order among them; and
# that no secret key, password, security token or issued token is ever shown. The emulator plays
# both IAM and the job API, checks every signature, and counts sign-ins.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $OtherProject = 'aaaabbbbccccddddeeeeffff00001111'

    $credentialVariables = 'HW_AUTH_TOKEN', 'OS_AUTH_TOKEN', 'OS_TOKEN', 'HW_PROJECT_ID', 'OS_PROJECT_ID',
        'HUAWEICLOUD_SDK_PROJECT_ID', 'HW_REGION_NAME', 'OS_REGION_NAME',
        'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
        'HW_ACCESS_KEY', 'HW_SECRET_KEY', 'HW_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_CREDENTIALS_FILE', 'HOME'
    $savedEnvironment = @{}
    foreach ($name in $credentialVariables) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }

    # A home of our own, so a real ~/.huaweicloud/credentials never takes part.
    $fakeHome = Join-Path $TestDrive 'home'
    $null = New-Item -ItemType Directory -Path $fakeHome

    function Clear-CredentialEnvironment {
        foreach ($name in $credentialVariables) { [Environment]::SetEnvironmentVariable($name, $null) }
        $env:HOME = $fakeHome
        Remove-Item -LiteralPath (Join-Path $fakeHome '.huaweicloud') -Recurse -Force -ErrorAction SilentlyContinue
    }

    function Invoke-Control([string]$Method, [string]$Path, $Body) {
        $request = @{ Method = $Method; Uri = "$($emu.Url)/_emulator$Path"; NoProxy = $true; TimeoutSec = 10 }
        if ($null -ne $Body) { $request.Body = ConvertTo-Json -InputObject $Body -Depth 5 -Compress; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request | ForEach-Object { $_ }
    }

    function Add-AccessKey([string]$AccessKey, [string]$SecretKey, [string]$SecurityToken) {
        $body = @{ accessKey = $AccessKey; secretKey = $SecretKey }
        if ($SecurityToken) { $body.securityToken = $SecurityToken }
        $null = Invoke-Control POST /accesskeys $body
    }

    function Add-User([string]$Name, [string]$Password, [double]$LifetimeSeconds = 86400) {
        $null = Invoke-Control POST /users @{ domain = 'acme'; name = $Name; password = $Password; tokenLifetimeSeconds = $LifetimeSeconds }
    }

    function Get-User([string]$Name) { Invoke-Control GET /users | Where-Object name -EQ $Name }

    function New-PasswordCredential([string]$Name, [string]$Password) {
        [pscredential]::new($Name, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }

    function Write-CredentialsFile([string]$Path, [string]$Text) {
        $null = New-Item -ItemType Directory -Path (Split-Path $Path) -Force
        Set-Content -LiteralPath $Path -Value $Text -NoNewline
        $Path
    }

    function Get-Caught([scriptblock]$Script) {
        try { & $Script; $null } catch { $_ }
    }

    # Signs a request by hand with the module's signer, so the emulator's checks can be met one by one.
    function Invoke-Signed([string]$AccessKey, [string]$SecretKey, [string]$SignedPath, [string]$SentPath, [datetime]$Date = [datetime]::UtcNow, [int]$SentDateShift) {
        $hostValue = ([uri]$emu.Url).Authority
        $sdkDate = $Date.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", [cultureinfo]::InvariantCulture)
        $headers = [Collections.Generic.List[Collections.Generic.KeyValuePair[string, string]]]::new()
        $headers.Add([Collections.Generic.KeyValuePair[string, string]]::new('Host', $hostValue))
        $headers.Add([Collections.Generic.KeyValuePair[string, string]]::new('X-Sdk-Date', $sdkDate))
        $authorization = [JobStatus.Connection.Signing.SdkHmacSigner]::Authorization(
            $AccessKey, [Text.Encoding]::UTF8.GetBytes($SecretKey), 'GET', $SignedPath, '', $headers, [byte[]]@())
        $sentDate = $Date.ToUniversalTime().AddSeconds($SentDateShift).ToString("yyyyMMdd'T'HHmmss'Z'", [cultureinfo]::InvariantCulture)
        $response = Invoke-WebRequest "$($emu.Url)$SentPath" -Headers @{ 'X-Sdk-Date' = $sentDate; Authorization = $authorization } -NoProxy -SkipHttpErrorCheck -SkipHeaderValidation
        [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content | ConvertFrom-Json }
    }

    # The Core assembly is loaded by the first cmdlet call; the signer type is needed above.
    $null = Get-CloudJobContext
    Clear-CredentialEnvironment
}

AfterAll {
    Disconnect-CloudJobService
    Stop-TestEmulator $emu
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
}

Describe 'Connect-CloudJobService -AccessKeyId' {
    BeforeEach {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService
        $secret = "sk-$(New-Guid)"
        Add-AccessKey AKPERM $secret
        $null = New-TestJob @{ id = 'ak-1'; runSeconds = 0 }
    }

    It 'signs every request with the key given as <Form> instead of sending a token' -ForEach @(
        @{ Form = 'a string' }
        @{ Form = 'a SecureString' }
    ) {
        $key = if ($Form -eq 'a string') { $secret } else { ConvertTo-SecureString $secret -AsPlainText -Force }
        Connect-CloudJobService -AccessKeyId AKPERM -SecretAccessKey $key -ProjectId $P -Endpoint $emu.Url

        (Get-CloudJob ak-1).Status | Should -Be 'Success'

        $request = Get-TestRequest -JobId ak-1 | Select-Object -Last 1
        $request.status | Should -Be 200
        $request.headers.Authorization | Should -Match '^SDK-HMAC-SHA256 Access=AKPERM, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$'
        $request.headers.'X-Sdk-Date' | Should -Match '^\d{8}T\d{6}Z$'
        $request.headers.'X-Project-Id' | Should -Be $P
        $request.headers.PSObject.Properties.Name | Should -Not -Contain 'X-Auth-Token'
        (Invoke-Control GET /accesskeys | Where-Object accessKey -EQ AKPERM).requestCount | Should -Be 1
    }

    It 'sends and signs the security token of a temporary key' {
        $securityToken = "st-$(New-Guid)"
        Add-AccessKey AKTEMP $secret $securityToken
        Connect-CloudJobService -AccessKeyId AKTEMP -SecretAccessKey $secret -SecurityToken $securityToken -ProjectId $P -Endpoint $emu.Url

        (Get-CloudJob ak-1).Status | Should -Be 'Success'

        $request = Get-TestRequest -JobId ak-1 | Select-Object -Last 1
        $request.headers.'X-Security-Token' | Should -BeExactly $securityToken
        $request.headers.Authorization | Should -Match 'SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,'
    }

    It 'stops with the service''s reason when a temporary key comes without its security token' {
        Add-AccessKey AKTEMP $secret "st-$(New-Guid)"
        Connect-CloudJobService -AccessKeyId AKTEMP -SecretAccessKey $secret -ProjectId $P -Endpoint $emu.Url

        $caught = Get-Caught { Get-CloudJob ak-1 }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobAuthenticationFailed,*'
        $caught.Exception.ServiceErrorMessage | Should -Match 'verify security token fail'
    }

    It 'stops with CloudJobAuthenticationFailed naming the key, not the secret, when the secret is wrong' {
        $wrong = "sk-wrong-$(New-Guid)"
        Connect-CloudJobService -AccessKeyId AKPERM -SecretAccessKey $wrong -ProjectId $P -Endpoint $emu.Url

        $caught = Get-Caught { Get-CloudJob ak-1 }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobAuthenticationFailed,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $caught.Exception.Message | Should -Match 'access key AKPERM from the session \(Connect-CloudJobService\) was not accepted'
        $caught.Exception.Message | Should -Match 'APIGW\.0301: Incorrect IAM authentication information: verify aksk signature fail'
        $caught.Exception.Message | Should -Not -Match ([regex]::Escape($wrong))
    }

    It 'shows the method, key id and sources in Get-CloudJobContext, and never the secret' {
        $securityToken = "st-$(New-Guid)"
        $context = Connect-CloudJobService -AccessKeyId AKPERM -SecretAccessKey $secret -SecurityToken $securityToken -ProjectId $P -Endpoint $emu.Url -PassThru

        $context.AuthenticationMethod | Should -Be 'AccessKey'
        $context.AccessKeyId | Should -Be 'AKPERM'
        $context.CredentialSource | Should -Be 'Session'
        $context.SecretAccessKeySource | Should -Be 'Session'
        $context.SecurityTokenSource | Should -Be 'Session'
        $context.Problem | Should -BeNullOrEmpty
        $shown = ($context | Format-List | Out-String) + ($context | Format-List * | Out-String) + $context.ToString() + ($context | ConvertTo-Json)
        $shown | Should -Match 'Authentication : AccessKey AKPERM \(Session\)'
        $shown | Should -Not -Match ([regex]::Escape($secret))
        $shown | Should -Not -Match ([regex]::Escape($securityToken))
    }

    It 'refuses <Case> and stores nothing' -ForEach @(
        @{ Case = 'an empty secret key'; Key = 'AKPERM'; SecretText = ' '; Pattern = 'secret access key is empty' }
        @{ Case = 'a key id with a space'; Key = 'AK PERM'; SecretText = 'x-secret'; Pattern = 'access key id contains a space' }
    ) {
        $caught = Get-Caught { Connect-CloudJobService -AccessKeyId $Key -SecretAccessKey $SecretText -ProjectId $P }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobConnectInvalidArgument,*'
        $caught.Exception.Message | Should -Match $Pattern
        (Get-CloudJobContext).IsConnected | Should -BeFalse
    }

    It 'does not take -Token and -AccessKeyId together' {
        { Connect-CloudJobService -Token 'tok-1234' -AccessKeyId AKPERM -SecretAccessKey $secret } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,JobStatus.Commands.ConnectCloudJobServiceCommand'
    }
}

Describe 'The emulator checks SDK-HMAC-SHA256 signatures' {
    BeforeAll {
        Reset-TestEmulator
        $secret = "sk-$(New-Guid)"
        Add-AccessKey AKCHECK $secret
        $null = New-TestJob @{ id = 'sig-1'; runSeconds = 0 }, @{ id = 'sig-2'; runSeconds = 0 }
        $path = "/v3/$P/jobs/sig-1"
    }

    It 'accepts a good signature' {
        (Invoke-Signed AKCHECK $secret $path $path).Status | Should -Be 200
    }

    It 'refuses <Case> with 401 APIGW.0301 "<Message>"' -ForEach @(
        @{ Case = 'a wrong secret key'; Key = 'AKCHECK'; WrongSecret = $true; Message = 'verify aksk signature fail' }
        @{ Case = 'an unknown key'; Key = 'AKNOBODY'; Message = 'ak AKNOBODY not exist' }
        @{ Case = 'a tampered path'; Key = 'AKCHECK'; SentPath = 'sig-2'; Message = 'verify aksk signature fail' }
        @{ Case = 'an X-Sdk-Date other than the one signed'; Key = 'AKCHECK'; Shift = 1; Message = 'verify aksk signature fail' }
        @{ Case = 'an X-Sdk-Date 20 minutes old'; Key = 'AKCHECK'; Skew = -20; Message = 'more than 15 minutes' }
        @{ Case = 'an X-Sdk-Date 20 minutes ahead'; Key = 'AKCHECK'; Skew = 20; Message = 'more than 15 minutes' }
    ) {
        $useSecret = if ($WrongSecret) { "sk-other-$(New-Guid)" } else { $secret }
        $sent = if ($SentPath) { "/v3/$P/jobs/$SentPath" } else { $path }
        $date = [datetime]::UtcNow.AddMinutes([double]$(if ($Skew) { $Skew } else { 0 }))

        $answer = Invoke-Signed $Key $useSecret $path $sent $date -SentDateShift $(if ($Shift) { $Shift } else { 0 })

        $answer.Status | Should -Be 401
        $answer.Body.error_code | Should -Be 'APIGW.0301'
        $answer.Body.error_msg | Should -Match ([regex]::Escape($Message))
        $answer.Body.request_id | Should -Match '^[0-9a-f]{32}$'
    }

    It 'accepts an X-Sdk-Date 10 minutes off' {
        (Invoke-Signed AKCHECK $secret $path $path ([datetime]::UtcNow.AddMinutes(-10))).Status | Should -Be 200
    }
}

Describe 'Connect-CloudJobService -Credential' {
    BeforeEach {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService
        $password = "pw-$(New-Guid)"
        Add-User alice $password
        $null = New-TestJob @{ id = 'pw-1'; runSeconds = 0 }
        $alice = New-PasswordCredential alice $password
        $signIn = @{ DomainName = 'acme'; IamEndpoint = $emu.Url; Endpoint = $emu.Url }
    }

    It 'signs in at once, by project <Scope>, and later calls send the token IAM issued' -ForEach @(
        @{ Scope = 'id' }
        @{ Scope = 'name' }
    ) {
        $scope = if ($Scope -eq 'id') { @{ ProjectId = $P } } else { @{ ProjectName = 'cn-north-4' } }

        $context = Connect-CloudJobService -Credential $alice @signIn @scope -PassThru

        (Get-User alice).signInCount | Should -Be 1
        $iam = @(Get-TestRequest | Where-Object rawTarget -EQ '/v3/auth/tokens')
        $iam.Count | Should -Be 1
        $iam[0].method | Should -Be 'POST'
        $iam[0].status | Should -Be 201
        $context.AuthenticationMethod | Should -Be 'Password'
        $context.UserName | Should -Be 'alice'
        $context.DomainName | Should -Be 'acme'
        $context.ProjectId | Should -Be $P -Because 'signing in by name tells the project id'
        $context.TokenExpiresAt | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddHours(23))
        ($context | Format-List | Out-String) | Should -Match 'Authentication : Password alice@acme \(Session\)'

        (Get-CloudJob pw-1).Status | Should -Be 'Success'
        (Get-CloudJob pw-1).Status | Should -Be 'Success'

        $jobRequests = @(Get-TestRequest -JobId pw-1)
        $jobRequests.status | Should -Be 200, 200
        $jobRequests.headers.'X-Auth-Token' | Should -Match '^emu-iam-'
        (Get-User alice).signInCount | Should -Be 1 -Because 'a token with time left is reused across calls'
    }

    It 'stops with CloudJobAuthenticationFailed and IAM''s message when the password is wrong, never the password' {
        Connect-CloudJobService -Token 'tok-earlier' -ProjectId $P
        $wrong = "pw-wrong-$(New-Guid)"

        $caught = Get-Caught { Connect-CloudJobService @signIn -Credential (New-PasswordCredential alice $wrong) -ProjectId $P }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobAuthenticationFailed,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $caught.TargetObject | Should -Be 'alice'
        $caught.Exception.Message | Should -Match "refused to sign in user 'alice' of account 'acme'"
        $caught.Exception.Message | Should -Match 'The username or password is wrong\.'
        $caught.Exception.HttpStatus | Should -Be 401
        ($caught | Format-List * -Force | Out-String) + $caught.Exception.ToString() | Should -Not -Match ([regex]::Escape($wrong))
        (Get-CloudJobContext).AuthenticationMethod | Should -Be 'Token' -Because 'a failed connect keeps the earlier session'
        (Get-User alice).failedSignInCount | Should -Be 1
    }

    It 'refuses <Case> before sending anything' -ForEach @(
        @{ Case = 'a plain http IAM endpoint that is not loopback'; Extra = @{ IamEndpoint = 'http://iam.example.invalid'; ProjectId = '09bb24e6fe80d23d2fa2c010b53b418c' }; Pattern = 'password would cross the network unencrypted' }
        @{ Case = 'no project scope'; Extra = @{}; Pattern = 'give -ProjectId or -ProjectName' }
    ) {
        $parameters = $signIn.Clone()
        foreach ($name in $Extra.Keys) { $parameters[$name] = $Extra[$name] }

        $caught = Get-Caught { Connect-CloudJobService -Credential $alice @parameters }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobConnectInvalidArgument,*'
        $caught.Exception.Message | Should -Match $Pattern
        @(Get-TestRequest).Count | Should -Be 0
    }

    It 'renews the token by itself within one Wait-CloudJob, with one sign-in for all the jobs' {
        Add-User shorty $password -LifetimeSeconds 4
        $ids = 1..12 | ForEach-Object { "renew-$_" }
        $null = New-TestJob @($ids | ForEach-Object { @{ id = $_; runSeconds = 8 } })
        Connect-CloudJobService @signIn -Credential (New-PasswordCredential shorty $password) -ProjectId $P
        $started = [datetime]::UtcNow

        $all = @(Wait-CloudJob -JobId $ids -PollIntervalSec 0.25 -Timeout 60 -Verbose 4>&1)
        $jobs = @($all | Where-Object { $_ -is [JobStatus.CloudJob] })

        $elapsed = ([datetime]::UtcNow - $started).TotalSeconds
        $jobs.Count | Should -Be 12
        $jobs.Status | Sort-Object -Unique | Should -Be 'Success'
        $user = Get-User shorty
        # A 4 s token is renewed 0.8 s before its end: about every 3.2 s, however many jobs ask.
        $user.signInCount | Should -BeGreaterOrEqual 3
        $user.signInCount | Should -BeLessOrEqual ([math]::Ceiling($elapsed / 3.2) + 2)
        $jobRequests = @(Get-TestRequest | Where-Object jobId -Like 'renew-*')
        @($jobRequests | Where-Object status -NE 200).Count | Should -Be 0 -Because 'the token is renewed before it expires, never after a refusal'
        @($jobRequests.headers.'X-Auth-Token' | Sort-Object -Unique).Count | Should -Be $user.signInCount
        @($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -like 'Renewed the IAM token; the new one expires at *' }).Count |
            Should -Be ($user.signInCount - 1) -Because 'each renewal is told once in the verbose stream'
    }

    It 'signs in again once when the service says the token expired, and the call succeeds' {
        Connect-CloudJobService -Credential $alice @signIn -ProjectId $P
        $null = Get-CloudJob pw-1
        $first = (Get-TestRequest -JobId pw-1 | Select-Object -Last 1).headers.'X-Auth-Token'
        Set-TestToken $first -State expired

        (Get-CloudJob pw-1 -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message |
            Should -Contain "Job 'pw-1': the token signed in for user 'alice' of account 'acme' had expired; renewed it, sending again."

        $requests = @(Get-TestRequest -JobId pw-1)
        $requests.status | Should -Be 200, 401, 200
        $requests[1].headers.'X-Auth-Token' | Should -BeExactly $first
        $requests[2].headers.'X-Auth-Token' | Should -Not -Be $first
        (Get-User alice).signInCount | Should -Be 2
    }

    It 'stops with CloudJobAuthenticationFailed when the password stops working during a session' {
        Add-User brief $password -LifetimeSeconds 1
        Connect-CloudJobService @signIn -Credential (New-PasswordCredential brief $password) -ProjectId $P
        Add-User brief "pw-changed-$(New-Guid)" -LifetimeSeconds 1
        Start-Sleep -Milliseconds 1100

        $caught = Get-Caught { Get-CloudJob pw-1 }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobAuthenticationFailed,*'
        $caught.Exception.Message | Should -Match 'The username or password is wrong'
        @(Get-TestRequest -JobId pw-1).Count | Should -Be 0 -Because 'no request is sent without a token'
    }
}

Describe 'Access keys from the environment and the credentials file' {
    BeforeEach {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService
        $secret = "sk-$(New-Guid)"
        $null = New-TestJob @{ id = 'env-1'; runSeconds = 0 }
        $conn = @{ ProjectId = $P; Endpoint = $emu.Url }
    }

    It 'signs with <AkVariable> and <SkVariable>, and <TokenVariable> when set' -ForEach @(
        @{ AkVariable = 'HUAWEICLOUD_SDK_AK'; SkVariable = 'HUAWEICLOUD_SDK_SK'; TokenVariable = 'HUAWEICLOUD_SDK_SECURITY_TOKEN' }
        @{ AkVariable = 'HW_ACCESS_KEY'; SkVariable = 'HW_SECRET_KEY'; TokenVariable = 'HW_SECURITY_TOKEN' }
    ) {
        $securityToken = "st-$(New-Guid)"
        Add-AccessKey AKENV $secret $securityToken
        Set-Item "env:$AkVariable" 'AKENV'
        Set-Item "env:$SkVariable" $secret
        Set-Item "env:$TokenVariable" $securityToken

        (Get-CloudJob env-1 @conn).Status | Should -Be 'Success'

        $context = Get-CloudJobContext
        $context.AuthenticationMethod | Should -Be 'AccessKey'
        $context.AccessKeyId | Should -Be 'AKENV'
        $context.CredentialSource | Should -Be "Environment:$AkVariable"
        $context.SecretAccessKeySource | Should -Be "Environment:$SkVariable"
        $context.SecurityTokenSource | Should -Be "Environment:$TokenVariable"
        (Get-TestRequest -JobId env-1).headers.'X-Security-Token' | Should -BeExactly $securityToken
    }

    It 'reads ak, sk and project_id from the file named by HUAWEICLOUD_SDK_CREDENTIALS_FILE' {
        Add-AccessKey AKFILE $secret
        $file = Write-CredentialsFile (Join-Path $TestDrive 'named/credentials') "[basic]`nak = AKFILE`nsk = $secret`nproject_id = $P`n"
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file

        (Get-CloudJob env-1 -Endpoint $emu.Url).Status | Should -Be 'Success'

        $context = Get-CloudJobContext
        $context.CredentialSource | Should -Be "File:$file"
        $context.ProjectIdSource | Should -Be "File:$file"
        (Get-TestRequest -JobId env-1).headers.Authorization | Should -Match '^SDK-HMAC-SHA256 Access=AKFILE,'
    }

    It 'reads ~/.huaweicloud/credentials by default' {
        Add-AccessKey AKHOME $secret
        $file = Write-CredentialsFile (Join-Path $fakeHome '.huaweicloud/credentials') "[global]`nak = AKGLOBAL`nsk = other`n[basic]`nak = AKHOME`nsk = $secret`n"

        (Get-CloudJob env-1 @conn).Status | Should -Be 'Success'

        (Get-CloudJobContext).CredentialSource | Should -Be "File:$file"
        (Get-TestRequest -JobId env-1).headers.Authorization | Should -Match '^SDK-HMAC-SHA256 Access=AKHOME,'
    }

    It 'follows the order token, SDK keys, Terraform keys, file; the session and parameters come before all' {
        foreach ($key in 'AKSDK', 'AKTF', 'AKFILE', 'AKSESSION') { Add-AccessKey $key $secret }
        Set-TestToken 'tok-env-order'
        $env:HW_AUTH_TOKEN = 'tok-env-order'
        $env:HUAWEICLOUD_SDK_AK = 'AKSDK'; $env:HUAWEICLOUD_SDK_SK = $secret
        $env:HW_ACCESS_KEY = 'AKTF'; $env:HW_SECRET_KEY = $secret
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Write-CredentialsFile (Join-Path $TestDrive 'order/credentials') "[basic]`nak = AKFILE`nsk = $secret`n"

        $seen = foreach ($step in 'token', 'sdk', 'terraform', 'file') {
            $null = Get-CloudJob env-1 @conn
            $last = Get-TestRequest -JobId env-1 | Select-Object -Last 1
            if ($last.headers.PSObject.Properties['X-Auth-Token']) { $last.headers.'X-Auth-Token' } else { ($last.headers.Authorization -split '[ ,=]')[2] }
            switch ($step) {
                'token' { $env:HW_AUTH_TOKEN = $null }
                'sdk' { $env:HUAWEICLOUD_SDK_AK = $null; $env:HUAWEICLOUD_SDK_SK = $null }
                'terraform' { $env:HW_ACCESS_KEY = $null; $env:HW_SECRET_KEY = $null }
            }
        }
        $seen | Should -Be 'tok-env-order', 'AKSDK', 'AKTF', 'AKFILE'

        Connect-CloudJobService -AccessKeyId AKSESSION -SecretAccessKey $secret
        $null = Get-CloudJob env-1 @conn
        (Get-TestRequest -JobId env-1 | Select-Object -Last 1).headers.Authorization | Should -Match 'Access=AKSESSION,'
        $null = Get-CloudJob env-1 @conn -Token 'tok-env-order'
        (Get-TestRequest -JobId env-1 | Select-Object -Last 1).headers.'X-Auth-Token' | Should -Be 'tok-env-order'
    }

    It 'stops with CloudJobCredentialIncomplete naming <Missing> when only <Set> is set, and sends nothing' -ForEach @(
        @{ Set = 'HUAWEICLOUD_SDK_AK'; Missing = 'HUAWEICLOUD_SDK_SK' }
        @{ Set = 'HUAWEICLOUD_SDK_SK'; Missing = 'HUAWEICLOUD_SDK_AK' }
        @{ Set = 'HW_ACCESS_KEY'; Missing = 'HW_SECRET_KEY' }
        @{ Set = 'HW_SECRET_KEY'; Missing = 'HW_ACCESS_KEY' }
    ) {
        Add-AccessKey AKFILE $secret
        # A complete pair further down must not be used instead.
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Write-CredentialsFile (Join-Path $TestDrive 'half/credentials') "[basic]`nak = AKFILE`nsk = $secret`n"
        Set-Item "env:$Set" 'half-value-1234'

        $caught = Get-Caught { Get-CloudJob env-1 @conn }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobCredentialIncomplete,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -Match "$Set is set but $Missing is not"
        $caught.Exception.Message | Should -Not -Match 'half-value-1234'
        @(Get-TestRequest).Count | Should -Be 0
        (Get-CloudJobContext).Problem | Should -Match "$Missing is not"
    }

    It 'stops with CloudJobCredentialIncomplete for a credentials file with ak and no sk' {
        $file = Write-CredentialsFile (Join-Path $fakeHome '.huaweicloud/credentials') "[basic]`nak = AKHALF`n"

        $caught = Get-Caught { Get-CloudJob env-1 @conn }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobCredentialIncomplete,*'
        $caught.Exception.Message | Should -Match ([regex]::Escape("The credentials file $file has ak but no sk"))
    }

    It 'stops when HUAWEICLOUD_SDK_CREDENTIALS_FILE names a file that does not exist' {
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path $TestDrive 'missing/credentials'

        $caught = Get-Caught { Get-CloudJob env-1 @conn }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobCredentialIncomplete,*'
        $caught.Exception.Message | Should -Match 'HUAWEICLOUD_SDK_CREDENTIALS_FILE names the file .* which does not exist'
    }

    It 'lists every way to give a credential when there is none' {
        $caught = Get-Caught { Get-CloudJob env-1 @conn }

        $caught.FullyQualifiedErrorId | Should -BeLike 'CloudJobTokenMissing,*'
        foreach ($way in '-Token', '-Credential', '-AccessKeyId', 'HW_AUTH_TOKEN', 'HUAWEICLOUD_SDK_AK', 'HW_ACCESS_KEY', '~/.huaweicloud/credentials') {
            $caught.Exception.Message | Should -Match ([regex]::Escape($way))
        }
    }
}

Describe 'No secret key, password, security token or issued token is ever shown' {
    BeforeAll {
        Reset-TestEmulator
        Clear-CredentialEnvironment
        Disconnect-CloudJobService

        $secret = "sk-sweep-$(New-Guid)"
        $wrongSecret = "sk-sweep-wrong-$(New-Guid)"
        $securityToken = "st-sweep-$(New-Guid)"
        $password = "pw-sweep-$(New-Guid)"
        $wrongPassword = "pw-sweep-wrong-$(New-Guid)"
        Add-AccessKey AKSWEEP $secret $securityToken
        Add-User sweeper $password -LifetimeSeconds 2
        $null = New-TestJob @{ id = 'ok-1'; runSeconds = 0 }, @{ id = 'slow-1'; runSeconds = 3 }

        $calls = {
            param([string]$Url, [string]$P, [string]$Secret, [string]$WrongSecret, [string]$SecurityToken, [string]$Password, [string]$WrongPassword)
            $ErrorActionPreference = 'Continue'
            $loud = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue' }
            function Cred([string]$Text) { [pscredential]::new('sweeper', (ConvertTo-SecureString $Text -AsPlainText -Force)) }
            try {
                Connect-CloudJobService -AccessKeyId AKSWEEP -SecretAccessKey $Secret -SecurityToken $SecurityToken -ProjectId $P -Endpoint $Url -PassThru @loud
                Get-CloudJob ok-1, missing-1 @loud
                Wait-CloudJob -JobId ok-1 -PollIntervalSec 0.1 @loud
                (Get-CloudJobContext).ToString()
                Connect-CloudJobService -AccessKeyId AKSWEEP -SecretAccessKey $WrongSecret -SecurityToken $SecurityToken -ProjectId $P -Endpoint $Url
                try { Get-CloudJob ok-1 @loud } catch { Write-Error -ErrorRecord $_ }

                Disconnect-CloudJobService
                $env:HUAWEICLOUD_SDK_AK = 'AKSWEEP'; $env:HUAWEICLOUD_SDK_SK = $Secret; $env:HUAWEICLOUD_SDK_SECURITY_TOKEN = $SecurityToken
                Get-CloudJob ok-1 -ProjectId $P -Endpoint $Url @loud
                Get-CloudJobContext
                $env:HUAWEICLOUD_SDK_AK = $null; $env:HUAWEICLOUD_SDK_SK = $null; $env:HUAWEICLOUD_SDK_SECURITY_TOKEN = $null

                Connect-CloudJobService -Credential (Cred $Password) -DomainName acme -ProjectName cn-north-4 -IamEndpoint $Url -Endpoint $Url -PassThru @loud
                Get-CloudJob ok-1, missing-1 @loud
                Wait-CloudJob -JobId slow-1 -PollIntervalSec 0.2 @loud
                Get-CloudJobContext
                (Get-CloudJobContext).ToString()
                try { Connect-CloudJobService -Credential (Cred $WrongPassword) -DomainName acme -ProjectName cn-north-4 -IamEndpoint $Url @loud } catch { Write-Error -ErrorRecord $_ }
            }
            finally {
                Disconnect-CloudJobService
            }
        }
        $arguments = @{ Url = $emu.Url; P = $P; Secret = $secret; WrongSecret = $wrongSecret; SecurityToken = $securityToken; Password = $password; WrongPassword = $wrongPassword }

        $Error.Clear()
        $captured = @(& $calls @arguments *>&1)
        $errors = @($Error)

        # Again in a runspace of its own under Start-Transcript, as a console would record it.
        $transcriptPath = Join-Path $TestDrive 'credentials-transcript.txt'
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $Calls, $Arguments, $TranscriptPath)
                    Import-Module $ModulePath -ErrorAction Stop
                    $null = Start-Transcript -LiteralPath $TranscriptPath -Force
                    try {
                        $output = @(& ([scriptblock]::Create($Calls)) @Arguments)
                        $output | Out-Host
                        $output | Where-Object { $_ -is [JobStatus.CloudJobContext] } | Format-List * | Out-Host
                    }
                    finally { $null = Stop-Transcript }
                }.ToString()).AddParameters(@{
                    ModulePath = (Resolve-Path (Get-JobStatusModulePath)).Path; Calls = $calls.ToString(); Arguments = $arguments; TranscriptPath = $transcriptPath
                })
            $null = $ps.Invoke()
            if ($ps.InvocationStateInfo.Reason) { throw $ps.InvocationStateInfo.Reason }
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
        }
        $transcript = Get-Content -Raw -LiteralPath $transcriptPath
        $requests = @(Get-TestRequest)

        # The tokens IAM issued are secrets too; they are known only from what the emulator received.
        $issued = @($requests.headers | Where-Object { $_.PSObject.Properties['X-Auth-Token'] } | ForEach-Object { $_.'X-Auth-Token' } | Sort-Object -Unique)
        $secrets = @($secret, $wrongSecret, $securityToken, $password, $wrongPassword) + $issued

        function Assert-Clean([string]$Text, [string]$Where, [string[]]$Hidden = $secrets) {
            $Text | Should -Not -BeNullOrEmpty -Because "$Where should have been produced"
            foreach ($hiddenText in $Hidden) {
                $Text.Contains($hiddenText) | Should -BeFalse -Because "no secret may appear in $Where"
            }
        }
    }

    It 'ran every path it is meant to check' {
        $ids = @($captured | Where-Object { $_ -is [Management.Automation.ErrorRecord] } | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
        $ids | Should -Contain 'CloudJobNotFound'
        @($ids | Where-Object { $_ -eq 'CloudJobAuthenticationFailed' }).Count | Should -Be 2 -Because 'a wrong secret key and a wrong password'
        @($captured | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 5
        @($captured | Where-Object { $_ -is [Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
        @($captured | Where-Object { $_ -is [JobStatus.CloudJobContext] }).Count | Should -Be 4
        $issued.Count | Should -BeGreaterOrEqual 2 -Because 'the 2 s token was renewed during the 3 s wait'
        (Get-User sweeper).signInCount | Should -Be $issued.Count
        $transcript | Should -Match 'VERBOSE: Signed in to IAM'
        $transcript | Should -Match 'The username or password is wrong'
    }

    It 'is not in any output stream, verbose or debug message' {
        Assert-Clean ($captured | Out-String -Width 400) 'the captured streams'
        foreach ($record in $captured | Where-Object { $_ -is [Management.Automation.InformationalRecord] }) {
            Assert-Clean $record.Message 'a verbose or debug message'
        }
    }

    It 'is not in $Error, its exceptions or what the service said' {
        Assert-Clean ($errors | Out-String -Width 400) '$Error'
        Assert-Clean ($errors | Format-List * -Force | Out-String -Width 400) '$Error | Format-List * -Force'
        foreach ($record in $errors) {
            Assert-Clean $record.Exception.ToString() 'an exception'
            if ($record.Exception.PSObject.Properties['Failure'] -and $record.Exception.Failure) {
                Assert-Clean ($record.Exception.Failure | Format-List * | Out-String -Width 400) 'a failure'
            }
        }
    }

    It 'is not in the transcript' {
        Assert-Clean $transcript 'the transcript'
    }

    It 'is not in the context objects, formatted, as JSON or as text' {
        foreach ($context in $captured | Where-Object { $_ -is [JobStatus.CloudJobContext] }) {
            Assert-Clean ($context | Format-List * | Out-String -Width 400) 'a context as a list'
            Assert-Clean ($context | Format-List | Out-String -Width 400) 'the context view'
            Assert-Clean ($context | ConvertTo-Json -Depth 3) 'a context as JSON'
            Assert-Clean $context.ToString() 'a context''s ToString()'
        }
    }

    It 'reached the emulator only where it belongs: secret keys and passwords nowhere, tokens only in their header' {
        $requests.Count | Should -BeGreaterThan 5
        foreach ($request in $requests) {
            Assert-Clean $request.rawTarget 'a request URL'
            foreach ($header in $request.headers.PSObject.Properties) {
                $allowed = switch ($header.Name) { 'X-Auth-Token' { $issued } 'X-Security-Token' { @($securityToken) } default { @() } }
                Assert-Clean "$($header.Name): $($header.Value)" "the $($header.Name) header" @($secrets | Where-Object { $_ -notin $allowed })
            }
        }
        @($requests | Where-Object rawTarget -EQ '/v3/auth/tokens').Count | Should -BeGreaterOrEqual 3
    }
}

Describe 'Users and access keys from the emulator''s command line and scenario' {
    BeforeAll {
        $scenario = Join-Path $TestDrive 'auth-scenario.json'
        Set-Content -LiteralPath $scenario -Value (ConvertTo-Json -Depth 5 @{
                users      = @(@{ domain = 'acme'; name = 'from-scenario'; password = 'pw-scenario-1'; tokenLifetimeSeconds = 60 })
                accessKeys = @(@{ accessKey = 'AKSCENARIO'; secretKey = 'sk-scenario-1' })
            })
        $second = Start-TestEmulator -Scenario $scenario -Argument '--user', 'acme:from-cli:pw:with:colons', '--access-key', 'AKCLI:sk-cli-1:st-cli-1', '--token-lifetime', '7.5'
        function Get-Second([string]$Path) { Invoke-RestMethod "$($second.Url)/_emulator$Path" -NoProxy | ForEach-Object { $_ } }
    }

    AfterAll { Stop-TestEmulator $second }

    It 'registers both, with the command line''s token lifetime as the default, and again after a reset' {
        foreach ($round in 1, 2) {
            $users = @(Get-Second /users)
            ($users | Where-Object name -EQ 'from-cli').tokenLifetimeSeconds | Should -Be 7.5
            ($users | Where-Object name -EQ 'from-scenario').tokenLifetimeSeconds | Should -Be 60
            $keys = @(Get-Second /accesskeys)
            ($keys | Where-Object accessKey -EQ 'AKCLI').temporary | Should -BeTrue
            ($keys | Where-Object accessKey -EQ 'AKSCENARIO').temporary | Should -BeFalse
            $null = Invoke-RestMethod "$($second.Url)/_emulator/reset" -Method Post -NoProxy
        }
    }

    It 'lets a user from the command line sign in with a password that contains colons' {
        Disconnect-CloudJobService
        $credential = New-PasswordCredential from-cli 'pw:with:colons'

        $context = Connect-CloudJobService -Credential $credential -DomainName acme -ProjectId $P -IamEndpoint $second.Url -Endpoint $second.Url -PassThru

        $context.TokenExpiresAt | Should -BeLessOrEqual ([datetimeoffset]::UtcNow.AddSeconds(8))
        (Get-Second /users | Where-Object name -EQ 'from-cli').signInCount | Should -Be 1
        Disconnect-CloudJobService
    }
}
