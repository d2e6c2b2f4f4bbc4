# Tab completion, as a user gets it from TabExpansion2: -Region offers the regions that serve the
# -Service given (CFW without one), and every service's regions on Connect-CloudJobService; -JobId offers the ids this runspace has already seen in Get-CloudJob and Wait-CloudJob output.
# Each completion test runs in a runspace of its own, so ids seen by other test files do not count.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-JobStatusModule
    $emu = Start-TestEmulator
    $P = '09bb24e6fe80d23d2fa2c010b53b418c'
    $modulePath = (Resolve-Path (Get-JobStatusModulePath)).Path

    function New-CompletionRunspace {
        # A fresh runspace with the module imported and connected to the emulator.
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $null = Invoke-InRunspace $runspace "Import-Module '$modulePath' -ErrorAction Stop; Connect-CloudJobService -Token emulator-token -ProjectId $P -Endpoint '$($emu.Url)'"
        $runspace
    }

    function Invoke-InRunspace($Runspace, [string]$Script, [switch]$AllowError) {
        $ps = [powershell]::Create()
        try {
            $ps.Runspace = $Runspace
            $result = $ps.AddScript($Script).Invoke()
            if ($ps.HadErrors -and -not $AllowError) { throw "The runspace reported: $(@($ps.Streams.Error | ForEach-Object { $_.ToString() }) -join '; ')" }
            $result
        }
        finally { $ps.Dispose() }
    }

    function Get-Completion($Runspace, [string]$InputScript) {
        # What Tab offers at the end of the line, as the console would ask for it.
        $ps = [powershell]::Create()
        try {
            $ps.Runspace = $Runspace
            $result = $ps.AddCommand('TabExpansion2').AddParameter('inputScript', $InputScript).AddParameter('cursorColumn', $InputScript.Length).Invoke()
            @($result[0].CompletionMatches)
        }
        finally { $ps.Dispose() }
    }

    $allRegions = @(
        'af-north-1', 'af-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
        'cn-east-2', 'cn-east-3', 'cn-east-4', 'cn-east-5', 'cn-north-4', 'cn-north-9', 'cn-north-11', 'cn-north-12',
        'cn-south-1', 'cn-south-2', 'cn-south-4', 'cn-southwest-2', 'cn-southwest-3', 'eu-west-101', 'la-north-2',
        'la-south-2', 'me-east-1', 'my-kualalumpur-1', 'ru-moscow-1', 'sa-brazil-1', 'tr-west-1'
    )

    # Every region some service's vendor region file lists (release 3.1.211), in the lists' order.
    $anyServiceRegions = @(
        'ae-ad-1', 'af-north-1', 'af-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
        'ap-southeast-5', 'cn-east-2', 'cn-east-3', 'cn-east-4', 'cn-east-5', 'cn-north-1', 'cn-north-2', 'cn-north-4',
        'cn-north-9', 'cn-north-11', 'cn-north-12', 'cn-south-1', 'cn-south-2', 'cn-south-4', 'cn-southwest-2',
        'cn-southwest-3', 'eu-west-0', 'eu-west-101', 'la-north-2', 'la-south-2', 'me-east-1', 'my-kualalumpur-1',
        'na-mexico-1', 'ru-moscow-1', 'ru-northwest-2', 'sa-brazil-1', 'sa-peru-1', 'tr-west-1'
    )
}

AfterAll {
    Stop-TestEmulator $emu
}

Describe 'Completion of -Region' {
    BeforeAll { $rs = New-CompletionRunspace }
    AfterAll { $rs.Dispose() }

    It 'offers the 28 regions that serve CFW on <_> without -Service' -ForEach @('Get-CloudJob', 'Wait-CloudJob', 'Get-CloudJobContext') {
        $matches = Get-Completion $rs "$_ -Region "
        $matches.CompletionText | Should -Be $allRegions
        $matches.ResultType | Sort-Object -Unique | Should -Be 'ParameterValue'
    }

    It 'offers the regions of every service on Connect-CloudJobService, whose region serves any -Service later' {
        $matches = Get-Completion $rs 'Connect-CloudJobService -Region '
        $matches.CompletionText | Should -Be $anyServiceRegions
        $matches.ResultType | Sort-Object -Unique | Should -Be 'ParameterValue'
        (Get-Completion $rs 'Connect-CloudJobService -Token x -Region CN-NORTH-').CompletionText | Should -Be @('cn-north-1', 'cn-north-2', 'cn-north-4', 'cn-north-9', 'cn-north-11', 'cn-north-12')
    }

    It 'names the services that serve a region in the tooltip on Connect-CloudJobService' {
        (Get-Completion $rs 'Connect-CloudJobService -Region cn-north-4').ToolTip | Should -Be 'Served by every service'
        # Global services (Global EIP, UCS, the order sites) serve every region from their one host.
        (Get-Completion $rs 'Connect-CloudJobService -Region cn-north-1')[0].ToolTip | Should -Be 'Served by every service but CFW, CAE, CPH, GaussDB, openGauss, SDRS, Workspace, WorkspaceApp'
        (Get-Completion $rs 'Connect-CloudJobService -Region sa-peru-1').ToolTip | Should -Be 'Served by GEIP, Order, OrderIntl, SWR, UCS'
        (Get-Completion $rs "Connect-CloudJobService -Region 'eu-west-0").CompletionText | Should -Be "'eu-west-0'"
    }

    It 'offers the regions and hosts of the -Service given on <_>' -ForEach @('Get-CloudJob', 'Wait-CloudJob', 'Get-CloudJobContext') {
        $gauss = Get-Completion $rs "$_ -Service GaussDB -Region "
        $gauss.Count | Should -Be 20
        ($gauss | Where-Object CompletionText -eq 'cn-north-11').ToolTip | Should -Be 'https://gaussdbformysql.cn-north-11.myhuaweicloud.com'
        ($gauss | Where-Object CompletionText -eq 'la-north-2').ToolTip | Should -Be 'https://gaussdb-mysql.la-north-2.myhuaweicloud.com'
        (Get-Completion $rs "$_ -Service vpc -Region eu-west-1").ToolTip | Should -Be 'https://vpc.eu-west-101.myhuaweicloud.com'
        (Get-Completion $rs "$_ -Service RDS -Region cn-north-1").CompletionText | Should -Be @('cn-north-1', 'cn-north-11', 'cn-north-12')
    }

    It 'offers only the regions that start with the typed word, ignoring case' {
        (Get-Completion $rs 'Get-CloudJob -Region cn-north').CompletionText | Should -Be @('cn-north-4', 'cn-north-9', 'cn-north-11', 'cn-north-12')
        (Get-Completion $rs 'Get-CloudJob x -Region AP-SOUTHEAST-').CompletionText | Should -Be @('ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5')
        Get-Completion $rs 'Get-CloudJob -Region us-' | Should -BeNullOrEmpty
    }

    It 'shows the endpoint each region is served by as the tooltip' {
        $eu = Get-Completion $rs 'Wait-CloudJob -Region eu-'
        $eu.CompletionText | Should -Be 'eu-west-101'
        $eu.ToolTip | Should -Be 'https://cfw.eu-west-101.myhuaweicloud.eu'
        (Get-Completion $rs 'Wait-CloudJob -Region cn-north-4').ToolTip | Should -Be 'https://cfw.cn-north-4.myhuaweicloud.com'
    }

    It 'keeps the quote the user opened' {
        (Get-Completion $rs "Get-CloudJob -Region 'tr").CompletionText | Should -Be "'tr-west-1'"
        (Get-Completion $rs 'Get-CloudJob -Region "me').CompletionText | Should -Be '"me-east-1"'
    }
}

Describe 'Completion of -JobId' {
    BeforeAll {
        $seenIds = 'cmpl-aaaa-1', 'cmpl-aaaa-2', 'cmpl-bbbb-1'
        $null = New-TestJob @($seenIds | ForEach-Object { @{ id = $_; runSeconds = 0 } })
        $null = New-TestJob @(@{ id = 'cmpl-wait-1'; runSeconds = 0 }, @{ id = 'cmpl space'; runSeconds = 0 })
    }

    BeforeEach { $rs = New-CompletionRunspace }
    AfterEach { $rs.Dispose() }

    It 'offers nothing before any job was seen' {
        Get-Completion $rs 'Get-CloudJob -JobId ' | Should -BeNullOrEmpty
        Get-Completion $rs 'Get-CloudJob cmpl' | Should -BeNullOrEmpty
    }

    It 'offers the ids Get-CloudJob wrote, most recent first' {
        $null = Invoke-InRunspace $rs "Get-CloudJob $($seenIds -join ',')"
        (Get-Completion $rs 'Get-CloudJob -JobId ').CompletionText | Should -Be @('cmpl-bbbb-1', 'cmpl-aaaa-2', 'cmpl-aaaa-1')
        $null = Invoke-InRunspace $rs 'Get-CloudJob cmpl-aaaa-1'
        (Get-Completion $rs 'Wait-CloudJob -JobId ').CompletionText | Should -Be @('cmpl-aaaa-1', 'cmpl-bbbb-1', 'cmpl-aaaa-2')
    }

    It 'filters by the typed word, also for the positional -JobId and its aliases' {
        $null = Invoke-InRunspace $rs "Get-CloudJob $($seenIds -join ',')"
        (Get-Completion $rs 'Get-CloudJob cmpl-a').CompletionText | Should -Be @('cmpl-aaaa-2', 'cmpl-aaaa-1')
        (Get-Completion $rs 'Wait-CloudJob -Id CMPL-B').CompletionText | Should -Be 'cmpl-bbbb-1'
        (Get-Completion $rs 'Get-CloudJob -job_id cmpl-aaaa-1').CompletionText | Should -Be 'cmpl-aaaa-1'
    }

    It 'shows the status and project in the tooltip' {
        $null = Invoke-InRunspace $rs 'Get-CloudJob cmpl-bbbb-1'
        (Get-Completion $rs 'Get-CloudJob cmpl-b').ToolTip | Should -Be "cmpl-bbbb-1: Success (project $P)"
    }

    It 'offers the ids Wait-CloudJob wrote' {
        $null = Invoke-InRunspace $rs 'Wait-CloudJob cmpl-wait-1 -Timeout 30 -PollIntervalSec 0.2'
        (Get-Completion $rs 'Get-CloudJob cmpl-w').CompletionText | Should -Be 'cmpl-wait-1'
    }

    It 'does not offer an id that was not found' {
        $null = Invoke-InRunspace $rs 'Get-CloudJob cmpl-missing-1' -AllowError
        Get-Completion $rs 'Get-CloudJob cmpl-m' | Should -BeNullOrEmpty
    }

    It 'quotes an id that would not parse bare' {
        $null = Invoke-InRunspace $rs "Get-CloudJob 'cmpl space'"
        (Get-Completion $rs 'Get-CloudJob cmpl-s').CompletionText | Should -BeNullOrEmpty
        (Get-Completion $rs "Get-CloudJob 'cmpl s").CompletionText | Should -Be "'cmpl space'"
        (Get-Completion $rs 'Get-CloudJob cmpl').CompletionText | Should -Contain "'cmpl space'"
    }

    It 'leaves out ids seen in another project when -ProjectId is typed' {
        $null = Invoke-InRunspace $rs 'Get-CloudJob cmpl-aaaa-1'
        (Get-Completion $rs "Get-CloudJob -ProjectId $P -JobId cmpl").CompletionText | Should -Be 'cmpl-aaaa-1'
        Get-Completion $rs 'Get-CloudJob -ProjectId 0123456789abcdef0123456789abcdef -JobId cmpl' | Should -BeNullOrEmpty
    }

    It 'keeps the 200 most recent ids' {
        $many = 1..205 | ForEach-Object { 'cmpl-many-{0:d3}' -f $_ }
        $null = New-TestJob @($many | ForEach-Object { @{ id = $_; runSeconds = 0 } })
        $null = Invoke-InRunspace $rs "Get-CloudJob $($many -join ',') | Out-Null"
        $offered = (Get-Completion $rs 'Get-CloudJob cmpl-many-').CompletionText
        $offered.Count | Should -Be 200
        $offered[0] | Should -Be 'cmpl-many-205'
        $offered[-1] | Should -Be 'cmpl-many-006'
    }

    It 'belongs to the runspace that saw the ids' {
        $null = Invoke-InRunspace $rs "Get-CloudJob $($seenIds -join ',')"
        $other = New-CompletionRunspace
        try { Get-Completion $other 'Get-CloudJob cmpl' | Should -BeNullOrEmpty }
        finally { $other.Dispose() }
    }
}
