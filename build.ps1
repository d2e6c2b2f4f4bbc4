<#
.SYNOPSIS
    The one build entry point: build, test, help, demo and clean for the JobStatus module.

.DESCRIPTION
    dotnet tool restore
    dotnet pwsh ./build.ps1 [<task> ...] [-Configuration Release|Debug]

    Tasks (run in the order given; each runs at most once):
      build   dotnet build JobStatus.sln, then assemble out/JobStatus (manifest, dlls, formats, help)
      package build, then publish out/JobStatus to the local folder repository out/packages with
              Publish-PSResource, as a gallery publish would: out/packages/JobStatus.<version>.nupkg
      help    regenerate only the help (MAML and about topic) in out/JobStatus/en-US from docs/
      test    build, then the xunit tests, then the Pester tests; the last line is "N passed, N failed"
      unit    the xunit tests only (needs a previous build)
      pester  build, then the Pester tests only
      demo    build, then run docs/examples/Demo.ps1 against the emulator
      bench   build, then run tests/Benchmarks/Measure-JobStatus.ps1 (ratios against baselines; writes bench/results.md)
      soak    build, then run tests/Benchmarks/Measure-Soak.ps1: one Wait-CloudJob on 2,000 jobs for 10 minutes
              through outages, a restart, a 429 storm and a 403 (writes bench/soak.md; exit 1 if a job was lost
              or written twice)
      bench-shapes  build, then run tests/Benchmarks/Measure-Shapes.ps1: Get-CloudJob on 5,000 finished jobs
              of every service, each answer shape against the services read before (writes bench/shapes.md)
      clean   remove out/, TestResults/ and every project's bin/ and obj/ (-All: also tests/.packages)

    Narrowing for developers:
      -PesterPath tests/Pester/Module.Tests.ps1   run only these Pester files or folders
      -TestName '*help*'                          Pester tests whose full name matches (wildcards)
      -UnitFilter 'FullyQualifiedName~Retry'      passed to dotnet test --filter

.EXAMPLE
    dotnet pwsh ./build.ps1 test

.EXAMPLE
    dotnet pwsh ./build.ps1 pester -PesterPath tests/Pester/Module.Tests.ps1 -TestName '*Get-CloudJob*'
#>
[CmdletBinding()]
param(
    # ValueFromRemainingArguments lets `build.ps1 clean build test` name several tasks without commas.
    [Parameter(Position = 0, ValueFromRemainingArguments = $true)]
    [string[]]$Task = @('build'),

    [ValidateSet('Release', 'Debug')]
    [string]$Configuration = 'Release',

    [string[]]$PesterPath,

    [string[]]$TestName,

    [string]$UnitFilter,

    [switch]$All
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$OutDir = Join-Path $Root 'out/JobStatus'
$ResultsDir = Join-Path $Root 'TestResults'
$PesterVersion = '6.2.0'
$PesterRestoreProject = Join-Path $Root 'tests/Pester.Restore/Pester.Restore.csproj'
$PesterManifest = Join-Path $Root "tests/.packages/pester/$PesterVersion/tools/Pester.psd1"
$EmulatorDll = Join-Path $Root "src/JobStatus.Emulator/bin/$Configuration/net10.0/JobStatus.Emulator.dll"
$KnownTasks = [ordered]@{
    build  = 'dotnet build JobStatus.sln, then assemble out/JobStatus'
    package = 'build, then Publish-PSResource to out/packages (a local folder repository)'
    help   = 'regenerate the help in out/JobStatus/en-US from docs/'
    test   = 'build, xunit, Pester; last line "N passed, N failed"'
    unit   = 'xunit tests only (after a build)'
    pester = 'build, then Pester tests only'
    demo   = 'build, then run docs/examples/Demo.ps1'
    bench  = 'build, then run tests/Benchmarks/Measure-JobStatus.ps1'
    soak   = 'build, then run tests/Benchmarks/Measure-Soak.ps1 (about 11 minutes)'
    'bench-shapes' = 'build, then run tests/Benchmarks/Measure-Shapes.ps1 (5,000 jobs of every service)'
    clean  = 'remove out/, TestResults/, bin/ and obj/ (-All: also tests/.packages)'
}

# The running pwsh is a dotnet tool: the host is dotnet and pwsh.dll sits in $PSHOME. Starting
# it directly skips the tool-manifest lookup of `dotnet pwsh` and works from any folder.
$DotnetExe = [Environment]::ProcessPath
# -OutputFormat Text: with -EncodedCommand and redirected output, pwsh would otherwise repeat its
# host and progress output as CLIXML on stderr.
$PwshArgs = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text')
if (-not (Test-Path (Join-Path $PSHOME 'pwsh.dll'))) {
    $DotnetExe = (Get-Process -Id $PID).Path
    $PwshArgs = $PwshArgs[1..($PwshArgs.Count - 1)]
}

class TestCounts {
    [string]$Runner
    [int]$Passed
    [int]$Failed
    [int]$Skipped
    [string]$Problem
}

function Write-Step([string]$Text) {
    Write-Host ''
    Write-Host "=== $Text" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a program with its output visible; a non-zero exit code stops the build.
    param([string]$FilePath, [string[]]$ArgumentList, [switch]$NoThrow)
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList | Out-Host
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $NoThrow) {
        throw "'$FilePath $($ArgumentList[0])' failed with exit code $code."
    }
    return $code
}

function Invoke-ChildPwsh {
    # A separate process keeps the module (and Pester) out of this one, so a rebuilt dll is
    # never locked and one Pester version lives in one process. It writes straight to our
    # console (nothing redirected), so its output stays live and in order.
    param([string[]]$ArgumentList, [hashtable]$Environment = @{})
    $start = [Diagnostics.ProcessStartInfo]::new($DotnetExe)
    foreach ($a in @($PwshArgs) + $ArgumentList) { $start.ArgumentList.Add($a) }
    $start.UseShellExecute = $false
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    # pwsh colours tables even when writing to a file or a CI log; NO_COLOR makes it plain.
    if ([Console]::IsOutputRedirected) { $start.Environment['NO_COLOR'] = '1' }
    $process = [Diagnostics.Process]::Start($start)
    try {
        $process.WaitForExit()
        return $process.ExitCode
    }
    finally { $process.Dispose() }
}

function Invoke-Build {
    Write-Step "build ($Configuration)"
    $solution = Join-Path $Root 'JobStatus.sln'
    $null = Invoke-Native dotnet @('build', $solution, '-c', $Configuration, '--nologo')

    # The tests and the demo need the emulator; build it too while it is not in the solution.
    $emulatorProject = Join-Path $Root 'src/JobStatus.Emulator/JobStatus.Emulator.csproj'
    if ((Test-Path $emulatorProject) -and -not (Select-String -Path $solution -SimpleMatch 'JobStatus.Emulator.csproj' -Quiet)) {
        $null = Invoke-Native dotnet @('build', $emulatorProject, '-c', $Configuration, '--nologo')
    }

    Write-Step 'assemble out/JobStatus'
    $binDir = Join-Path $Root "src/JobStatus/bin/$Configuration/net8.0"
    if (Test-Path $OutDir) { Remove-Item $OutDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $OutDir -Force

    Copy-Item (Join-Path $Root 'JobStatus.psd1'), (Join-Path $Root 'LICENSE') $OutDir
    foreach ($name in 'JobStatus.dll', 'JobStatus.Core.dll') {
        $file = Join-Path $binDir $name
        if (-not (Test-Path $file)) { throw "The build did not produce $file." }
        Copy-Item $file $OutDir
        $pdb = [IO.Path]::ChangeExtension($file, '.pdb')
        if (Test-Path $pdb) { Copy-Item $pdb $OutDir }
    }
    # Copied to the output by the project; the source copy covers a project that does not (yet).
    $format = @((Join-Path $binDir 'JobStatus.Format.ps1xml'), (Join-Path $Root 'src/JobStatus/JobStatus.Format.ps1xml')) |
        Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $format) { throw 'JobStatus.Format.ps1xml was not found (src/JobStatus/JobStatus.Format.ps1xml); the manifest needs it.' }
    Copy-Item $format $OutDir
    Assert-SingleVersion

    Invoke-Help
    Get-ChildItem $OutDir -Recurse -File | ForEach-Object {
        Write-Host ('  {0,-32} {1,9:N0} bytes' -f $_.FullName.Substring($OutDir.Length + 1), $_.Length)
    }
}

function Assert-SingleVersion {
    # The version lives in JobStatus.psd1 and Directory.Build.props hands it to the assemblies: a
    # dll with another version is a stale build or a broken hand-over.
    $manifestVersion = [version](Import-PowerShellDataFile (Join-Path $OutDir 'JobStatus.psd1')).ModuleVersion
    foreach ($name in 'JobStatus.dll', 'JobStatus.Core.dll') {
        $assemblyVersion = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $OutDir $name)).Version
        if ($assemblyVersion.ToString(3) -ne $manifestVersion.ToString(3)) {
            throw "Version mismatch: JobStatus.psd1 says $manifestVersion, $name was built as $assemblyVersion. Rebuild (dotnet pwsh ./build.ps1 clean build)."
        }
    }
}

function Invoke-Help {
    Write-Step 'help (docs/*.md -> out/JobStatus/en-US)'
    & (Join-Path $Root 'src/HelpWriter/ConvertTo-MamlHelp.ps1') -DocsPath (Join-Path $Root 'docs') -OutputPath (Join-Path $OutDir 'en-US')
}

function Invoke-Package {
    Write-Step 'package (Publish-PSResource to out/packages)'
    Import-Module (Join-Path $Root 'src/Packaging/LocalRepository.psm1') -Force
    $package = Publish-LocalPackage -ModulePath $OutDir -RepositoryPath (Join-Path $Root 'out/packages')
    Write-Host ('  {0} ({1:N0} bytes)' -f $package.FullName.Substring($Root.Length + 1), $package.Length)
}

function Invoke-Unit {
    Write-Step 'xunit'
    $counts = [TestCounts]@{ Runner = 'xunit' }
    $null = New-Item -ItemType Directory -Path $ResultsDir -Force
    $trx = Join-Path $ResultsDir 'xunit.trx'
    Remove-Item $trx -ErrorAction Ignore

    $testArgs = @(
        'test', (Join-Path $Root 'tests/JobStatus.Core.Tests'), '--no-build', '-c', $Configuration, '--nologo',
        '--results-directory', $ResultsDir, '--logger', 'trx;LogFileName=xunit.trx', '--logger', 'console;verbosity=normal'
    )
    if ($UnitFilter) { $testArgs += @('--filter', $UnitFilter) }
    $code = Invoke-Native dotnet $testArgs -NoThrow

    if (-not (Test-Path $trx)) {
        $counts.Problem = "dotnet test wrote no results ($trx; exit code $code)"
        return $counts
    }
    [xml]$doc = Get-Content -Raw $trx
    $c = $doc.TestRun.ResultSummary.Counters
    $counts.Passed = [int]$c.passed
    $counts.Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted
    $counts.Skipped = [int]$c.notExecuted + [int]$c.inconclusive
    if ($code -ne 0 -and $counts.Failed -eq 0) {
        $counts.Problem = "dotnet test exited with code $code but its results show no failed test"
    }
    if ($counts.Passed + $counts.Failed -eq 0) { Write-Host 'xunit: no test ran.' -ForegroundColor Yellow }
    Write-Host "xunit: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    return $counts
}

function Install-Pester {
    if (Test-Path $PesterManifest) { return }
    Write-Step "restore Pester $PesterVersion"
    $null = Invoke-Native dotnet @('restore', $PesterRestoreProject, '--nologo')
    if (-not (Test-Path $PesterManifest)) { throw "Restoring Pester did not produce $PesterManifest." }
}

function Invoke-PesterTests {
    Write-Step "Pester $PesterVersion"
    $counts = [TestCounts]@{ Runner = 'Pester' }
    Install-Pester
    $null = New-Item -ItemType Directory -Path $ResultsDir -Force
    $countsFile = Join-Path $ResultsDir 'pester-counts.json'
    Remove-Item $countsFile -ErrorAction Ignore

    $paths = if ($PesterPath) { $PesterPath } else { @(Join-Path $Root 'tests/Pester') }
    $settings = [ordered]@{
        PesterManifest = $PesterManifest
        Module         = Join-Path $OutDir 'JobStatus.psd1'
        Emulator       = $EmulatorDll
        Path           = $paths
        FullName       = @($TestName | Where-Object { $_ })
        CountsFile     = $countsFile
        ResultFile     = Join-Path $ResultsDir 'pester.xml'
    } | ConvertTo-Json -Compress
    $quoted = "'" + $settings.Replace("'", "''") + "'"

    $child = @"
`$ErrorActionPreference = 'Stop'
`$s = ConvertFrom-Json $quoted
`$env:JOBSTATUS_MODULE = `$s.Module
`$env:JOBSTATUS_EMULATOR = `$s.Emulator
Import-Module `$s.PesterManifest
`$c = New-PesterConfiguration
`$c.Run.Path = [string[]]`$s.Path
`$c.Run.PassThru = `$true
`$c.Run.Exit = `$false
`$c.Output.Verbosity = 'Detailed'
`$c.Output.RenderMode = 'Plaintext'
`$c.TestResult.Enabled = `$true
`$c.TestResult.OutputPath = `$s.ResultFile
if (`$s.FullName) { `$c.Filter.FullName = [string[]]`$s.FullName }
`$r = Invoke-Pester -Configuration `$c
# An AfterAll that fails marks its block failed while every test in it passed.
`$blocksWithoutFailedTest = @(`$r.FailedBlocks | Where-Object { `$_.FailedCount -eq 0 }).Count
[ordered]@{
    Result = [string]`$r.Result
    Passed = `$r.PassedCount
    Failed = `$r.FailedCount
    FailedContainers = `$r.FailedContainersCount
    FailedBlocksWithoutFailedTest = `$blocksWithoutFailedTest
    Skipped = `$r.SkippedCount + `$r.InconclusiveCount
} | ConvertTo-Json | Set-Content -LiteralPath `$s.CountsFile -Encoding utf8
"@
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($child))
    $code = Invoke-ChildPwsh @('-EncodedCommand', $encoded)

    if (-not (Test-Path $countsFile)) {
        $counts.Problem = "the Pester process wrote no counts (exit code $code)"
        return $counts
    }
    $r = Get-Content -Raw $countsFile | ConvertFrom-Json
    $counts.Passed = $r.Passed
    $counts.Failed = $r.Failed + $r.FailedContainers + $r.FailedBlocksWithoutFailedTest
    $counts.Skipped = $r.Skipped
    if ($r.Result -eq 'Failed' -and $counts.Failed -eq 0) { $counts.Failed = 1 }
    Write-Host "Pester: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    return $counts
}

function Complete-TestRun {
    # Prints the summary as the very last line and returns the exit code.
    param([TestCounts[]]$Runs)
    $exit = 0
    foreach ($run in $Runs) {
        if ($run.Problem) {
            # A runner that did not run or could not be read counts as a failure, never as a pass.
            Write-Host "$($run.Runner): $($run.Problem); counted as 1 failure." -ForegroundColor Red
            $run.Failed = [Math]::Max(1, $run.Failed)
        }
    }
    $passed = ($Runs | Measure-Object Passed -Sum).Sum
    $failed = ($Runs | Measure-Object Failed -Sum).Sum
    $skipped = ($Runs | Measure-Object Skipped -Sum).Sum
    if ($failed -gt 0) { $exit = 1 }
    if ($passed + $failed -eq 0) {
        Write-Host 'No test ran: that is a failure, not a pass.' -ForegroundColor Red
        $exit = 1
    }
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    return $exit
}

function Invoke-Demo {
    Write-Step 'demo'
    $demo = Join-Path $Root 'docs/examples/Demo.ps1'
    $code = Invoke-ChildPwsh @('-File', $demo)
    if ($code -ne 0) { throw "The demo failed (exit code $code)." }
}

function Invoke-Bench {
    Write-Step 'bench'
    $script = Join-Path $Root 'tests/Benchmarks/Measure-JobStatus.ps1'
    if (-not (Test-Path $script)) { throw "$script does not exist." }
    $environment = @{ JOBSTATUS_MODULE = (Join-Path $OutDir 'JobStatus.psd1'); JOBSTATUS_EMULATOR = $EmulatorDll }
    $code = Invoke-ChildPwsh @('-File', $script) $environment
    if ($code -ne 0) { throw "The benchmark failed (exit code $code)." }
}

function Invoke-Soak {
    Write-Step 'soak'
    $script = Join-Path $Root 'tests/Benchmarks/Measure-Soak.ps1'
    if (-not (Test-Path $script)) { throw "$script does not exist." }
    $environment = @{ JOBSTATUS_MODULE = (Join-Path $OutDir 'JobStatus.psd1'); JOBSTATUS_EMULATOR = $EmulatorDll }
    $code = Invoke-ChildPwsh @('-File', $script) $environment
    if ($code -ne 0) { throw "The soak failed (exit code $code): a job was lost or written twice, or the script stopped; see above." }
}

function Invoke-Shapes {
    Write-Step 'bench-shapes'
    $script = Join-Path $Root 'tests/Benchmarks/Measure-Shapes.ps1'
    $environment = @{ JOBSTATUS_MODULE = (Join-Path $OutDir 'JobStatus.psd1'); JOBSTATUS_EMULATOR = $EmulatorDll }
    $code = Invoke-ChildPwsh @('-File', $script) $environment
    if ($code -ne 0) { throw "The shapes benchmark failed (exit code $code)." }
}

function Invoke-Clean {
    Write-Step 'clean'
    $targets = @(
        Join-Path $Root 'out'
        $ResultsDir
        Get-ChildItem (Join-Path $Root 'src'), (Join-Path $Root 'tests'), (Join-Path $Root 'tests/Benchmarks') -Directory -ErrorAction Ignore |
            ForEach-Object { Join-Path $_.FullName 'bin'; Join-Path $_.FullName 'obj'; Join-Path $_.FullName 'TestResults' }
    )
    if ($All) { $targets += Join-Path $Root 'tests/.packages' }
    foreach ($target in $targets) {
        if (Test-Path $target) {
            Write-Host "  remove $($target.Substring($Root.Length + 1))"
            Remove-Item $target -Recurse -Force
        }
    }
}

$unknown = @($Task | Where-Object { -not $KnownTasks.Contains($_) })
if ($unknown) {
    [Console]::Error.WriteLine("build.ps1: unknown task '$($unknown -join "', '")'. Tasks:")
    foreach ($k in $KnownTasks.Keys) { [Console]::Error.WriteLine(('  {0,-8} {1}' -f $k, $KnownTasks[$k])) }
    exit 1
}

# Relative to where the developer stands, not to the repo root this script moves to.
if ($PesterPath) { $PesterPath = @($PesterPath | ForEach-Object { (Resolve-Path $_).Path }) }

$done = [Collections.Generic.HashSet[string]]::new()
function Invoke-Once([string]$Name, [scriptblock]$Action) {
    if ($done.Add($Name)) { & $Action }
}

$exitCode = 0
try {
    Push-Location $Root
    foreach ($t in $Task) {
        switch ($t) {
            'build' { Invoke-Once build { Invoke-Build } }
            'help' { Invoke-Once help { Invoke-Help } }
            'clean' { Invoke-Once clean { Invoke-Clean } }
            'package' { Invoke-Once build { Invoke-Build }; Invoke-Once package { Invoke-Package } }
            'demo' { Invoke-Once build { Invoke-Build }; Invoke-Once demo { Invoke-Demo } }
            'bench' { Invoke-Once build { Invoke-Build }; Invoke-Once bench { Invoke-Bench } }
            'soak' { Invoke-Once build { Invoke-Build }; Invoke-Once soak { Invoke-Soak } }
            'bench-shapes' { Invoke-Once build { Invoke-Build }; Invoke-Once shapes { Invoke-Shapes } }
            'unit' { Invoke-Once unit { $script:exitCode = [Math]::Max($exitCode, (Complete-TestRun @(Invoke-Unit))) } }
            'pester' {
                Invoke-Once build { Invoke-Build }
                Invoke-Once pester { $script:exitCode = [Math]::Max($exitCode, (Complete-TestRun @(Invoke-PesterTests))) }
            }
            'test' {
                Invoke-Once build { Invoke-Build }
                Invoke-Once test {
                    $runs = @(Invoke-Unit; Invoke-PesterTests)
                    $script:exitCode = [Math]::Max($exitCode, (Complete-TestRun $runs))
                }
            }
        }
    }
}
catch {
    [Console]::Error.WriteLine("build.ps1: $($_.Exception.Message)")
    if ($_.InvocationInfo -and $_.InvocationInfo.ScriptName) {
        [Console]::Error.WriteLine("  at $($_.InvocationInfo.ScriptName):$($_.InvocationInfo.ScriptLineNumber)")
    }
    exit 1
}
finally {
    Pop-Location
}
exit $exitCode
