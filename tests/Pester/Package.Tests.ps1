# The module as a gallery user gets it: a manifest that passes Test-ModuleManifest with the gallery
# metadata, a .nupkg made by Publish-PSResource (to a local folder repository), installed with
# Install-PSResource into a fresh module path, imported BY NAME in a new pwsh and run against the
# emulator. PSResourceGet runs in child processes whose home folder is a test folder, so this
# user's repository list and module folders are never touched.

BeforeDiscovery {
    $skipIsolated = $IsWindows
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../src/Packaging/LocalRepository.psm1') -Force
    $builtManifest = (Resolve-Path (Get-JobStatusModulePath)).Path
    $builtModule = Split-Path -Parent $builtManifest
    $data = Import-PowerShellDataFile $builtManifest
    $version = $data.ModuleVersion
    $expectedCmdlets = @('Connect-CloudJobService', 'Disconnect-CloudJobService', 'Get-CloudJob', 'Get-CloudJobContext', 'Wait-CloudJob')
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        $manifest = Test-ModuleManifest -Path $builtManifest -ErrorAction Stop
        $manifest.Name | Should -Be 'JobStatus'
        $manifest.Version | Should -Be ([version]$version)
    }

    It 'exports exactly the five cmdlets by name, and no function, variable or alias' {
        @($data.CmdletsToExport | Sort-Object) | Should -Be $expectedCmdlets
        $data.CmdletsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        foreach ($key in 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            $data.ContainsKey($key) | Should -BeTrue -Because "a missing $key exports everything"
            @($data[$key]).Count | Should -Be 0 -Because "$key must be an empty list, not a wildcard"
        }
    }

    It 'has the metadata a gallery shows' {
        $data.Description.Length | Should -BeGreaterThan 80
        $data.Author | Should -Not -BeNullOrEmpty
        $psData = $data.PrivateData.PSData
        $psData.Tags | Should -Contain 'HuaweiCloud'
        $psData.Tags | Should -Contain 'PSEdition_Core'
        $psData.Tags | Where-Object { $_ -match '\s' } | Should -BeNullOrEmpty -Because 'a gallery tag has no spaces'
        [uri]$psData.ProjectUri | Should -Not -BeNullOrEmpty
        ([uri]$psData.ProjectUri).IsAbsoluteUri | Should -BeTrue
        ([uri]$psData.LicenseUri).IsAbsoluteUri | Should -BeTrue
        $psData.ReleaseNotes | Should -Match ([regex]::Escape($version))
        Join-Path $builtModule 'LICENSE' | Should -Exist
    }

    It 'gives the assemblies the version it holds, the one place the version lives' {
        foreach ($dll in 'JobStatus.dll', 'JobStatus.Core.dll') {
            [Reflection.AssemblyName]::GetAssemblyName((Join-Path $builtModule $dll)).Version.ToString(3) | Should -Be ([version]$version).ToString(3)
        }
        $props = Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props')
        $props | Should -Not -Match '<Version>\d' -Because 'the version is written only in JobStatus.psd1'
    }
}

Describe 'The package' -Skip:$skipIsolated {
    BeforeAll {
        $emu = Start-TestEmulator
        $null = New-TestJob @{ id = 'package-job-1'; runSeconds = 0 }

        $userRepositoryFile = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        $userRepositoryBefore = if (Test-Path $userRepositoryFile) { (Get-FileHash $userRepositoryFile).Hash } else { 'absent' }

        $repository = Join-Path $TestDrive 'repository'
        $userHome = Join-Path $TestDrive 'home'
        $package = Publish-LocalPackage -ModulePath $builtModule -RepositoryPath $repository
        $modulePath = Install-LocalPackage -Name JobStatus -RepositoryPath $repository -HomePath $userHome

        # A new pwsh that can find modules only in the fresh path and PowerShell's own folder.
        $imported = Invoke-IsolatedPwsh -HomePath $userHome -Environment @{ PSModulePath = "$modulePath$([IO.Path]::PathSeparator)$(Join-Path $PSHOME 'Modules')" } -Values @{ Url = $emu.Url } -Script @'
Import-Module JobStatus
$module = Get-Module JobStatus
$job = Get-CloudJob package-job-1 -Endpoint $Values.Url -Token emulator-token -ProjectId 09bb24e6fe80d23d2fa2c010b53b418c
[ordered]@{
    ModuleBase = $module.ModuleBase
    Version    = $module.Version.ToString()
    Cmdlets    = @(Get-Command -Module JobStatus | ForEach-Object Name | Sort-Object)
    JobId      = $job.Id
    Status     = $job.Status.ToString()
    Synopsis   = (Get-Help Get-CloudJob).Synopsis
    About      = (Get-Help about_JobStatus | Out-String).Length
} | ConvertTo-Json -Compress
'@ | ConvertFrom-Json
    }

    AfterAll {
        Stop-TestEmulator $emu
    }

    It 'is JobStatus.<version>.nupkg, made by Publish-PSResource' {
        $package.Name | Should -Be "JobStatus.$version.nupkg"
        Join-Path $repository $package.Name | Should -Exist
    }

    It 'holds the module files and the gallery metadata' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try {
            $entries = @($zip.Entries.FullName)
            foreach ($file in 'JobStatus.psd1', 'JobStatus.dll', 'JobStatus.Core.dll', 'JobStatus.Format.ps1xml', 'LICENSE', 'en-US/JobStatus.dll-Help.xml', 'en-US/about_JobStatus.help.txt') {
                $entries | Should -Contain $file
            }
            $reader = [IO.StreamReader]::new($zip.GetEntry('JobStatus.nuspec').Open())
            [xml]$nuspec = try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $meta = $nuspec.package.metadata
        $meta.id | Should -Be 'JobStatus'
        $meta.version | Should -Be $version
        $meta.description | Should -Be $data.Description
        $meta.projectUrl | Should -Be $data.PrivateData.PSData.ProjectUri
        $meta.licenseUrl | Should -Be $data.PrivateData.PSData.LicenseUri
        $meta.releaseNotes | Should -Not -BeNullOrEmpty
        foreach ($tag in $data.PrivateData.PSData.Tags) { $meta.tags -split ' ' | Should -Contain $tag }
    }

    It 'installs with Install-PSResource into the fresh module path' {
        $modulePath | Should -BeLike "$userHome*"
        Join-Path $modulePath "JobStatus/$version/JobStatus.psd1" | Should -Exist
    }

    It 'imports by name in a new pwsh, from the installed copy' {
        $imported.ModuleBase | Should -Be (Join-Path $modulePath "JobStatus/$version")
        $imported.Version | Should -Be $version
        $imported.Cmdlets | Should -Be $expectedCmdlets
    }

    It 'reads a job from the emulator' {
        $imported.JobId | Should -Be 'package-job-1'
        $imported.Status | Should -Be 'Success'
    }

    It 'brings its help along' {
        $imported.Synopsis | Should -Be 'Gets the current status of one or more Huawei Cloud asynchronous jobs.'
        $imported.About | Should -BeGreaterThan 1000
    }

    It 'leaves this user''s PSResourceGet repositories alone' {
        $after = if (Test-Path $userRepositoryFile) { (Get-FileHash $userRepositoryFile).Hash } else { 'absent' }
        $after | Should -Be $userRepositoryBefore
        Join-Path $userHome '.local/share/PSResourceGet/PSResourceRepository.xml' | Should -Exist
    }
}
