# Every ```powershell block under EXAMPLES in docs/*.md runs against the emulator, so an example
# cannot rot. Each runs in a fresh runspace with the built module, in a folder that holds the files
# the examples read, and with the variables they assume:
#
#   HW_AUTH_TOKEN, HW_PROJECT_ID           credentials in the environment, as the vendor's tools
#                                          expect them, for the examples that assume a set-up
#                                          session; an example that connects or sets its own wins
#   $token (SecureString) and $tokenText   'emulator-token', the token the emulator accepts
#   $env:MY_TOKEN                          the same, as text
#   Get-Credential                         answers the emulator's IAM user ops-runner@acme-prod
#   $ak, $sk                               an access key the emulator knows (HPUAXXXXXXXXXXXXXXXX)
#   $projectId                             the emulator's default project (the vendor's example id)
#   $id, $ids, $submitted                  jobs of the demo scenario that have finished with Success
#   ./jobs.txt, ./submitted.csv            those ids, one a line / with job_id and project_id columns
#   ./runbook.csv                          jobs of ECS, EVS and RDS from the demo scenario, with
#                                          Service, job_id and project_id columns
#   Read-Host -AsSecureString              answers 'emulator-token' as if typed, or $sk when the
#                                          prompt asks for a secret key
#
# Examples written for the real cloud (a region, HW_REGION_NAME, a token in an environment
# variable) keep their text; $PSDefaultParameterValues gives Get-CloudJob, Wait-CloudJob and
# Connect-CloudJobService the emulator's URL as -Endpoint, which wins over any region, and a literal
# http://127.0.0.1:5080 becomes the emulator's real URL. Only 127.0.0.1 is ever contacted: the test
# fails before running an example that names another endpoint, and when a job came from one.
#
# An example passes when it ends without a terminating error and writes no error other than those
# whose id its own text names (Example 4 of Get-CloudJob shows CloudJobNotFound on purpose).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../src/HelpWriter/HelpMarkdown.psm1') -Force
    $examples = foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Filter '*.md' | Sort-Object Name) {
        $command = Read-CommandPage $file.FullName 3>$null
        $found = if ($command) {
            foreach ($e in $command.Examples) { @{ Title = $e.Title; Blocks = $e.Blocks; Remarks = $e.Remarks -join "`n" } }
        }
        else {
            # An about topic: its "## Examples" section, one example per "###" heading.
            $top = Split-Section (Read-MarkdownPage $file.FullName).Blocks 1
            $h2 = if ($top) { Split-Section $top[0].Blocks 2 } else { @() }
            foreach ($section in $h2 | Where-Object Title -EQ 'Examples') {
                $h3 = Split-Section $section.Blocks 3
                foreach ($sub in $h3 | Where-Object Title) {
                    @{ Title = $sub.Title; Blocks = @($sub.Blocks | Where-Object Kind -EQ 'Code'); Remarks = (@($sub.Blocks | Where-Object Kind -NE 'Code' | ForEach-Object Text) -join "`n") }
                }
            }
        }
        foreach ($e in $found) {
            $code = @($e.Blocks | Where-Object Language -EQ 'powershell' | ForEach-Object Text) -join "`n"
            if (-not $code) { continue }
            @{
                Page  = $file.Name
                Title = $e.Title
                Code  = $code
                # Everything the example says: code, shown output and remarks.
                Text  = (@($e.Blocks | ForEach-Object Text) + $e.Remarks) -join "`n"
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = (Resolve-Path (Get-JobStatusModulePath)).Path
    $emu = Start-TestEmulator -Scenario (Join-Path $PSScriptRoot '../../src/JobStatus.Emulator/scenarios/demo.json')
    $projectId = '09bb24e6fe80d23d2fa2c010b53b418c'
    $script:jobsWritten = 0
    $finishedIds = 'f588ce71-e26c-400d-8981-f854355f6849', '11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'

    # The scenario starts these jobs with the emulator; they finish within seconds.
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    do {
        $pending = @(Get-TestJob | Where-Object { $_.id -in $finishedIds -and $_.status -ne 'Success' })
        if ($pending) { Start-Sleep -Milliseconds 200 }
    } while ($pending -and [DateTime]::UtcNow -lt $deadline)
    if ($pending) { throw "Scenario jobs did not finish: $($pending.id -join ', ')" }

    $fixture = Join-Path $TestDrive 'fixture'
    $null = New-Item -ItemType Directory $fixture
    Set-Content (Join-Path $fixture 'jobs.txt') $finishedIds
    $finishedIds | ForEach-Object { [pscustomobject]@{ job_id = $_; project_id = $projectId } } |
        Export-Csv (Join-Path $fixture 'submitted.csv') -NoTypeInformation
    @(
        [pscustomobject]@{ Service = 'ECS'; job_id = '2c9eb2c5544cbf6101544f0602af2b4f'; project_id = $projectId }
        [pscustomobject]@{ Service = 'EVS'; job_id = '4010a32d535527910153552b492c0002'; project_id = $projectId }
        [pscustomobject]@{ Service = 'RDS'; job_id = '31b8ae23-c687-4d80-b7b4-42a66c9bb886'; project_id = $projectId }
    ) | Export-Csv (Join-Path $fixture 'runbook.csv') -NoTypeInformation

    # The IAM user and the access key the examples use, as the real ones would be set up.
    $examplePassword = 'example-password-7f3'
    $exampleSecretKey = 'example-secret-key-9c1'
    $null = Invoke-RestMethod "$($emu.Url)/_emulator/users" -Method Post -NoProxy -ContentType 'application/json' -Body (ConvertTo-Json @{
            domain = 'acme-prod'; name = 'ops-runner'; password = $examplePassword; projectId = $projectId; projectName = 'cn-north-4' })
    $null = Invoke-RestMethod "$($emu.Url)/_emulator/accesskeys" -Method Post -NoProxy -ContentType 'application/json' -Body (ConvertTo-Json @{
            accessKey = 'HPUAXXXXXXXXXXXXXXXX'; secretKey = $exampleSecretKey })

    $prologue = @"
Import-Module '$modulePath' -ErrorAction Stop
Set-Location '$fixture'
`$PSDefaultParameterValues['Get-CloudJob:Endpoint'] = '$($emu.Url)'
`$PSDefaultParameterValues['Wait-CloudJob:Endpoint'] = '$($emu.Url)'
`$PSDefaultParameterValues['Connect-CloudJobService:Endpoint'] = '$($emu.Url)'
# For an IAM endpoint parameter, if the cmdlet has one; a default for a missing parameter is ignored.
`$PSDefaultParameterValues['Connect-CloudJobService:IamEndpoint'] = '$($emu.Url)'
`$tokenText = 'emulator-token'
`$token = ConvertTo-SecureString `$tokenText -AsPlainText -Force
`$env:MY_TOKEN = `$tokenText
`$projectId = '$projectId'
`$ids = @('$($finishedIds -join "', '")')
`$id = `$ids[0]
`$submitted = Import-Csv ./submitted.csv
`$ak = 'HPUAXXXXXXXXXXXXXXXX'
`$sk = '$exampleSecretKey'
function Read-Host {
    param([object]`$Prompt, [switch]`$AsSecureString)
    `$text = if ("`$Prompt" -match 'secret') { `$sk } else { `$tokenText }
    if (`$AsSecureString) { ConvertTo-SecureString `$text -AsPlainText -Force } else { `$text }
}
function Get-Credential {
    param([Parameter(Position = 0)][string]`$UserName = 'ops-runner', [string]`$Message)
    [pscredential]::new(`$UserName, (ConvertTo-SecureString '$examplePassword' -AsPlainText -Force))
}
"@

    function Invoke-Example([string]$Code) {
        # Environment variables are the process's, not the runspace's: what an example sets is undone.
        $saved = Clear-CredentialEnvironment -Also MY_TOKEN
        [Environment]::SetEnvironmentVariable('HW_AUTH_TOKEN', 'emulator-token')
        [Environment]::SetEnvironmentVariable('HW_PROJECT_ID', $projectId)
        $runspace = [runspacefactory]::CreateRunspace()
        $ps = [powershell]::Create()
        try {
            $runspace.Open()
            $ps.Runspace = $runspace
            $null = $ps.AddScript($prologue).Invoke()
            if ($ps.HadErrors) { throw "The example's set-up failed: $($ps.Streams.Error -join '; ')" }
            $ps.Commands.Clear()
            $ps.Streams.ClearStreams()
            $terminating = $null
            $output = try { $ps.AddScript($Code).Invoke() } catch { $terminating = $_.Exception.InnerException ?? $_.Exception; @() }
            [pscustomobject]@{
                Output      = @($output)
                Errors      = @($ps.Streams.Error)
                Verbose     = @($ps.Streams.Verbose)
                Terminating = $terminating
            }
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
            Restore-CredentialEnvironment $saved
        }
    }
}

AfterAll {
    Stop-TestEmulator $emu
}

Describe 'Examples in docs/' {
    It '<Page>: <Title>' -ForEach $examples {
        $code = $Code.Replace('http://127.0.0.1:5080', $emu.Url)
        $endpoints = @([regex]::Matches($code, '-\w*Endpoint\s+(\S+)') | ForEach-Object { $_.Groups[1].Value.Trim("'`"") } | Where-Object { $_ -match '^\w+://' })
        foreach ($endpoint in $endpoints) { ([uri]$endpoint).IsLoopback | Should -BeTrue -Because "an example may only reach the emulator, not $endpoint" }

        Clear-TestRequest
        $run = Invoke-Example $code

        $run.Terminating | Should -BeNullOrEmpty -Because "the example must run to its end ($($run.Terminating.Message))"
        $allowed = @([regex]::Matches($Text, 'CloudJob[A-Z]\w+') | ForEach-Object Value | Sort-Object -Unique)
        $unexpected = @($run.Errors | Where-Object { $_.FullyQualifiedErrorId.Split(',')[0] -notin $allowed } |
                ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
        $unexpected | Should -BeNullOrEmpty -Because 'an example writes only the errors its text shows'

        $jobs = @($run.Output | ForEach-Object { $_ } | Where-Object { $_.PSObject.TypeNames -contains 'JobStatus.CloudJob' })
        foreach ($job in $jobs) { $job.Endpoint.IsLoopback | Should -BeTrue -Because "job $($job.Id) must come from the emulator" }
        $script:jobsWritten += $jobs.Count
        if ($code -match '(?m)\b(Get|Wait)-CloudJob\b(?!Context)') {
            @(Get-TestRequest).Count | Should -BeGreaterThan 0 -Because 'the example must have asked the emulator'
        }
    }

    It 'wrote job objects, so the endpoint check above saw some' {
        $script:jobsWritten | Should -BeGreaterThan 5
    }
}

Describe 'README.md' {
    # Its examples need a cloud account or change the user's settings (Install), so they are not
    # run; they must still parse, and the pages it links to must exist.
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../src/HelpWriter/HelpMarkdown.psm1') -Force
        $readmePath = Join-Path $PSScriptRoot '../../README.md'
        $readme = Read-MarkdownPage $readmePath
    }

    It 'has powershell blocks that parse' {
        $blocks = @($readme.Blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'powershell' })
        $blocks.Count | Should -BeGreaterThan 5
        $problems = foreach ($block in $blocks) {
            $parseErrors = $null
            $null = [Management.Automation.Language.Parser]::ParseInput($block.Text, [ref]$null, [ref]$parseErrors)
            foreach ($e in $parseErrors) { "'$($block.Text.Split("`n")[0])...': $($e.Message)" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'links only to files that exist' {
        $text = Get-Content -Raw $readmePath
        $missing = [regex]::Matches($text, '\]\(((?:docs|src|tests)/[^)#\s]*)\)') | ForEach-Object { $_.Groups[1].Value } |
            Where-Object { -not (Test-Path (Join-Path (Split-Path -Parent $readmePath) $_)) }
        $missing | Should -BeNullOrEmpty
    }
}
