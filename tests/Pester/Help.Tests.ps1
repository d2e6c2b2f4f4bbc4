# The help a user reads must say what the code does. docs/<Cmdlet>.md (PlatyPS's markdown schema)
# is compared with Get-Command's metadata of the built cmdlet: every parameter on both sides, its
# type, aliases, parameter sets, position, mandatory flag, pipeline input and default, the SYNTAX
# blocks and the declared output types. Then Get-Help -Full, -Examples and -Parameter must show the
# docs' text for every cmdlet and parameter, and about_JobStatus must name every error id the code
# can raise. The last block proves the comparison fails, with a clear sentence, when a page drifts.

BeforeDiscovery {
    # One block per cmdlet page; the first test checks that the pages and the exported cmdlets match.
    Import-Module (Join-Path $PSScriptRoot 'CommandDocs.psm1') -Force
    $pageNames = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Filter '*.md' |
            Where-Object { Get-CommandDocPage $_.FullName } | ForEach-Object BaseName)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'CommandDocs.psm1') -Force
    $null = Import-JobStatusModule
    $docs = (Resolve-Path (Join-Path $PSScriptRoot '../../docs')).Path
    $common = [Management.Automation.PSCmdlet]::CommonParameters + [Management.Automation.PSCmdlet]::OptionalCommonParameters

    function Assert-NoDifference([string[]]$Difference, [string]$What) {
        if ($Difference) { throw "$What`:`n  - $($Difference -join "`n  - ")" }
    }
}

Describe 'The cmdlet pages in docs/' {
    It 'cover exactly the cmdlets the module exports' {
        $pages = @(Get-ChildItem $docs -Filter '*.md' | Where-Object { Get-CommandDocPage $_.FullName } | ForEach-Object BaseName | Sort-Object)
        $exported = @(Get-Command -Module JobStatus | ForEach-Object Name | Sort-Object)
        $difference = @(
            $exported | Where-Object { $_ -notin $pages } | ForEach-Object { "$_ is exported but has no docs/$_.md" }
            $pages | Where-Object { $_ -notin $exported } | ForEach-Object { "docs/$_.md describes $_, which the module does not export" }
        )
        Assert-NoDifference $difference 'docs/ and the exported cmdlets disagree'
    }
}

Describe 'docs/<_>.md' -ForEach $pageNames {
    BeforeAll {
        $name = $_
        $command = Get-Command $name -Module JobStatus
        $page = Get-CommandDocPage (Join-Path $docs "$name.md")
        $ownParameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $common } | ForEach-Object Name)
    }

    It 'agrees with the cmdlet: parameters, types, aliases, sets, positions, mandatory, pipeline, defaults, syntax, outputs' {
        Assert-NoDifference @(Compare-CommandDoc -Command $command -Page $page) "docs/$name.md and $name disagree"
    }

    It 'gives Get-Help -Full real text in every section' {
        $help = Get-Help $name -Full
        $text = $help | Out-String -Width 200
        $text | Should -Not -Match '\{\{' -Because 'placeholders are not help'
        $help.Synopsis | Should -Be $page.Synopsis
        @($help.description.Text) -join "`n" | Should -Match ([regex]::Escape(($page.Description[0] -split '\s+')[0..5] -join ' '))
        foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
            $text | Should -Match "(?m)^$section\s*$" -Because "Get-Help -Full shows a $section section"
        }
        @($help.inputTypes.inputType).Count | Should -Be @($page.Inputs).Count
        @($help.returnValues.returnValue).Count | Should -Be @($page.Outputs).Count
        @($help.alertSet.alert.Text) -join '' | Should -Not -BeNullOrEmpty
        @($help.relatedLinks.navigationLink).Count | Should -BeGreaterOrEqual 1
    }

    It 'gives Get-Help -Examples every example of the page, with its code' {
        $examples = @((Get-Help $name -Examples).examples.example)
        $examples.Count | Should -Be @($page.Examples).Count
        for ($i = 0; $i -lt $examples.Count; $i++) {
            $examples[$i].title | Should -Match ([regex]::Escape($page.Examples[$i].Title))
            $examples[$i].code | Should -Match ([regex]::Escape(($page.Examples[$i].Blocks | Where-Object Language -EQ 'powershell' | Select-Object -First 1).Text.Split("`n")[0]))
        }
    }

    It 'gives Get-Help -Parameter the page''s text for every parameter' {
        $difference = foreach ($parameter in $ownParameters) {
            $entry = Get-Help $name -Parameter $parameter -ErrorAction SilentlyContinue
            $documented = $page.Parameters | Where-Object Name -EQ $parameter
            $text = if ($entry) { @($entry.description.Text) -join ' ' } else { '' }
            if (-not $entry) { "-${parameter}: Get-Help -Parameter finds nothing" }
            elseif ([string]::IsNullOrWhiteSpace($text)) { "-${parameter}: Get-Help -Parameter shows no description" }
            elseif ($documented -and -not $text.StartsWith(($documented.Description[0] -split '\s+')[0..3] -join ' ')) { "-${parameter}: Get-Help -Parameter does not show the text of docs/$name.md" }
        }
        Assert-NoDifference @($difference) "Get-Help $name -Parameter"
    }
}

Describe 'about_JobStatus' {
    BeforeAll {
        $aboutPath = Join-Path $docs 'about_JobStatus.md'
        $aboutMarkdown = Get-Content -Raw $aboutPath
        $aboutText = Get-Help about_JobStatus | Out-String
        # Every error id the code raises, with its category: ("CloudJobX", ErrorCategory.Y) or "CloudJobX", ErrorCategory.Y.
        $source = (Get-ChildItem (Join-Path $PSScriptRoot '../../src/JobStatus') -Recurse -Filter '*.cs' | Get-Content -Raw) -join "`n"
        $raised = @([regex]::Matches($source, '"(CloudJob\w+)"\s*,\s*ErrorCategory\.(\w+)') | ForEach-Object {
                [pscustomobject]@{ Id = $_.Groups[1].Value; Category = $_.Groups[2].Value }
            } | Sort-Object Id -Unique)
        $documentedRows = @([regex]::Matches($aboutMarkdown, '(?m)^\|\s*`?(CloudJob\w+)`?\s*\|\s*(\w+)\s*\|') | ForEach-Object {
                [pscustomobject]@{ Id = $_.Groups[1].Value; Category = $_.Groups[2].Value }
            })
    }

    It 'is shown by Get-Help about_JobStatus' {
        $aboutText | Should -Match 'TOPIC'
        $aboutText | Should -Match 'about_JobStatus'
        $aboutText.Length | Should -BeGreaterThan 4000
    }

    It 'covers <Topic>' -ForEach @(
        @{ Topic = 'the credential order'; Pattern = 'first one found wins' }
        @{ Topic = 'the environment variables'; Pattern = '(?s)HW_AUTH_TOKEN.*OS_AUTH_TOKEN.*HUAWEICLOUD_SDK_AK.*HW_ACCESS_KEY' }
        @{ Topic = 'the job object'; Pattern = 'RawStatus' }
        @{ Topic = 'the errors'; Pattern = 'FullyQualifiedErrorId' }
        @{ Topic = 'the emulator'; Pattern = 'emulator-token' }
        @{ Topic = 'runbook patterns'; Pattern = 'RUNBOOK PATTERNS' }
        @{ Topic = 'tab completion'; Pattern = 'TAB COMPLETION' }
    ) {
        $aboutText | Should -Match $Pattern -Because "about_JobStatus explains $Topic"
    }

    It 'names every error id the code raises, with its category' {
        $raised.Count | Should -BeGreaterThan 20 -Because 'the source scan must find the ids'
        $difference = foreach ($r in $raised) {
            $row = $documentedRows | Where-Object Id -EQ $r.Id | Select-Object -First 1
            if (-not $row) { "$($r.Id) ($($r.Category)) is raised by the code but has no row in the error tables" }
            elseif ($row.Category -ne $r.Category) { "$($r.Id): the table says $($row.Category), the code raises $($r.Category)" }
        }
        $difference += foreach ($row in $documentedRows | Where-Object { $_.Id -notin @($raised | ForEach-Object Id) }) { "$($row.Id) is in the error tables but the code never raises it" }
        Assert-NoDifference @($difference) 'docs/about_JobStatus.md and the error ids of the code disagree'
    }
}

Describe 'The docs-vs-code comparison' {
    # Proof that the check above can fail: copies of real pages, each broken in one way, must be
    # reported with the sentence that names the page, the parameter and both values.
    BeforeAll {
        function Test-BrokenPage([string]$Cmdlet, [string]$Pattern, [string]$Replacement) {
            $original = Get-Content -Raw (Join-Path $docs "$Cmdlet.md")
            $broken = if ($Pattern) { [regex]::Replace($original, $Pattern, $Replacement) } else { $original }
            if ($Pattern) { $broken | Should -Not -Be $original -Because "the pattern '$Pattern' must change docs/$Cmdlet.md" }
            $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
            $null = New-Item -ItemType Directory $folder
            $path = Join-Path $folder "$Cmdlet.md"
            Set-Content -LiteralPath $path -Value $broken -NoNewline
            @(Compare-CommandDoc -Command (Get-Command $Cmdlet -Module JobStatus) -Page (Get-CommandDocPage $path))
        }
    }

    It 'finds no difference in an unchanged copy' {
        foreach ($name in Get-Command -Module JobStatus | ForEach-Object Name) { Test-BrokenPage $name | Should -BeNullOrEmpty }
    }

    It 'reports <Because>' -ForEach @(
        @{ Because = 'a wrong type'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -TimeoutSec\n.*?Type: )Int32'; Replacement = '${1}Double'
            Expected = "docs/Get-CloudJob.md: -TimeoutSec: Type is 'Double' in the docs, Int32 in the code" }
        @{ Because = 'a parameter the docs lack'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)### -ThrottleLimit\n.*?(?=### -MaximumRequestRate)|\s*\[-ThrottleLimit <Int32>\]'; Replacement = ''
            Expected = 'docs/Get-CloudJob.md: -ThrottleLimit is a parameter of Get-CloudJob, but PARAMETERS does not describe it' }
        @{ Because = 'a parameter the code lacks'; Cmdlet = 'Get-CloudJob'; Pattern = '### CommonParameters'
            Replacement = "### -Bogus`nNot real.`n`n``````yaml`nType: String`nParameter Sets: (All)`nAliases:`n`nRequired: False`nPosition: Named`nDefault value: None`nAccept pipeline input: False`nAccept wildcard characters: False`n```````n`n### CommonParameters"
            Expected = 'docs/Get-CloudJob.md: PARAMETERS describes -Bogus, but Get-CloudJob has no such parameter' }
        @{ Because = 'a wrong position'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -JobId\n.*?Position: )0'; Replacement = '${1}Named'
            Expected = "docs/Get-CloudJob.md: -JobId: Position is 'Named' in the docs, 0 in the code" }
        @{ Because = 'a missing alias'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -JobId\n.*?Aliases: Id), job_id'; Replacement = '$1'
            Expected = "docs/Get-CloudJob.md: -JobId: Aliases are 'Id' in the docs, 'Id, job_id' in the code" }
        @{ Because = 'a wrong mandatory flag'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -JobId\n.*?Required: )True'; Replacement = '${1}False'
            Expected = "docs/Get-CloudJob.md: -JobId: Required is 'False' in the docs, True in the code" }
        @{ Because = 'wrong pipeline input'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -ProjectId\n.*?Accept pipeline input: )True \(ByPropertyName\)'; Replacement = '${1}False'
            Expected = "docs/Get-CloudJob.md: -ProjectId: 'Accept pipeline input' is 'False' in the docs, 'True (ByPropertyName)' in the code" }
        @{ Because = 'a wrong default'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -TimeoutSec\n.*?Default value: )30'; Replacement = '${1}60'
            Expected = "docs/Get-CloudJob.md: -TimeoutSec: 'Default value' is '60' in the docs, 30 in the code" }
        @{ Because = 'a wrong parameter set'; Cmdlet = 'Wait-CloudJob'; Pattern = '(?s)(### -InputObject\n.*?Parameter Sets: )InputObject'; Replacement = '${1}Id'
            Expected = "docs/Wait-CloudJob.md: -InputObject: 'Parameter Sets' are 'Id' in the docs, 'InputObject' in the code" }
        @{ Because = 'a wrong mandatory flag in one parameter set'; Cmdlet = 'Wait-CloudJob'; Pattern = '(?s)(### -InputObject\n.*?Required: )True'; Replacement = '${1}False'
            Expected = "docs/Wait-CloudJob.md: -InputObject in parameter set InputObject: Required is 'False' in the docs, True in the code" }
        @{ Because = 'a wrong default parameter set'; Cmdlet = 'Wait-CloudJob'; Pattern = '### InputObject \(Default\)'; Replacement = '### InputObject'
            Expected = "docs/Wait-CloudJob.md: SYNTAX marks 'InputObject' as not the default set '(Default)'; in the code it is the default" }
        @{ Because = 'a missing yaml key'; Cmdlet = 'Get-CloudJob'; Pattern = '(?s)(### -Region\n.*?)Accept wildcard characters: False\n'; Replacement = '$1'
            Expected = "docs/Get-CloudJob.md: -Region: its yaml block has no 'Accept wildcard characters' line" }
        @{ Because = 'an optional parameter shown as mandatory in SYNTAX'; Cmdlet = 'Get-CloudJob'; Pattern = '\[-TimeoutSec <Int32>\]'; Replacement = '-TimeoutSec <Int32>'
            Expected = 'docs/Get-CloudJob.md: SYNTAX (__AllParameterSets) shows -TimeoutSec as mandatory, the code makes it optional' }
        @{ Because = 'a parameter left out of SYNTAX'; Cmdlet = 'Wait-CloudJob'; Pattern = '(?s)(### Id\n```\n.*?) \[-Any\]'; Replacement = '$1'
            Expected = 'docs/Wait-CloudJob.md: SYNTAX (Id) leaves out -Any' }
        @{ Because = 'a wrong schema version'; Cmdlet = 'Disconnect-CloudJobService'; Pattern = 'schema: 2.0.0'; Replacement = 'schema: 1.0.0'
            Expected = "docs/Disconnect-CloudJobService.md: 'schema' is '1.0.0', PlatyPS's markdown schema is 2.0.0" }
        @{ Because = 'a missing section'; Cmdlet = 'Get-CloudJobContext'; Pattern = '## NOTES'; Replacement = '## REMARKS'
            Expected = "docs/Get-CloudJobContext.md: has 0 '## NOTES' sections, PlatyPS's schema has one" }
        @{ Because = 'a missing CommonParameters entry'; Cmdlet = 'Disconnect-CloudJobService'; Pattern = '(?s)### CommonParameters\n.*?(?=## INPUTS)'; Replacement = ''
            Expected = "docs/Disconnect-CloudJobService.md: PARAMETERS has no '### CommonParameters' entry, but every cmdlet takes the common parameters" }
        @{ Because = 'a pipeline input type INPUTS leaves out'; Cmdlet = 'Wait-CloudJob'; Pattern = '### JobStatus.CloudJob\[\]'; Replacement = '### JobStatus.CloudJob'
            Expected = 'docs/Wait-CloudJob.md: INPUTS does not list JobStatus.CloudJob[], which -InputObject takes from the pipeline' }
    ) {
        Test-BrokenPage $Cmdlet $Pattern $Replacement | Should -Contain $Expected
    }
}
