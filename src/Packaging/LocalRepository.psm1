<#
    Publishing and installing the module the way a gallery user would (PSResourceGet, bundled with
    PowerShell 7.4+), against a local folder repository, without changing this user's settings.

    PSResourceGet keeps its list of repositories in a per-user file (under the local application
    data folder, ~/.local/share/PSResourceGet on Linux) and installs CurrentUser modules under the
    user's module folder. Every call here therefore runs in a child pwsh whose HOME and XDG folders
    point into a throwaway folder: Register-PSResourceRepository there never touches the
    real list, and Install-PSResource installs into that folder's module path.

    Used by `build.ps1 package` and by tests/Pester/Package.Tests.ps1.
#>

Set-StrictMode -Version 3.0

$RepositoryName = 'JobStatusLocal'

function Get-PwshLaunch {
    # This pwsh may be the dotnet tool (the host is dotnet and pwsh.dll sits in $PSHOME) or a native
    # pwsh; either way start the same PowerShell directly, which needs no tool-manifest lookup.
    $process = [Environment]::ProcessPath
    $dll = Join-Path $PSHOME 'pwsh.dll'
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path $dll)) {
        return @{ FilePath = $process; Arguments = @($dll) }
    }
    return @{ FilePath = (Join-Path $PSHOME 'pwsh'); Arguments = @() }
}

function Get-IsolatedModulePath {
    <# .SYNOPSIS The CurrentUser module folder of a pwsh run by Invoke-IsolatedPwsh with this -HomePath. #>
    param([Parameter(Mandatory)][string]$HomePath)
    return Join-Path $HomePath '.local/share/powershell/Modules'
}

function Invoke-IsolatedPwsh {
    <#
    .SYNOPSIS
        Runs a script in a child pwsh whose per-user folders all lie under -HomePath (a new temporary
        folder, deleted afterwards, when not given). Returns its standard output; throws with its
        output when it fails.
    .PARAMETER Values
        Handed to the script as $Values (through JSON: strings, numbers, arrays, hashtables).
    .PARAMETER Environment
        More environment variables for the child; a $null value removes the variable.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Script,
        [hashtable]$Values = @{},
        [string]$HomePath,
        [hashtable]$Environment = @{}
    )
    if ($IsWindows) {
        # Windows finds Documents and AppData through the shell, not the environment: a child could not
        # be kept away from the real settings, so refuse rather than change them.
        throw 'Isolated PSResourceGet runs need Linux or macOS (per-user folders from HOME and XDG variables).'
    }
    $ownHome = -not $HomePath
    if ($ownHome) { $HomePath = Join-Path ([IO.Path]::GetTempPath()) "jobstatus-home-$([guid]::NewGuid().ToString('n'))" }
    $HomePath = [IO.Path]::GetFullPath($HomePath)
    $folders = [ordered]@{
        HOME            = $HomePath
        XDG_DATA_HOME   = Join-Path $HomePath '.local/share'
        XDG_CONFIG_HOME = Join-Path $HomePath '.config'
        XDG_CACHE_HOME  = Join-Path $HomePath '.cache'
    }
    # .NET reports a special folder that does not exist as "", and PSResourceGet then writes its
    # settings relative to the working directory: every folder must exist first.
    foreach ($folder in $folders.Values) { $null = New-Item -ItemType Directory -Path $folder -Force }

    $json = ConvertTo-Json -InputObject $Values -Depth 5 -Compress
    $prologue = "`$ErrorActionPreference = 'Stop'`n`$ProgressPreference = 'SilentlyContinue'`n" +
        "`$Values = ConvertFrom-Json -AsHashtable '$($json.Replace("'", "''"))'`n"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($prologue + $Script))

    $launch = Get-PwshLaunch
    $start = [Diagnostics.ProcessStartInfo]::new($launch.FilePath)
    foreach ($a in @($launch.Arguments) + @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded)) {
        $start.ArgumentList.Add($a)
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $HomePath
    foreach ($name in $folders.Keys) { $start.Environment[$name] = $folders[$name] }
    $start.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $start.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    $start.Environment['DOTNET_CLI_TELEMETRY_OPTOUT'] = '1'
    $start.Environment['NO_COLOR'] = '1'
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $start.Environment.Remove($name) }
        else { $start.Environment[$name] = [string]$Environment[$name] }
    }

    try {
        $process = [Diagnostics.Process]::Start($start)
        try {
            $stderr = $process.StandardError.ReadToEndAsync()
            $stdout = $process.StandardOutput.ReadToEnd()
            $process.WaitForExit()
            if ($process.ExitCode -ne 0) {
                throw "The child pwsh failed (exit code $($process.ExitCode)).`n$($stderr.Result.Trim())`n$($stdout.Trim())"
            }
            return $stdout
        }
        finally { $process.Dispose() }
    }
    finally {
        if ($ownHome) { Remove-Item -LiteralPath $HomePath -Recurse -Force -ErrorAction Ignore }
    }
}

function Publish-LocalPackage {
    <#
    .SYNOPSIS
        Publishes a built module folder to a local folder repository with Publish-PSResource, as a
        gallery publish would; returns the .nupkg file. A package of the same version is replaced.
    .EXAMPLE
        Publish-LocalPackage -ModulePath ./out/JobStatus -RepositoryPath ./out/packages
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$ModulePath,
        [Parameter(Mandatory)][string]$RepositoryPath
    )
    $ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
    $name = Split-Path -Leaf $ModulePath
    $manifest = Test-ModuleManifest -Path (Join-Path $ModulePath "$name.psd1") -ErrorAction Stop
    $null = New-Item -ItemType Directory -Path $RepositoryPath -Force
    $RepositoryPath = (Resolve-Path -LiteralPath $RepositoryPath).Path
    $package = Join-Path $RepositoryPath "$name.$($manifest.Version).nupkg"
    Remove-Item -LiteralPath $package -ErrorAction Ignore

    $null = Invoke-IsolatedPwsh -Values @{ Module = $ModulePath; Repository = $RepositoryPath; Name = $RepositoryName } -Script @'
Register-PSResourceRepository -Name $Values.Name -Uri $Values.Repository -Trusted
Publish-PSResource -Path $Values.Module -Repository $Values.Name
'@
    if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource reported no error but wrote no $package." }
    return Get-Item -LiteralPath $package
}

function Install-LocalPackage {
    <#
    .SYNOPSIS
        Installs a module from a local folder repository with Install-PSResource (CurrentUser scope)
        for a user whose home is -HomePath; returns the module folder it was installed into.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$Name,
        [Parameter(Mandatory)][string]$RepositoryPath,
        [Parameter(Mandatory)][string]$HomePath,
        [string]$Version
    )
    $values = @{ Name = $Name; Repository = (Resolve-Path -LiteralPath $RepositoryPath).Path; RepositoryName = $RepositoryName; Version = $Version }
    $null = Invoke-IsolatedPwsh -HomePath $HomePath -Values $values -Script @'
Register-PSResourceRepository -Name $Values.RepositoryName -Uri $Values.Repository -Trusted
$install = @{ Name = $Values.Name; Repository = $Values.RepositoryName; Scope = 'CurrentUser'; TrustRepository = $true }
if ($Values.Version) { $install.Version = $Values.Version }
Install-PSResource @install
'@
    return Get-IsolatedModulePath -HomePath $HomePath
}

Export-ModuleMember -Function Invoke-IsolatedPwsh, Get-IsolatedModulePath, Publish-LocalPackage, Install-LocalPackage
