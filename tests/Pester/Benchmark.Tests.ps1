# The benchmark is not part of the test run (it takes minutes and its figures depend on the
# machine), but it must not rot: run every case of it at a tiny size (-Quick) and check that it
# produced a whole table. Its figures are not judged here; pass or MISS are both fine.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script = Join-Path $PSScriptRoot '../Benchmarks/Measure-JobStatus.ps1'
    $results = Join-Path $TestDrive 'results.md'

    # A separate pwsh, as build.ps1 bench runs it: the bench starts its own emulator and pwsh processes.
    $pwsh = [Environment]::ProcessPath
    $arguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $script, '-Quick', '-ResultsPath', $results)
    if (-not (Test-Path (Join-Path $PSHOME 'pwsh.dll'))) { $arguments = $arguments[1..($arguments.Count - 1)] }
    $env:JOBSTATUS_MODULE = Get-JobStatusModulePath
    $output = & $pwsh @arguments 2>&1 | Out-String
    $exitCode = $LASTEXITCODE
}

Describe 'The benchmark (-Quick)' {
    It 'runs to the end' {
        $exitCode | Should -Be 0 -Because $output
        $output | Should -Match 'targets met'
    }

    It 'writes a table with a row for every measure of the six cases, each marked pass or MISS (or info, for a comparison with no target)' {
        $text = Get-Content -Raw $results
        $text | Should -Match ('Machine: {0} cores' -f [Environment]::ProcessorCount)
        $text | Should -Match 'PowerShell \d+\.\d+\.\d+, \.NET \d+\.\d+'
        $rows = @(Get-Content $results | Where-Object { $_ -match '^\| \d\. ' })
        $rows.Count | Should -Be 14
        foreach ($case in '1. Batch', '2. One call', '3. Import', '4. Wait', '5. Memory', '6. Budget') {
            @($rows | Where-Object { $_.StartsWith("| $case") }).Count | Should -BeGreaterThan 0 -Because "case '$case' must be in the table"
        }
        foreach ($row in $rows) { $row | Should -Match '\| (pass|MISS|info) \|$' }
        # Only a row that compares with something no schedule can reach goes without a target.
        @($rows | Where-Object { $_.EndsWith('| info |') }).Count | Should -BeLessOrEqual 1
    }

    It 'names the ceiling client and the emulator alone in its notes' {
        Get-Content -Raw $results | Should -Match 'Emulator alone: the ceiling client reads [\d,]+ jobs/s'
        Get-Content -Raw $results | Should -Match 'Budget: with no budget anywhere the same jobs are written'
    }
}

Describe 'The per-shape benchmark (-Quick)' {
    # Every catalog service read through Get-CloudJob from the emulator, at a tiny size: the script
    # must reach the end and write a row per service the emulator plays.
    BeforeAll {
        $shapes = Join-Path $PSScriptRoot '../Benchmarks/Measure-Shapes.ps1'
        $shapeResults = Join-Path $TestDrive 'shapes.md'
        $shapeArguments = @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $shapes, '-Quick', '-ResultsPath', $shapeResults)
        if (-not (Test-Path (Join-Path $PSHOME 'pwsh.dll'))) { $shapeArguments = $shapeArguments[1..($shapeArguments.Count - 1)] }
        $shapeOutput = & ([Environment]::ProcessPath) @shapeArguments 2>&1 | Out-String
        $shapeExit = $LASTEXITCODE
    }

    It 'reads every service and writes a row for each, with its ratio to the services read before' {
        $shapeExit | Should -Be 0 -Because $shapeOutput
        $rows = @(Get-Content $shapeResults | Where-Object { $_ -match '^\| [A-Za-z]+ \| (hand-written|from the catalog) \|' })
        $emu = Start-TestEmulator
        try { $expected = @(Invoke-RestMethod -Uri "$($emu.Url)/_emulator/services" -NoProxy | ForEach-Object { $_ }).Count }
        finally { Stop-TestEmulator $emu }
        $rows.Count | Should -Be $expected
        foreach ($row in $rows) { $row | Should -Match '\| \d+\.\d\dx \|$' }
    }
}
