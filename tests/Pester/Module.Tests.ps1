# The built module as a user gets it: it imports from out/, exports exactly what the manifest
# lists, and every cmdlet has real help for every parameter (this catches help drifting away from
# the code). Also proves the emulator harness that the other test files rely on.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestPath = Get-JobStatusModulePath
    $cmdletNames = if (Test-Path $manifestPath) { @((Import-PowerShellDataFile $manifestPath).CmdletsToExport) } else { @() }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-JobStatusModule
    $manifest = Import-PowerShellDataFile (Get-JobStatusModulePath)
}

Describe 'The JobStatus module' {
    It 'is imported from the built output' {
        $module.ModuleBase | Should -Be (Split-Path -Parent (Resolve-Path (Get-JobStatusModulePath)).Path)
        $module.Version | Should -Be ([version]$manifest.ModuleVersion)
    }

    It 'lists the five cmdlets in its manifest' {
        $manifest.CmdletsToExport | Sort-Object | Should -Be @(
            'Connect-CloudJobService', 'Disconnect-CloudJobService', 'Get-CloudJob', 'Get-CloudJobContext', 'Wait-CloudJob'
        )
    }

    It 'exports exactly the cmdlets of its manifest' {
        $exported = @(Get-Command -Module JobStatus | ForEach-Object Name | Sort-Object)
        $exported | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        Get-Command -Module JobStatus | ForEach-Object CommandType | Sort-Object -Unique | Should -Be 'Cmdlet'
    }

    It 'ships its help files next to the assembly' {
        Join-Path $module.ModuleBase 'en-US/JobStatus.dll-Help.xml' | Should -Exist
        Join-Path $module.ModuleBase 'en-US/about_JobStatus.help.txt' | Should -Exist
        Join-Path $module.ModuleBase 'JobStatus.Format.ps1xml' | Should -Exist
    }

    It 'has an about_JobStatus topic' {
        $about = Get-Help about_JobStatus | Out-String
        $about | Should -Match 'HW_AUTH_TOKEN'
        $about | Should -Match 'CloudJobUnencryptedAuthentication'
    }
}

Describe 'Help for <_>' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command $name -Module JobStatus
        $help = Get-Help $name -Full
        $common = [Management.Automation.PSCmdlet]::CommonParameters + [Management.Automation.PSCmdlet]::OptionalCommonParameters
        $ownParameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $common })
        $helpParameters = @(if ($help.PSObject.Properties['parameters'] -and $help.parameters) { $help.parameters.parameter })
    }

    It 'has a synopsis' {
        # Without help, Get-Help makes the synopsis up from the syntax.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($name))\s"
        $help.Synopsis | Should -Not -Match '\{\{'
    }

    It 'has a description' {
        $text = @($help.description | ForEach-Object Text) -join "`n"
        $text | Should -Not -BeNullOrEmpty
        $text | Should -Not -Match '\{\{'
        $text.Length | Should -BeGreaterThan 80
    }

    It 'has at least one example with code' {
        $examples = @(if ($help.PSObject.Properties['examples'] -and $help.examples) { $help.examples.example })
        $examples.Count | Should -BeGreaterOrEqual 1
        foreach ($example in $examples) {
            $example.code | Should -Match ([regex]::Escape($name)) -Because "example '$($example.title.Trim(' -'))' should show the cmdlet"
        }
    }

    It 'describes every parameter' {
        $undocumented = foreach ($p in $ownParameters) {
            $entry = $helpParameters | Where-Object name -EQ $p.Name
            $text = if ($entry) { @($entry.description | ForEach-Object Text) -join '' } else { '' }
            if ([string]::IsNullOrWhiteSpace($text) -or $text -match '\{\{') { $p.Name }
        }
        $undocumented | Should -BeNullOrEmpty -Because 'each parameter needs a description in docs/<cmdlet>.md'
    }

    It 'documents no parameter the cmdlet does not have' {
        $stale = $helpParameters | Where-Object { $_.name -notin $ownParameters.Name } | ForEach-Object name
        $stale | Should -BeNullOrEmpty
    }

    It 'states the same aliases and mandatory parameters as the code' {
        $drift = foreach ($p in $ownParameters) {
            $entry = $helpParameters | Where-Object name -EQ $p.Name
            if (-not $entry) { continue }
            $helpAliases = @(if ($entry.aliases -and $entry.aliases -ne 'none') { $entry.aliases -split ',\s*' }) | Sort-Object
            $codeAliases = @($p.Aliases) | Sort-Object
            if (($helpAliases -join ',') -ne ($codeAliases -join ',')) { "-$($p.Name) aliases: help '$($helpAliases -join ', ')', code '$($codeAliases -join ', ')'" }
            $mandatory = [bool]($p.Attributes | Where-Object { $_ -is [Parameter] -and $_.Mandatory })
            if (($entry.required -eq 'true') -ne $mandatory) { "-$($p.Name) required: help $($entry.required), code $mandatory" }
        }
        $drift | Should -BeNullOrEmpty
    }
}

Describe 'The test emulator' {
    BeforeAll {
        $emu = Start-TestEmulator
    }
    AfterAll {
        Stop-TestEmulator $emu
    }

    It 'starts on a loopback port and answers GET /_emulator/health' {
        ([uri]$emu.Url).IsLoopback | Should -BeTrue
        $emu.Url | Should -Not -Match '/$'
        Invoke-RestMethod "$($emu.Url)/_emulator/health" -NoProxy | Should -Not -BeNullOrEmpty
    }

    It 'serves a job created through the control API and logs the request' {
        $job = New-TestJob @{ id = 'harness-1'; runSeconds = 0 }
        $job.id | Should -Be 'harness-1'
        Clear-TestRequest
        $answer = Invoke-RestMethod "$($emu.Url)$($job.path)" -Headers @{ 'X-Auth-Token' = 'emulator-token' } -NoProxy
        $answer.data.id | Should -Be 'harness-1'
        $logged = @(Get-TestRequest -JobId 'harness-1')
        $logged.Count | Should -Be 1
        $logged[0].status | Should -Be 200
    }

    It 'stops within 5 seconds when asked' {
        $process = $emu.Process
        Stop-TestEmulator $emu
        $process.HasExited | Should -BeTrue
    }
}
