# The emulator's job APIs of every service, checked over HTTP from the raw bodies: each answer must
# be readable by the vendor's SDK response model, field for field. The models are data, one file a
# service in SdkModels/ (written from the research notes, each citing the SDK model files), so this
# file checks the emulator against the vendor, not against itself.
#
# A model node is {"type": T} where T is string, number, boolean, object or array (or a list of
# them where the sources disagree), with optional "properties" (the declared fields: any other is a
# finding), "required", "additionalProperties" (true: a free-form object; a node: a map of those),
# "items" (an array's elements), "enum" (the allowed words, matched with case), "nullable" (true
# where the vendor's example holds null) and "$ref" (a node of "definitions"). The root is "root".

BeforeDiscovery {
    # What each service's job API looks like, from the SDK models and examples docs/Services.md cites: where each fact sits in
    # the answer ('job.instance.id'), its words, and its time shape. A null path: the answer has no
    # such field.
    $ServiceCases = @(
        @{
            Name = 'CFW'; Path = '/v3/{p}/jobs/{j}'; Model = 'cfw'; Id = 'data.id'; Status = 'data.status'
            Running = 'Running'; Success = 'Success'; Failure = 'Failed'
            Begin = 'data.begin_time'; End = 'data.end_time'; TimeKind = 'Number'; TimePattern = '^\d{13}$'; EndWhileRunning = '<absent>'
            ErrorCode = 'error_code'; ErrorMsg = 'error_msg'; JobType = $null; JobTypeDefault = $null; ResourceId = $null; ResourcePattern = $null
        }
        @{
            Name = 'RDS'; Path = '/v3/{p}/jobs?id={j}'; Model = 'rds'; Id = 'job.id'; Status = 'job.status'
            Running = 'Running'; Success = 'Completed'; Failure = 'Failed'
            Begin = 'job.created'; End = 'job.ended'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$'; EndWhileRunning = '<absent>'
            ErrorCode = $null; ErrorMsg = 'job.fail_reason'; JobType = 'job.name'; JobTypeDefault = 'CreateMysqlSingleHAInstance'
            ResourceId = 'job.instance.id'; ResourcePattern = '^[0-9a-f]{32}in01$'
        }
        @{
            Name = 'GaussDB'; Path = '/v3/{p}/jobs?id={j}'; Model = 'gaussdb'; Id = 'job.id'; Status = 'job.status'
            Running = 'Running'; Success = 'Completed'; Failure = 'Failed'
            Begin = 'job.created'; End = 'job.ended'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0800$'; EndWhileRunning = ''
            ErrorCode = $null; ErrorMsg = 'job.fail_reason'; JobType = 'job.name'; JobTypeDefault = 'CreateGaussDBforMySQLInstance'
            ResourceId = 'job.instance.id'; ResourcePattern = '^[0-9a-f]{32}in07$'
        }
        @{
            Name = 'DDS'; Path = '/v3/{p}/jobs?id={j}'; Model = 'dds'; Id = 'job.id'; Status = 'job.status'
            Running = 'Running'; Success = 'Completed'; Failure = 'Failed'
            Begin = 'job.created'; End = 'job.ended'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$'; EndWhileRunning = ''
            ErrorCode = $null; ErrorMsg = 'job.fail_reason'; JobType = 'job.name'; JobTypeDefault = 'Create_MongoDB'
            ResourceId = 'job.instance.id'; ResourcePattern = '^[0-9a-f]{32}in02$'
        }
        @{
            Name = 'CCE'; Path = '/api/v3/projects/{p}/jobs/{j}'; Model = 'cce'; Id = 'metadata.uid'; Status = 'status.phase'
            Running = 'Running'; Success = 'Success'; Failure = 'Failed'
            # Go's time.String(); the API has no end time, and a running job's updateTimestamp is its last change.
            Begin = 'metadata.creationTimestamp'; End = 'metadata.updateTimestamp'; TimeKind = 'String'
            TimePattern = '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? \+0000 UTC$'; EndWhileRunning = '<begin>'
            ErrorCode = $null; ErrorMsg = 'status.reason'; JobType = 'spec.type'; JobTypeDefault = 'CreateCluster'
            ResourceId = 'spec.resourceID'; ResourcePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }
        @{
            Name = 'ELB'; Path = '/v3/{p}/elb/jobs/{j}'; Model = 'elb'; Id = 'job.job_id'; Status = 'job.status'
            Running = 'RUNNING'; Success = 'COMPLETE'; Failure = 'FAIL'
            Begin = 'job.begin_time'; End = 'job.end_time'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'; EndWhileRunning = '<absent>'
            ErrorCode = 'job.error_code'; ErrorMsg = 'job.error_msg'; JobType = 'job.job_type'; JobTypeDefault = 'UPGRADE'
            ResourceId = 'job.resource_id'; ResourcePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }
        @{
            Name = 'ECS'; Path = '/v1/{p}/jobs/{j}'; Model = 'ecs'; Id = 'job_id'; Status = 'status'
            Running = 'RUNNING'; Success = 'SUCCESS'; Failure = 'FAIL'
            Begin = 'begin_time'; End = 'end_time'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'; EndWhileRunning = ''
            ErrorCode = 'error_code'; ErrorMsg = 'fail_reason'; JobType = 'job_type'; JobTypeDefault = 'createServer'
            ResourceId = 'entities.server_id'; ResourcePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }
        @{
            Name = 'BMS'; Path = '/v1/{p}/jobs/{j}'; Model = 'bms'; Id = 'job_id'; Status = 'status'
            Running = 'RUNNING'; Success = 'SUCCESS'; Failure = 'FAIL'
            Begin = 'begin_time'; End = 'end_time'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'; EndWhileRunning = ''
            ErrorCode = 'error_code'; ErrorMsg = 'fail_reason'; JobType = 'job_type'; JobTypeDefault = 'baremetalBatchCreate'
            ResourceId = 'entities.server_id'; ResourcePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }
        @{
            Name = 'EVS'; Path = '/v1/{p}/jobs/{j}'; Model = 'evs'; Id = 'job_id'; Status = 'status'
            Running = 'RUNNING'; Success = 'SUCCESS'; Failure = 'FAIL'
            Begin = 'begin_time'; End = 'end_time'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'; EndWhileRunning = ''
            ErrorCode = 'error_code'; ErrorMsg = 'fail_reason'; JobType = 'job_type'; JobTypeDefault = 'createVolume'
            ResourceId = 'entities.volume_id'; ResourcePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }
        @{
            Name = 'IMS'; Path = '/v1/{p}/jobs/{j}'; Model = 'ims'; Id = 'job_id'; Status = 'status'
            Running = 'RUNNING'; Success = 'SUCCESS'; Failure = 'FAIL'
            Begin = 'begin_time'; End = 'end_time'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'; EndWhileRunning = ''
            ErrorCode = 'error_code'; ErrorMsg = 'fail_reason'; JobType = 'job_type'; JobTypeDefault = 'imsImportImageJob'
            ResourceId = 'entities.image_id'; ResourcePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }
        @{
            Name = 'VPC'; Path = '/v1/{p}/jobs/{j}'; Model = 'vpc'; Id = 'job_id'; Status = 'status'
            Running = 'RUNNING'; Success = 'SUCCESS'; Failure = 'FAIL'
            Begin = 'begin_time'; End = 'end_time'; TimeKind = 'String'; TimePattern = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'; EndWhileRunning = ''
            ErrorCode = 'error_code'; ErrorMsg = 'fail_reason'; JobType = 'job_type'; JobTypeDefault = 'createBatchPublicip'
            ResourceId = $null; ResourcePattern = $null
        }
        @{
            Name = 'DCS'; Path = '/v2/{p}/jobs/{j}'; Model = 'dcs'; Id = 'job_id'; Status = 'status'
            Running = 'RUNNING'; Success = 'SUCCESS'; Failure = 'FAIL'
            Begin = 'begin_time'; End = 'end_time'; TimeKind = 'String'; TimePattern = '^\d{13}$'; EndWhileRunning = ''
            ErrorCode = $null; ErrorMsg = 'fail_reason'; JobType = 'job_type'; JobTypeDefault = 'masterStandbySwapJob'; ResourceId = $null; ResourcePattern = $null
        }
    )

    # Where the sub-jobs sit, and the fields of each, for the services whose jobs have them.
    $SubJobCases = @(
        @{
            Name = 'CCE'; Path = '/api/v3/projects/{p}/jobs/{j}'; Model = 'cce'; Status = 'status.phase'; Running = 'Running'
            SubJobs = 'spec.subJobs'; SubId = 'metadata.uid'; SubStatus = 'status.phase'; SubRunning = 'Running'; SubSuccess = 'Success'; SubFailure = 'Failed'
            SubResource = 'spec.resourceID'; SubErrorCode = $null; SubErrorMsg = 'status.reason'; SubTotal = $null
        }
        @{
            Name = 'ELB'; Path = '/v3/{p}/elb/jobs/{j}'; Model = 'elb'; Status = 'job.status'; Running = 'RUNNING'
            SubJobs = 'job.sub_jobs'; SubId = 'job_id'; SubStatus = 'status'; SubRunning = 'RUNNING'; SubSuccess = 'SUCCESS'; SubFailure = 'FAIL'
            SubResource = 'resource_id'; SubErrorCode = 'error_code'; SubErrorMsg = 'error_msg'; SubTotal = $null
        }
        @{
            Name = 'ECS'; Path = '/v1/{p}/jobs/{j}'; Model = 'ecs'; Status = 'status'; Running = 'RUNNING'
            SubJobs = 'entities.sub_jobs'; SubId = 'job_id'; SubStatus = 'status'; SubRunning = 'RUNNING'; SubSuccess = 'SUCCESS'; SubFailure = 'FAIL'
            SubResource = 'entities.server_id'; SubErrorCode = 'error_code'; SubErrorMsg = 'fail_reason'; SubTotal = 'entities.sub_jobs_total'
        }
        @{
            Name = 'BMS'; Path = '/v1/{p}/jobs/{j}'; Model = 'bms'; Status = 'status'; Running = 'RUNNING'
            SubJobs = 'entities.sub_jobs'; SubId = 'job_id'; SubStatus = 'status'; SubRunning = 'RUNNING'; SubSuccess = 'SUCCESS'; SubFailure = 'FAIL'
            SubResource = 'entities.server_id'; SubErrorCode = 'error_code'; SubErrorMsg = 'fail_reason'; SubTotal = 'entities.sub_jobs_total'
        }
        @{
            Name = 'EVS'; Path = '/v1/{p}/jobs/{j}'; Model = 'evs'; Status = 'status'; Running = 'RUNNING'
            SubJobs = 'entities.sub_jobs'; SubId = 'job_id'; SubStatus = 'status'; SubRunning = 'RUNNING'; SubSuccess = 'SUCCESS'; SubFailure = 'FAIL'
            SubResource = 'entities.volume_id'; SubErrorCode = 'error_code'; SubErrorMsg = 'fail_reason'; SubTotal = $null
        }
        @{
            Name = 'IMS'; Path = '/v1/{p}/jobs/{j}'; Model = 'ims'; Status = 'status'; Running = 'RUNNING'
            SubJobs = 'entities.sub_jobs_result'; SubId = 'job_id'; SubStatus = 'status'; SubRunning = 'RUNNING'; SubSuccess = 'SUCCESS'; SubFailure = 'FAIL'
            SubResource = 'entities.image_id'; SubErrorCode = 'error_code'; SubErrorMsg = 'fail_reason'; SubTotal = $null
        }
    )

    # The 404 of each path for a job nobody holds, in its API's own error shape.
    $NotFoundCases = @(
        @{ Api = 'CFW'; Path = '/v3/{p}/jobs/{j}'; Fields = 'error_code', 'error_msg', 'request_id'; CodeAt = 'error_code'; Code = 'CFW.00404001' }
        @{ Api = 'ECS/BMS/EVS/IMS/VPC'; Path = '/v1/{p}/jobs/{j}'; Fields = , 'error'; CodeAt = 'error.code'; Code = 'Common.0404' }
        @{ Api = 'RDS/GaussDB/DDS'; Path = '/v3/{p}/jobs?id={j}'; Fields = 'error_code', 'error_msg'; CodeAt = 'error_code'; Code = 'DBS.00404001' }
        @{ Api = 'CCE'; Path = '/api/v3/projects/{p}/jobs/{j}'; Fields = 'errorMessage', 'errorCode'; CodeAt = 'errorCode'; Code = 'CCE.01404001' }
        @{ Api = 'ELB'; Path = '/v3/{p}/elb/jobs/{j}'; Fields = 'error_code', 'error_msg', 'request_id'; CodeAt = 'error_code'; Code = 'ELB.00404001' }
        @{ Api = 'DCS'; Path = '/v2/{p}/jobs/{j}'; Fields = 'error_code', 'error_msg'; CodeAt = 'error_code'; Code = 'DCS.4404' }
    )
    # Every service of the module's catalog, as the emulator serves it (GET /_emulator/services): a
    # service that joins the catalog is tested below without a line of this file changing.
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $discoveryEmulator = Start-TestEmulator
    try {
        # Invoke-RestMethod writes a JSON array as one object: the assignment and foreach enumerate it.
        $services = Invoke-RestMethod "$($discoveryEmulator.Url)/_emulator/services" -NoProxy
        $CatalogCases = @($services | ForEach-Object { $_ } | ForEach-Object {
                @{
                    Name = $_.name; Template = $_.pathTemplate; Scope = $_.scope; OwnerParameter = $_.ownerParameter; OwnerPlaceholder = $_.ownerPlaceholder; OwnerHeader = $_.ownerHeader
                    Running = $_.runningStatus; Success = $_.successStatus; Failure = $_.failureStatus
                    RunningMeans = $_.runningMeans; SuccessMeans = $_.successMeans; FailureMeans = $_.failureMeans; StatusType = $_.statusType
                    IdType = $_.idType
                }
            })
    }
    finally {
        Stop-TestEmulator $discoveryEmulator
    }
    $ScopedCases = @($CatalogCases | Where-Object { $_.OwnerParameter -or $_.Scope -eq 'domain' })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator

    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $AllNames = 'CFW', 'ECS', 'BMS', 'EVS', 'IMS', 'VPC', 'RDS', 'GaussDB', 'DDS', 'CCE', 'ELB', 'DCS'

    function Get-Target([string]$Template, [string]$JobId) {
        $Template.Replace('{p}', $P).Replace('{j}', [uri]::EscapeDataString($JobId))
    }

    function Get-Raw([string]$Target, [string]$Method = 'GET', [hashtable]$Headers = @{ 'X-Auth-Token' = 'emulator-token' }) {
        # The answer as sent: status, raw text, and the parsed JSON (System.Text.Json keeps the JSON types).
        $response = Invoke-WebRequest "$($emu.Url)$Target" -Method $Method -Headers $Headers -NoProxy -SkipHttpErrorCheck -SkipHeaderValidation
        $text = [string]$response.Content
        [pscustomobject]@{
            Status  = [int]$response.StatusCode
            Content = $text
            Json    = if ($text) { [Text.Json.JsonDocument]::Parse($text).RootElement } else { $null }
            Allow   = [string]$response.Headers['Allow']
        }
    }

    function Get-At([Text.Json.JsonElement]$Element, [string]$Path) {
        # The element at a dotted path ('job.sub_jobs[1].status'); $null when a step is missing.
        $current = $Element
        foreach ($step in $Path.Split('.')) {
            $index = $null
            if ($step -match '^(.*)\[(\d+)\]$') { $step = $Matches[1]; $index = [int]$Matches[2] }
            if ($step) {
                $next = [Text.Json.JsonElement]::new()
                if ($current.ValueKind -ne 'Object' -or -not $current.TryGetProperty($step, [ref]$next)) { return $null }
                $current = $next
            }
            if ($null -ne $index) {
                if ($current.ValueKind -ne 'Array' -or $current.GetArrayLength() -le $index) { return $null }
                $current = $current[$index]
            }
        }
        , $current
    }

    function Get-Value([Text.Json.JsonElement]$Element, [string]$Path) {
        # A field as text: '<absent>', '<null>', a string's value, or the raw JSON of anything else.
        $found = Get-At $Element $Path
        if ($null -eq $found) { return '<absent>' }
        switch ($found.ValueKind) {
            'Null' { '<null>' }
            'String' { $found.GetString() }
            default { $found.GetRawText() }
        }
    }

    function Read-SdkModel([string]$Name) {
        Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot "SdkModels/$Name.json") | ConvertFrom-Json
    }

    function Get-Member([object]$Object, [string]$Name) {
        # A property by its exact name: JSON names are case-sensitive (resourceID is not resourceId).
        if ($null -eq $Object) { return $null }
        $Object.PSObject.Properties | Where-Object { $_.Name -ceq $Name } | Select-Object -First 1
    }

    function Test-SdkModel([Text.Json.JsonElement]$Element, $Node, $Model, [string]$Where = '$') {
        # Every way $Element departs from the model node, one line each; none: readable field for field.
        $ref = Get-Member $Node '$ref'
        if ($ref) { $Node = (Get-Member $Model.definitions $ref.Value).Value }
        $kind = [string]$Element.ValueKind
        if ($kind -eq 'Null') {
            if (-not (Get-Member $Node 'nullable')) { "$Where is null, which the model does not allow" }
            return
        }
        $type = @{ String = 'string'; Number = 'number'; True = 'boolean'; False = 'boolean'; Object = 'object'; Array = 'array' }[$kind]
        if ($type -cnotin @($Node.type)) { "$Where is a JSON $type; the model declares $(@($Node.type) -join ' or ')"; return }
        if ($type -eq 'string' -and (Get-Member $Node 'enum') -and $Element.GetString() -cnotin @($Node.enum)) {
            "$Where is '$($Element.GetString())', not one of the model's words ($(@($Node.enum) -join ', '))"
        }
        if ($type -eq 'object') {
            $seen = [Collections.Generic.List[string]]::new()
            $declared = Get-Member $Node 'properties'
            $extra = Get-Member $Node 'additionalProperties'
            foreach ($field in $Element.EnumerateObject()) {
                $seen.Add($field.Name)
                $fieldNode = if ($declared) { Get-Member $declared.Value $field.Name }
                if ($fieldNode) { Test-SdkModel $field.Value $fieldNode.Value $Model "$Where.$($field.Name)" }
                elseif ($extra -and $extra.Value -is [bool]) { if (-not $extra.Value) { "$Where.$($field.Name) is not declared by the model" } }
                elseif ($extra) { Test-SdkModel $field.Value $extra.Value $Model "$Where.$($field.Name)" }
                else { "$Where.$($field.Name) is not declared by the model" }
            }
            foreach ($name in @((Get-Member $Node 'required').Value | Where-Object { $_ })) {
                if (-not $seen.Contains($name)) { "$Where.$name is required by the model but missing" }
            }
        }
        if ($type -eq 'array') {
            $i = 0
            foreach ($item in $Element.EnumerateArray()) { Test-SdkModel $item $Node.items $Model "$Where[$i]"; $i++ }
        }
    }

    function Assert-ReadableBySdk([pscustomobject]$Answer, [string]$ModelName) {
        $model = Read-SdkModel $ModelName
        $findings = @(Test-SdkModel $Answer.Json $model.root $model)
        $findings -join "`n" | Should -BeNullOrEmpty -Because "the $($model.service) SDK model must read $($Answer.Content)"
    }

    function Invoke-Signed([string]$AccessKey, [string]$SecretKey, [string]$SignedTarget, [string]$SentTarget) {
        # Signs by hand with the module's signer (the emulator verifies with its own code).
        $path, $query = $SignedTarget.Split('?', 2)
        $sdkDate = [datetime]::UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", [cultureinfo]::InvariantCulture)
        $headers = [Collections.Generic.List[Collections.Generic.KeyValuePair[string, string]]]::new()
        $headers.Add([Collections.Generic.KeyValuePair[string, string]]::new('Host', ([uri]$emu.Url).Authority))
        $headers.Add([Collections.Generic.KeyValuePair[string, string]]::new('X-Sdk-Date', $sdkDate))
        $authorization = [JobStatus.Connection.Signing.SdkHmacSigner]::Authorization(
            $AccessKey, [Text.Encoding]::UTF8.GetBytes($SecretKey), 'GET', $path, [string]$query, $headers, [byte[]]@())
        Get-Raw $SentTarget -Headers @{ 'X-Sdk-Date' = $sdkDate; Authorization = $authorization }
    }

    function Add-Fault([hashtable]$Spec) {
        Invoke-RestMethod "$($emu.Url)/_emulator/faults" -Method Post -Body (ConvertTo-Json $Spec -Compress) -ContentType 'application/json' -NoProxy
    }

    function Invoke-ControlRaw([string]$Path, $Body) {
        # A control call whose refusal the test reads: status and the {"error"} text.
        $response = Invoke-WebRequest "$($emu.Url)/_emulator$Path" -Method Post -Body (ConvertTo-Json -InputObject $Body -Depth 10 -Compress) `
            -ContentType 'application/json' -NoProxy -SkipHttpErrorCheck
        [pscustomobject]@{ Status = [int]$response.StatusCode; Body = [string]$response.Content | ConvertFrom-Json }
    }

    function Get-CatalogIds([hashtable]$Case, [string]$Suffix = '') {
        # The ids a job of this service lives under, as a job spec names them and as the cmdlets take them.
        $spec = @{ service = $Case.Name }
        $read = @{ Service = $Case.Name; Endpoint = $emu.Url; Token = 'emulator-token' }
        if ($Case.Scope -eq 'project') { $spec.projectId = $P; $read.ProjectId = $P }
        # An account id is 32 hex characters; the module refuses anything else before sending.
        $domain = if ($Suffix) { 'fedcba9876543210fedcba9876543210' } else { '0123456789abcdef0123456789abcdef' }
        if ($Case.Scope -eq 'domain') { $spec.domainId = $domain; $read.DomainId = $domain }
        if ($Case.OwnerParameter) {
            # Blanks and a slash, so the owner travels percent-encoded as one segment; a header owner
            # (CAE's X-Environment-ID) has the documented UUID form, which the module checks before sending.
            $owner = if ($Case.OwnerHeader) { if ($Suffix) { '2b1c0d9e-8f7a-4b6c-9d8e-7f6a5b4c3d2e' } else { '0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c' } } else { "owner /$($Case.Name)$Suffix" }
            $spec[$Case.OwnerParameter.Substring(0, 1).ToLowerInvariant() + $Case.OwnerParameter.Substring(1)] = $owner
            $read[$Case.OwnerParameter] = $owner
        }
        @{ Spec = $spec; Read = $read }
    }

    function Get-CatalogTarget([hashtable]$Case, [hashtable]$Spec, [string]$JobId) {
        # The service's real path, from the catalog's template, each value percent-encoded.
        $target = $Case.Template.Replace('{job_id}', [uri]::EscapeDataString($JobId))
        if ($Spec.projectId) { $target = $target.Replace('{project_id}', [uri]::EscapeDataString($Spec.projectId)) }
        if ($Spec.domainId) { $target = $target.Replace('{domain_id}', [uri]::EscapeDataString($Spec.domainId)) }
        if ($Case.OwnerPlaceholder) {
            $target = $target.Replace("{$($Case.OwnerPlaceholder)}", [uri]::EscapeDataString($Spec[$Case.OwnerParameter.Substring(0, 1).ToLowerInvariant() + $Case.OwnerParameter.Substring(1)]))
        }
        $target
    }

    function Get-CatalogHeaders([hashtable]$Case, [hashtable]$Spec) {
        # The token, and the owner where the service takes it as a header (CAE's X-Environment-ID) rather than in the path.
        $headers = @{ 'X-Auth-Token' = 'emulator-token' }
        if ($Case.OwnerHeader) {
            $headers[$Case.OwnerHeader] = $Spec[$Case.OwnerParameter.Substring(0, 1).ToLowerInvariant() + $Case.OwnerParameter.Substring(1)]
        }
        $headers
    }

    # The Core assembly (the module's signer) is loaded by the first cmdlet call.
    $savedEnvironment = Clear-CredentialEnvironment
    $null = Get-CloudJobContext
}

AfterAll {
    Stop-TestEmulator $emu
    Restore-CredentialEnvironment $savedEnvironment
}

Describe 'Each service''s job API, in its vendor''s shape' {
    BeforeEach { Reset-TestEmulator }

    It 'answers <Name> jobs running, finished and failed at <Path>, readable by the SDK model field for field' -ForEach $ServiceCases {
        $spec = @{ service = $Name; id = 'failed'; runSeconds = 0; failed = $true; errorCode = 'X.0001'; errorMsg = "no capacity for $Name" }
        if ($ResourceId) { $spec.resourceId = "res-$Name" }
        if ($JobType) { $spec.jobType = "Make$Name" }
        $null = New-TestJob @{ service = $Name.ToLowerInvariant(); id = 'running'; runSeconds = -1 }, @{ service = $Name; id = 'done'; runSeconds = 0 }, $spec

        # Not $running: PowerShell names ignore case, and $Running is the case's word.
        $runningAnswer = Get-Raw (Get-Target $Path 'running')
        $done = Get-Raw (Get-Target $Path 'done')
        $failed = Get-Raw (Get-Target $Path 'failed')

        foreach ($answer in $runningAnswer, $done, $failed) {
            $answer.Status | Should -Be 200 -Because $answer.Content
            Assert-ReadableBySdk $answer $Model
        }
        (Get-Value $runningAnswer.Json $Id), (Get-Value $done.Json $Id), (Get-Value $failed.Json $Id) | Should -Be 'running', 'done', 'failed'
        (Get-Value $runningAnswer.Json $Status), (Get-Value $done.Json $Status), (Get-Value $failed.Json $Status) | Should -Be $Running, $Success, $Failure

        # Times: the service's own shape; while running, the end field as the service writes it.
        (Get-At $done.Json $Begin).ValueKind | Should -Be $TimeKind
        Get-Value $done.Json $Begin | Should -Match $TimePattern
        Get-Value $done.Json $End | Should -Match $TimePattern
        $expectedEnd = if ($EndWhileRunning -eq '<begin>') { Get-Value $runningAnswer.Json $Begin } else { $EndWhileRunning }
        Get-Value $runningAnswer.Json $End | Should -BeExactly $expectedEnd

        # Failure text in the service's own fields once ended; none on a success.
        Get-Value $failed.Json $ErrorMsg | Should -BeExactly "no capacity for $Name"
        Get-Value $done.Json $ErrorMsg | Should -BeIn '<absent>', '<null>', ''
        if ($ErrorCode) { Get-Value $failed.Json $ErrorCode | Should -BeExactly 'X.0001' }
        else { $failed.Content | Should -Not -Match '"X\.0001"' -Because 'a service without an error-code field shows only the message' }

        if ($JobType) {
            Get-Value $done.Json $JobType | Should -BeExactly $JobTypeDefault
            Get-Value $failed.Json $JobType | Should -BeExactly "Make$Name"
        }
        if ($ResourceId) {
            Get-Value $done.Json $ResourceId | Should -Match $ResourcePattern
            Get-Value $failed.Json $ResourceId | Should -BeExactly "res-$Name"
        }
    }

    It 'answers <Name> sub-jobs on their own clocks, each readable by the SDK model' -ForEach $SubJobCases {
        $null = New-TestJob @{ service = $Name; id = 'parent'; runSeconds = 60; subJobs = @(
                @{ id = 'sub-ok'; runSeconds = 0; resourceId = 'res-a' }
                @{ id = 'sub-bad'; runSeconds = 0; failed = $true; errorCode = 'Sub.0013'; errorMsg = 'insufficient quota' }
                @{ id = 'sub-slow'; runSeconds = 0.8 }
            ) }

        $first = Get-Raw (Get-Target $Path 'parent')
        Start-Sleep -Milliseconds 1000
        $later = Get-Raw (Get-Target $Path 'parent')

        Assert-ReadableBySdk $first $Model
        Assert-ReadableBySdk $later $Model
        $sub = { param($answer, $i, $field) Get-Value $answer.Json "$SubJobs[$i].$field" }
        (0..2 | ForEach-Object { & $sub $first $_ $SubId }) | Should -Be 'sub-ok', 'sub-bad', 'sub-slow'
        (0..2 | ForEach-Object { & $sub $first $_ $SubStatus }) | Should -Be $SubSuccess, $SubFailure, $SubRunning
        (0..2 | ForEach-Object { & $sub $later $_ $SubStatus }) | Should -Be $SubSuccess, $SubFailure, $SubSuccess
        Get-Value $first.Json $Status | Should -Be $Running
        Get-Value $later.Json $Status | Should -Be $Running -Because 'the parent keeps its own clock'
        & $sub $first 0 $SubResource | Should -BeExactly 'res-a'
        & $sub $first 1 $SubErrorMsg | Should -BeExactly 'insufficient quota'
        if ($SubErrorCode) { & $sub $first 1 $SubErrorCode | Should -BeExactly 'Sub.0013' }
        if ($SubTotal) { Get-Value $first.Json $SubTotal | Should -Be '3' }
    }

    It 'shows <Name>''s <Word> for the first seconds, then <Running>' -ForEach @(
        @{ Name = 'CCE'; Path = '/api/v3/projects/{p}/jobs/{j}'; Model = 'cce'; Status = 'status.phase'; Word = 'Initializing'; Running = 'Running' }
        @{ Name = 'GaussDB'; Path = '/v3/{p}/jobs?id={j}'; Model = 'gaussdb'; Status = 'job.status'; Word = 'Pending'; Running = 'Running' }
        @{ Name = 'ELB'; Path = '/v3/{p}/elb/jobs/{j}'; Model = 'elb'; Status = 'job.status'; Word = 'INIT'; Running = 'RUNNING' }
    ) {
        $null = New-TestJob @{ service = $Name; id = 'slow-start'; runSeconds = -1; initialStatus = $Word; initialSeconds = 0.6 }

        $first = Get-Raw (Get-Target $Path 'slow-start')
        Start-Sleep -Milliseconds 800
        $later = Get-Raw (Get-Target $Path 'slow-start')

        Get-Value $first.Json $Status | Should -BeExactly $Word
        Get-Value $later.Json $Status | Should -BeExactly $Running
        Assert-ReadableBySdk $first $Model
    }

    It 'uses an explicit runningStatus, finalStatus and timeFormat verbatim, whatever the service' {
        $null = New-TestJob @{ service = 'RDS'; id = 'odd'; runSeconds = 0; finalStatus = 'SOMETHING_NEW'; timeFormat = 'epochMsString' },
            @{ service = 'ELB'; id = 'odd'; runSeconds = -1; runningStatus = 'ROLLBACKING'; timeFormat = 'isoFraction' }

        $rds = Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'odd')
        $elb = Get-Raw (Get-Target '/v3/{p}/elb/jobs/{j}' 'odd')

        Get-Value $rds.Json 'job.status' | Should -BeExactly 'SOMETHING_NEW'
        Get-Value $rds.Json 'job.created' | Should -Match '^\d{13}$'
        Get-Value $elb.Json 'job.status' | Should -BeExactly 'ROLLBACKING'
        Get-Value $elb.Json 'job.begin_time' | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'
    }

    It 'counts the database progress with the clock: RDS process while running, "" once ended; DDS progress up to 100%' {
        $null = New-TestJob @{ service = 'RDS'; id = 'r-run'; runSeconds = 100 }, @{ service = 'RDS'; id = 'r-done'; runSeconds = 0 },
            @{ service = 'DDS'; id = 'd-run'; runSeconds = 100 }, @{ service = 'DDS'; id = 'd-done'; runSeconds = 0 }

        Get-Value (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'r-run')).Json 'job.process' | Should -Match '^\d{1,2}%$'
        Get-Value (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'r-done')).Json 'job.process' | Should -BeExactly ''
        Get-Value (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'd-run')).Json 'job.progress' | Should -Match '^\d{1,2}%$'
        Get-Value (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'd-done')).Json 'job.progress' | Should -BeExactly '100%'
    }
}

Describe 'Paths shared by services, and unknown jobs' {
    BeforeEach { Reset-TestEmulator }

    It 'answers the same id in several services each at its own path in its own shape' {
        $null = New-TestJob @{ id = 'twin'; runSeconds = 0 }, @{ service = 'RDS'; id = 'twin'; runSeconds = 0 },
            @{ service = 'CCE'; id = 'twin'; runSeconds = 0 }, @{ service = 'ELB'; id = 'twin'; runSeconds = 0 }

        $cfw = Get-Raw (Get-Target '/v3/{p}/jobs/{j}' 'twin')
        $rds = Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'twin')
        $cce = Get-Raw (Get-Target '/api/v3/projects/{p}/jobs/{j}' 'twin')
        $elb = Get-Raw (Get-Target '/v3/{p}/elb/jobs/{j}' 'twin')

        Get-Value $cfw.Json 'data.status' | Should -Be 'Success'
        Get-Value $rds.Json 'job.status' | Should -Be 'Completed'
        Get-Value $cce.Json 'status.phase' | Should -Be 'Success'
        Get-Value $elb.Json 'job.status' | Should -Be 'COMPLETE'
        Assert-ReadableBySdk $cfw cfw
        Assert-ReadableBySdk $rds rds
        Assert-ReadableBySdk $cce cce
        Assert-ReadableBySdk $elb elb
        (Get-TestJob | Where-Object id -EQ twin).service | Sort-Object | Should -Be 'CCE', 'CFW', 'ELB', 'RDS'
    }

    It 'answers on the shared database path for whichever service holds the id, the one posted last when several do' {
        $null = New-TestJob @{ service = 'DDS'; id = 'mongo'; runSeconds = 0 }, @{ service = 'GaussDB'; id = 'taurus'; runSeconds = 0 },
            @{ service = 'RDS'; id = 'both'; runSeconds = 0 }, @{ service = 'DDS'; id = 'both'; runSeconds = 0 }

        $mongo = Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'mongo')
        $taurus = Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'taurus')
        $both = Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'both')

        Assert-ReadableBySdk $mongo dds
        Get-Value $mongo.Json 'job.progress' | Should -Be '100%'
        Assert-ReadableBySdk $taurus gaussdb
        Get-Value $taurus.Json 'job.name' | Should -Be 'CreateGaussDBforMySQLInstance'
        Get-Value $both.Json 'job.name' | Should -Be 'Create_MongoDB'
        (Get-TestJob | Where-Object id -EQ both | Sort-Object service).requestCount | Should -Be 1, 0 -Because 'the DDS job answered, not the RDS one'
    }

    It 'answers a job nobody holds at the <Api> path with a 404 in that API''s error shape' -ForEach $NotFoundCases {
        $null = New-TestJob @{ service = 'CFW'; id = 'elsewhere'; projectId = 'aaaabbbbccccddddeeeeffff00001111'; runSeconds = 0 }

        $answer = Get-Raw (Get-Target $Path 'nobody-has-it')

        $answer.Status | Should -Be 404
        @($answer.Json.EnumerateObject().Name) | Should -Be $Fields
        Get-Value $answer.Json $CodeAt | Should -BeExactly $Code
    }

    It 'gives a 404 on every other path to an id only CCE holds' {
        $null = New-TestJob @{ service = 'CCE'; id = 'only-in-cce'; runSeconds = 0 }

        (Get-Raw (Get-Target '/api/v3/projects/{p}/jobs/{j}' 'only-in-cce')).Status | Should -Be 200
        (Get-Raw (Get-Target '/v3/{p}/elb/jobs/{j}' 'only-in-cce')).Status | Should -Be 404
        (Get-Raw (Get-Target '/v3/{p}/jobs/{j}' 'only-in-cce')).Status | Should -Be 404
        (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'only-in-cce')).Status | Should -Be 404
        (Get-Raw (Get-Target '/v1/{p}/jobs/{j}' 'only-in-cce')).Status | Should -Be 404
        (Get-Raw (Get-Target '/v2/{p}/jobs/{j}' 'only-in-cce')).Status | Should -Be 404
    }

    It 'reads the id of the database path from the query: decoded, other parameters ignored' {
        $null = New-TestJob @{ service = 'RDS'; id = '../a?b=1&c=/d e+f'; runSeconds = 0 }, @{ service = 'RDS'; id = 'plain'; runSeconds = 0 }

        $encoded = Get-Raw "/v3/$P/jobs?id=$([uri]::EscapeDataString('../a?b=1&c=/d e+f'))"
        $extra = Get-Raw "/v3/$P/jobs?offset=2&id=plain&limit=10"
        $plus = Get-Raw "/v3/$P/jobs?id=..%2Fa%3Fb%3D1%26c%3D%2Fd+e%2Bf"

        Get-Value $encoded.Json 'job.id' | Should -BeExactly '../a?b=1&c=/d e+f'
        Get-Value $extra.Json 'job.id' | Should -BeExactly 'plain'
        Get-Value $plus.Json 'job.id' | Should -BeExactly '../a?b=1&c=/d e+f' -Because "'+' in a query is a space"
        (Get-TestRequest | Select-Object -Last 3).jobId | Should -Be '../a?b=1&c=/d e+f', 'plain', '../a?b=1&c=/d e+f'
    }

    It 'answers <Target> on the database path with 400 DBS.200001, the services'' example of a bad parameter' -ForEach @(
        @{ Target = '/v3/{p}/jobs' }
        @{ Target = '/v3/{p}/jobs?id=' }
        @{ Target = '/v3/{p}/jobs?job_id=x' }
    ) {
        $answer = Get-Raw $Target.Replace('{p}', $P)

        $answer.Status | Should -Be 400
        $answer.Content | Should -BeExactly '{"error_code":"DBS.200001","error_msg":"参数错误。"}'
    }

    It 'refuses <Target> with APIGW.0101: segment counts are exact' -ForEach @(
        @{ Target = '/api/v3/projects/{p}/jobs/j/' }
        @{ Target = '/api/v3/projects/{p}/jobs' }
        @{ Target = '/api/v3/projects/{p}/jobs/a/b' }
        @{ Target = '/v3/{p}/elb/jobs/' }
        @{ Target = '/v3/{p}/elb/jobs/a/b' }
        @{ Target = '/v3/{p}/jobs/?id=x' }
        @{ Target = '/v3//jobs?id=x' }
    ) {
        $answer = Get-Raw $Target.Replace('{p}', $P)

        $answer.Status | Should -Be 404
        Get-Value $answer.Json 'error_code' | Should -Be 'APIGW.0101'
    }

    It 'answers a <Method> on the <Api> path with 405 and Allow: GET, in that API''s error shape' -ForEach @(
        @{ Api = 'CCE'; Method = 'POST'; Path = '/api/v3/projects/{p}/jobs/{j}'; Code = 'errorCode' }
        @{ Api = 'RDS/GaussDB/DDS'; Method = 'DELETE'; Path = '/v3/{p}/jobs?id={j}'; Code = 'error_code' }
        @{ Api = 'ELB'; Method = 'PUT'; Path = '/v3/{p}/elb/jobs/{j}'; Code = 'error_code' }
    ) {
        $answer = Get-Raw (Get-Target $Path 'x') -Method $Method

        $answer.Status | Should -Be 405
        $answer.Allow | Should -Be 'GET'
        Get-Value $answer.Json $Code | Should -Match '\.\d+405\d+$'
    }
}

Describe 'Job specs per service' {
    BeforeEach { Reset-TestEmulator }

    It 'refuses an unknown service with a 400 that lists every service' {
        $answer = Invoke-ControlRaw /jobs @{ service = 'Nova'; id = 'x' }

        $answer.Status | Should -Be 400
        $answer.Body.error | Should -Match "'Nova'"
        foreach ($name in $AllNames) { $answer.Body.error | Should -Match "\b$name\b" }
        @(Get-TestJob).Count | Should -Be 0
    }

    It 'takes the service in any case and shows it, with the real path, in the job list' {
        $null = New-TestJob @{ service = 'gAuSsDb'; id = 'g 1' }, @{ service = 'cce'; id = 'c/1' }, @{ id = 'f1' }

        $jobs = Get-TestJob | Sort-Object service
        $jobs.service | Should -Be 'CCE', 'CFW', 'GaussDB'
        $jobs.path | Should -Be "/api/v3/projects/$P/jobs/c%2F1", "/v3/$P/jobs/f1", "/v3/$P/jobs?id=g%201"
    }

    It 'refuses <What> with a 400 that says why' -ForEach @(
        @{ What = 'subJobs for RDS'; Spec = @{ service = 'RDS'; subJobs = @(@{ id = 's' }) }; Message = 'RDS jobs have no sub-jobs; subJobs applies to ECS, BMS, EVS, IMS, VPC, CCE, ELB' }
        @{ What = 'subJobs for CFW'; Spec = @{ subJobs = @(@{ id = 's' }) }; Message = 'CFW jobs have no sub-jobs' }
        @{ What = 'a jobType for CFW'; Spec = @{ jobType = 'x' }; Message = 'jobType does not apply to CFW' }
        @{ What = 'a resourceId for CFW'; Spec = @{ resourceId = 'x' }; Message = 'resourceId does not apply to CFW' }
        @{ What = 'failed with a finalStatus'; Spec = @{ service = 'ELB'; failed = $true; finalStatus = 'CANCEL' }; Message = "failed or finalStatus, not both.*'FAIL'" }
        @{ What = 'failed with a finalStatus in a sub-job'; Spec = @{ service = 'CCE'; subJobs = @(@{ failed = $true; finalStatus = 'x' }) }; Message = 'subJobs\[0\]\.failed or subJobs\[0\]\.finalStatus' }
        @{ What = 'an initialStatus without initialSeconds'; Spec = @{ service = 'CCE'; initialStatus = 'Initializing' }; Message = 'initialStatus and initialSeconds go together' }
        @{ What = 'a negative initialSeconds'; Spec = @{ service = 'CCE'; initialStatus = 'Initializing'; initialSeconds = -1 }; Message = 'initialSeconds must be' }
        @{ What = 'an unknown sub-job field'; Spec = @{ service = 'CCE'; subJobs = @(@{ initialStatus = 'x' }) }; Message = 'initialStatus' }
    ) {
        $answer = Invoke-ControlRaw /jobs $Spec

        $answer.Status | Should -Be 400
        $answer.Body.error | Should -Match $Message
    }

    It 'makes failed mean the service''s own failure word: <Word> for <Name>' -ForEach @(
        @{ Name = 'CFW'; Word = 'Failed' }
        @{ Name = 'RDS'; Word = 'Failed' }
        @{ Name = 'CCE'; Word = 'Failed' }
        @{ Name = 'ELB'; Word = 'FAIL' }
    ) {
        (New-TestJob @{ service = $Name; failed = $true; runSeconds = 0 }).status | Should -BeExactly $Word
    }
}

Describe 'Faults, auth and the request log on every path' {
    BeforeEach { Reset-TestEmulator }

    It 'fires a fault with a service only for that service, on its own path and on a shared one' {
        $null = New-TestJob @{ id = 'db-1'; runSeconds = 0 }, @{ service = 'RDS'; id = 'db-1'; runSeconds = 0 }, @{ service = 'DDS'; id = 'db-2'; runSeconds = 0 },
            @{ service = 'CCE'; id = 'db-1'; runSeconds = 0 }
        $added = Add-Fault @{ kind = 'throttle'; service = 'rds'; count = -1 }

        $added.service | Should -BeExactly 'RDS'
        (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'db-1')).Status | Should -Be 429
        (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'db-2')).Status | Should -Be 200 -Because 'DDS holds db-2'
        (Get-Raw (Get-Target '/v3/{p}/jobs/{j}' 'db-1')).Status | Should -Be 200
        (Get-Raw (Get-Target '/api/v3/projects/{p}/jobs/{j}' 'db-1')).Status | Should -Be 200
        (Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'nobody')).Status | Should -Be 404 -Because 'no service holds it, so no service fault matches'
    }

    It 'fires a fault with a service on that service''s path even for a job it does not hold' {
        $null = Add-Fault @{ kind = 'status'; status = 503; service = 'ELB' }

        (Get-Raw (Get-Target '/v3/{p}/jobs/{j}' 'ghost')).Status | Should -Be 404
        (Get-Raw (Get-Target '/v3/{p}/elb/jobs/{j}' 'ghost')).Status | Should -Be 503
    }

    It 'refuses a fault for an unknown service, naming the known ones' {
        $answer = Invoke-ControlRaw /faults @{ kind = 'throttle'; service = 'EC2' }

        $answer.Status | Should -Be 400
        $answer.Body.error | Should -Match "'EC2' is not one of: CFW"
    }

    It 'checks the token the same way on the <Name> path' -ForEach $ServiceCases {
        $null = New-TestJob @{ service = $Name; id = 'guarded'; runSeconds = 0 }
        Set-TestToken old -State expired

        $missing = Get-Raw (Get-Target $Path 'guarded') -Headers @{}
        $expired = Get-Raw (Get-Target $Path 'guarded') -Headers @{ 'X-Auth-Token' = 'old' }
        $unknown = Get-Raw (Get-Target $Path 'guarded') -Headers @{ 'X-Auth-Token' = 'who-knows' }

        $missing.Status, $expired.Status, $unknown.Status | Should -Be 401, 401, 401
        foreach ($answer in $missing, $expired, $unknown) { Get-Value $answer.Json 'error_code' | Should -Be 'APIGW.0301' }
        Get-Value $missing.Json 'error_msg' | Should -Match 'x-auth-token not found'
        Get-Value $expired.Json 'error_msg' | Should -Match 'token expires'
        (Get-TestJob).requestCount | Should -Be 3
    }

    It 'accepts a request to <Name> signed by the module''s signer, and refuses it once changed' -ForEach @(
        @{ Name = 'ECS'; Path = '/v1/{p}/jobs/{j}' }
        @{ Name = 'RDS'; Path = '/v3/{p}/jobs?id={j}' }
        @{ Name = 'CCE'; Path = '/api/v3/projects/{p}/jobs/{j}' }
        @{ Name = 'DCS'; Path = '/v2/{p}/jobs/{j}' }
        @{ Name = 'ELB'; Path = '/v3/{p}/elb/jobs/{j}' }
    ) {
        $secret = "sk-$(New-Guid)"
        $null = Invoke-RestMethod "$($emu.Url)/_emulator/accesskeys" -Method Post -Body (ConvertTo-Json @{ accessKey = 'AKSVC'; secretKey = $secret }) -ContentType 'application/json' -NoProxy
        $null = New-TestJob @{ service = $Name; id = 'a/b c'; runSeconds = 0 }, @{ service = $Name; id = 'other'; runSeconds = 0 }
        $target = Get-Target $Path 'a/b c'

        $good = Invoke-Signed AKSVC $secret $target $target
        $changed = Invoke-Signed AKSVC $secret $target (Get-Target $Path 'other')

        $good.Status | Should -Be 200 -Because $good.Content
        $changed.Status | Should -Be 401
        Get-Value $changed.Json 'error_msg' | Should -Match 'verify aksk signature fail'
    }

    It 'canonicalises the query of a signed database request as the module''s signer does: sorted, decoded and encoded again' {
        $secret = "sk-$(New-Guid)"
        $null = Invoke-RestMethod "$($emu.Url)/_emulator/accesskeys" -Method Post -Body (ConvertTo-Json @{ accessKey = 'AKQ'; secretKey = $secret }) -ContentType 'application/json' -NoProxy
        $null = New-TestJob @{ service = 'DDS'; id = "x y~z!'*"; runSeconds = 0 }
        $query = 'limit=5&id=' + [uri]::EscapeDataString("x y~z!'*") + '&a=%7E'

        $answer = Invoke-Signed AKQ $secret "/v3/$P/jobs?$query" "/v3/$P/jobs?$query"

        $answer.Status | Should -Be 200 -Because $answer.Content
        Get-Value $answer.Json 'job.id' | Should -BeExactly "x y~z!'*"
    }

    It 'logs whose path each request took' {
        $null = New-TestJob @{ service = 'CCE'; id = 'k'; runSeconds = 0 }
        Clear-TestRequest

        $null = Get-Raw (Get-Target '/v3/{p}/jobs/{j}' 'k')
        $null = Get-Raw (Get-Target '/v3/{p}/jobs?id={j}' 'k')
        $null = Get-Raw (Get-Target '/api/v3/projects/{p}/jobs/{j}' 'k')
        $null = Get-Raw (Get-Target '/v3/{p}/elb/jobs/{j}' 'k')
        $null = Get-Raw '/v9/nothing'

        # A shared path is logged by its label: its services' names, the catalog's newcomers on it included.
        $labels = @{}
        $services = Invoke-RestMethod "$($emu.Url)/_emulator/services" -NoProxy
        foreach ($service in $services) { $labels[$service.name] = $service.label }
        $labels.CFW | Should -BeLike 'CFW*'
        $labels.RDS | Should -BeLike 'RDS/GaussDB/DDS*'
        $log = @(Get-TestRequest)
        $log.service | Should -Be $labels.CFW, $labels.RDS, 'CCE', 'ELB', $null
        $log.status | Should -Be 404, 404, 200, 404, 404
        $log.jobId | Should -Be 'k', 'k', 'k', 'k', $null
    }
}

Describe 'Connections, as GET /_emulator/connections counts them' {
    BeforeAll {
        # The counters are read on one kept-alive connection, so reading them opens none of its own.
        function New-Client { [Net.Http.HttpClient]::new([Net.Http.SocketsHttpHandler]@{ UseProxy = $false }) }
        $observer = New-Client
        function Get-Connections { $observer.GetStringAsync("$($emu.Url)/_emulator/connections").GetAwaiter().GetResult() | ConvertFrom-Json }
        function Wait-OnlyObserver {
            # Earlier tests' clients may still be closing; the emulator notices a close a moment later.
            $watch = [Diagnostics.Stopwatch]::StartNew()
            while ((Get-Connections).open -ne 1) {
                if ($watch.Elapsed.TotalSeconds -gt 10) { throw "Other connections are still open after 10 s: $(Get-Connections | ConvertTo-Json -Compress)" }
                Start-Sleep -Milliseconds 50
            }
        }
    }
    AfterAll { $observer.Dispose() }

    It 'counts each new TCP connection once in opened and while it lives in open, requests on it not again' {
        Wait-OnlyObserver
        $before = Get-Connections
        $clients = @(1..3 | ForEach-Object { New-Client })
        try {
            foreach ($round in 1, 2) {
                foreach ($client in $clients) { $null = $client.GetStringAsync("$($emu.Url)/_emulator/health").GetAwaiter().GetResult() }
            }
            $during = Get-Connections
        }
        finally { foreach ($client in $clients) { $client.Dispose() } }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        while (($after = Get-Connections).open -ne 1 -and $watch.Elapsed.TotalSeconds -lt 10) { Start-Sleep -Milliseconds 50 }

        $during.opened | Should -Be ($before.opened + 3) -Because 'three clients, two requests each on its own connection'
        $during.open | Should -Be 4 -Because 'the three clients and the observer are connected'
        $after.open | Should -Be 1 -Because 'the three clients closed their connections'
        $after.opened | Should -Be $during.opened -Because 'closing opens nothing'
    }

    It 'counts a connection the cloud side drops (a reset fault) and the one the client opens next' {
        $null = New-TestJob @{ id = 'conn-1'; runSeconds = 0 }
        $null = Add-TestFault reset -JobId 'conn-1'
        Wait-OnlyObserver
        $before = Get-Connections
        $client = New-Client
        try {
            $client.DefaultRequestHeaders.Add('X-Auth-Token', 'emulator-token')
            { $client.GetStringAsync("$($emu.Url)/v3/$P/jobs/conn-1").GetAwaiter().GetResult() } | Should -Throw
            $client.GetStringAsync("$($emu.Url)/v3/$P/jobs/conn-1").GetAwaiter().GetResult() | Should -Match 'conn-1'
        }
        finally { $client.Dispose() }

        (Get-Connections).opened | Should -Be ($before.opened + 2) -Because 'the retry needed a new connection'
    }

    It 'starts opened again from 0 on reset and still counts the connections open' {
        $client = New-Client
        $second = New-Client
        try {
            $null = $client.GetStringAsync("$($emu.Url)/_emulator/health").GetAwaiter().GetResult()
            $null = $observer.PostAsync("$($emu.Url)/_emulator/reset", $null).GetAwaiter().GetResult().EnsureSuccessStatusCode()
            $reset = Get-Connections
            $null = $second.GetStringAsync("$($emu.Url)/_emulator/health").GetAwaiter().GetResult()
            $next = Get-Connections
        }
        finally { $client.Dispose(); $second.Dispose() }

        $reset.opened | Should -Be 0
        $reset.open | Should -BeGreaterOrEqual 2 -Because 'the observer and the client are still connected'
        $next.opened | Should -Be 1 -Because 'one client connected since the reset'
    }
}

Describe 'Every service of the module''s catalog, as GET /_emulator/services lists it' {
    BeforeEach { Reset-TestEmulator }

    It 'serves exactly the services of the module''s catalog' {
        # The startup check refuses a catalog service the emulator cannot play; this is its smoke test.
        $type = [JobStatus.Connection.Signing.SdkHmacSigner].Assembly.GetType('JobStatus.Services.CloudJobServices', $true)
        $catalog = @($type.GetProperty('All').GetValue($null) | ForEach-Object Name)
        $served = @((Invoke-RestMethod "$($emu.Url)/_emulator/services" -NoProxy).name)
        ($served | Sort-Object) -join ', ' | Should -BeExactly (($catalog | Sort-Object) -join ', ')
    }

    It 'answers <Name> jobs at <Template> running, finished and failed, readable by its SDK model and by Get-CloudJob' -ForEach $CatalogCases {
        $modelName = $Name.ToLowerInvariant()
        Join-Path $PSScriptRoot "SdkModels/$modelName.json" | Should -Exist -Because "every catalog service needs its SDK response model in SdkModels/"

        $ids = Get-CatalogIds $_
        # A service whose SDK model types the job id as a number (CSE) gets ids of digits.
        $jobIds = if ($IdType -eq 'number') { '1001', '1002', '1003' } else { "$Name-running", "$Name-done", "$Name-failed" }
        $cases = @(
            @{ Id = $jobIds[0]; Spec = @{ runSeconds = -1 }; Word = $Running; Means = $RunningMeans }
            @{ Id = $jobIds[1]; Spec = @{ runSeconds = 0 }; Word = $Success; Means = $SuccessMeans }
        )
        # A failure word the catalog does not document (DNS) is the emulator's invention: no SDK model reads it.
        if ($FailureMeans -eq 'Failed') {
            $cases += @{ Id = $jobIds[2]; Spec = @{ runSeconds = 0; failed = $true; errorCode = 'X.0001'; errorMsg = "no capacity for $Name" }; Word = $Failure; Means = 'Failed' }
        }
        $specs = foreach ($case in $cases) {
            $spec = $ids.Spec.Clone()
            $spec.id = $case.Id
            foreach ($key in $case.Spec.Keys) { $spec[$key] = $case.Spec[$key] }
            $spec
        }
        $created = @(New-TestJob $specs)

        foreach ($case in $cases) {
            $target = Get-CatalogTarget $_ $ids.Spec $case.Id
            ($created | Where-Object id -EQ $case.Id).path | Should -BeExactly $target
            $answer = Get-Raw $target -Headers (Get-CatalogHeaders $_ $ids.Spec)
            $answer.Status | Should -Be 200 -Because $answer.Content
            Assert-ReadableBySdk $answer $modelName
            $answer.Content | Should -Match $(if ($StatusType -eq 'number') { ":\s*$([regex]::Escape($case.Word))\b" } else { "`"$([regex]::Escape($case.Word))`"" })
        }

        $read = $ids.Read
        $jobs = @(Get-CloudJob @($cases.Id) @read -ErrorAction Stop)
        $jobs.Count | Should -Be $cases.Count
        foreach ($case in $cases) {
            $job = $jobs | Where-Object Id -EQ $case.Id
            $job | Should -Not -BeNullOrEmpty -Because "Get-CloudJob -Service $Name must read $($case.Id)"
            [string]$job.Status | Should -Be $case.Means
            $job.RawStatus | Should -BeExactly $case.Word
        }
    }

    It 'answers a job nobody holds at the <Name> path with a 404 in that API''s error shape' -ForEach $CatalogCases {
        $ids = Get-CatalogIds $_
        $answer = Get-Raw (Get-CatalogTarget $_ $ids.Spec 'nobody-holds-this') -Headers (Get-CatalogHeaders $_ $ids.Spec)
        $answer.Status | Should -Be 404
        $answer.Json.ValueKind | Should -Be 'Object' -Because $answer.Content
    }

    It 'tries the most specific template first: /v1/policy/jobs/{id} is UCS''s, not ECS''s in a project named policy' {
        $null = New-TestJob @{ service = 'ECS'; projectId = 'policy'; id = 'same' }, @{ service = 'UCS'; id = 'same' }
        $answer = Get-Raw '/v1/policy/jobs/same'
        $answer.Status | Should -Be 200
        Get-Value $answer.Json 'status.status' | Should -Not -Be '<absent>' -Because "UCS's answer keeps its status in status.status: $($answer.Content)"
        (Get-TestRequest | Select-Object -Last 1).service | Should -Be 'UCS'
    }

    It 'answers a query without AntiDDoS''s task_id with a 400 in its error shape, and reads the id from task_id among other parameters' {
        $null = New-TestJob @{ service = 'AntiDDoS'; id = 'task 1' }
        (Get-Raw "/v2/$P/query-task-status?task_id=").Status | Should -Be 400
        (Get-Raw "/v2/$P/query-task-status?x=1&task_id=task+1").Status | Should -Be 200
    }

    It 'finds a <Name> job only under its own <Scope> and owner' -ForEach $ScopedCases {
        $mine = Get-CatalogIds $_
        $other = Get-CatalogIds $_ -Suffix '-other'
        $spec = $mine.Spec.Clone()
        $spec.id = 'owned'
        $null = New-TestJob $spec

        (Get-Raw (Get-CatalogTarget $_ $mine.Spec 'owned') -Headers (Get-CatalogHeaders $_ $mine.Spec)).Status | Should -Be 200
        (Get-Raw (Get-CatalogTarget $_ $other.Spec 'owned') -Headers (Get-CatalogHeaders $_ $other.Spec)).Status | Should -Be 404

        $read = $other.Read
        { Get-CloudJob owned @read -ErrorAction Stop } | Should -Throw
    }
}
