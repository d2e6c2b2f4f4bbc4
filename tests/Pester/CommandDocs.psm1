<#
    Compares a cmdlet, as Get-Command describes it, with its help page docs/<Cmdlet>.md, read with the
    same reader the build uses (src/HelpWriter/HelpMarkdown.psm1). Every difference is one sentence
    that names the page, the parameter (and parameter set) and both values, so a failing test says
    exactly what to fix.
#>

Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../../src/HelpWriter/HelpMarkdown.psm1') -Force

$YamlKeys = 'Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters'
$Sections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$AllSets = '__AllParameterSets'

function Get-CommandDocPage {
    <# .SYNOPSIS The command model of a cmdlet page (see HelpMarkdown.psm1), or $null for a page that is not one. #>
    param([Parameter(Mandatory)][string]$Path)
    Read-CommandPage $Path 3>$null
}

function Get-OwnParameter($Command) {
    $common = [Management.Automation.PSCmdlet]::CommonParameters + [Management.Automation.PSCmdlet]::OptionalCommonParameters
    @($Command.Parameters.Values | Where-Object { $_.Name -notin $common })
}

function Test-TypeName([string]$Written, [type]$Type) {
    # PlatyPS writes the short name (String[], SwitchParameter); the full name is accepted too.
    $Written.Trim() -in @($Type.Name, $Type.FullName, ($Type.FullName -replace '^System\.', ''))
}

function Format-Position([int]$Position) {
    if ($Position -eq [int]::MinValue) { 'Named' } else { [string]$Position }
}

function Format-Pipeline($Metadata) {
    $ways = @(if ($Metadata.ValueFromPipelineByPropertyName) { 'ByPropertyName' }; if ($Metadata.ValueFromPipeline) { 'ByValue' })
    if ($ways) { "True ($($ways -join ', '))" } else { 'False' }
}

function Read-Pipeline([string]$Written) {
    # "True (ByValue, ByPropertyName)" in any order -> "True (ByPropertyName, ByValue)"; "False" stays.
    if ($Written -notmatch '^\s*True\b') { return 'False' }
    $ways = @([regex]::Matches($Written, 'By\w+') | ForEach-Object Value | Sort-Object -Unique)
    "True ($($ways -join ', '))"
}

function Split-List([string]$Written) {
    @(if ($Written) { $Written -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ -and $_ -ne 'None' } })
}

function Get-CodeDefault($Command) {
    # The value each parameter property holds before binding: what "Default value" must say for a
    # number or a switch. Read from a fresh instance of the cmdlet class.
    $defaults = @{}
    $instance = [Activator]::CreateInstance($Command.ImplementingType)
    try {
        foreach ($p in Get-OwnParameter $Command) {
            $value = $Command.ImplementingType.GetProperty($p.Name).GetValue($instance)
            if ($value -is [Management.Automation.SwitchParameter]) { $defaults[$p.Name] = [string]$value.IsPresent }
            elseif ($value -is [ValueType]) { $defaults[$p.Name] = [Convert]::ToString($value, [Globalization.CultureInfo]::InvariantCulture) }
        }
    }
    finally { if ($instance -is [IDisposable]) { $instance.Dispose() } }
    $defaults
}

function Read-SyntaxLine([string]$Text) {
    # "[[-JobId] <String[]>]" optional positional, "[-JobId] <String[]>" mandatory positional,
    # "[-Region <String>]" optional named, "-Token <SecureString>" mandatory named, "[-Any]" optional switch.
    foreach ($m in [regex]::Matches($Text, '(?<![\w-])(?<open>\[*)-(?<name>[A-Za-z]\w*)(?<nameClose>\]?)(?:\s+<(?<type>[^>]+)>)?(?<close>\]?)')) {
        $hasType = $m.Groups['type'].Success
        $positional = $hasType -and $m.Groups['nameClose'].Value -eq ']'
        $brackets = $m.Groups['open'].Value.Length - [int]$positional
        [pscustomobject]@{
            Name       = $m.Groups['name'].Value
            Type       = $(if ($hasType) { $m.Groups['type'].Value } else { 'SwitchParameter' })
            Positional = $positional
            Optional   = $brackets -gt 0
        }
    }
}

function Compare-CommandDoc {
    <#
    .SYNOPSIS
        Every way the page and the cmdlet disagree, one sentence each; nothing when they agree.
    .PARAMETER Command
        Get-Command's CommandInfo of the cmdlet.
    .PARAMETER Page
        Get-CommandDocPage's model of docs/<Cmdlet>.md.
    #>
    param(
        [Parameter(Mandatory)]$Command,
        [Parameter(Mandatory)]$Page
    )
    $doc = "docs/$(Split-Path -Leaf $Page.Path)"
    $name = $Command.Name

    # The page itself: PlatyPS's front matter and sections.
    if ($Page.Name -ne $name) { "${doc}: its title is '# $($Page.Name)', the cmdlet is $name" }
    $expectedHelpFile = "$([IO.Path]::GetFileName($Command.ImplementingType.Assembly.Location))-Help.xml"
    if ($Page.HelpFile -ne $expectedHelpFile) { "${doc}: 'external help file' is '$($Page.HelpFile)', the cmdlet's assembly needs '$expectedHelpFile'" }
    if ($Page.Front['Module Name'] -ne $Command.ModuleName) { "${doc}: 'Module Name' is '$($Page.Front['Module Name'])', the cmdlet is in module '$($Command.ModuleName)'" }
    if ($Page.Front['schema'] -ne '2.0.0') { "${doc}: 'schema' is '$($Page.Front['schema'])', PlatyPS's markdown schema is 2.0.0" }
    if (-not $Page.Front.ContainsKey('online version')) { "${doc}: the front matter has no 'online version' key (PlatyPS writes it, empty if there is none)" }
    foreach ($section in $Sections) {
        $count = @($Page.Sections | Where-Object { $_ -eq $section }).Count
        if ($count -ne 1) { "${doc}: has $count '## $section' sections, PlatyPS's schema has one" }
    }
    foreach ($extra in $Page.Sections | Where-Object { $_ -notin $Sections }) { "${doc}: '## $extra' is not a section of PlatyPS's schema" }
    if (-not @($Page.Examples | Where-Object { $_.Blocks | Where-Object Language -EQ 'powershell' })) {
        "${doc}: EXAMPLES has no '### Example' with a powershell code block"
    }

    # Parameters: present on both sides, then each property.
    $own = Get-OwnParameter $Command
    $documented = @($Page.Parameters)
    $documentedNames = @($documented | ForEach-Object Name)
    $ownNames = @($own | ForEach-Object Name)
    foreach ($p in $own | Where-Object { $_.Name -notin $documentedNames }) { "${doc}: -$($p.Name) is a parameter of $name, but PARAMETERS does not describe it" }
    foreach ($d in $documented | Where-Object { $_.Name -notin $ownNames }) { "${doc}: PARAMETERS describes -$($d.Name), but $name has no such parameter" }
    $defaults = Get-CodeDefault $Command

    foreach ($p in $own) {
        $d = $documented | Where-Object Name -EQ $p.Name | Select-Object -First 1
        if (-not $d) { continue }
        $label = "${doc}: -$($p.Name)"
        foreach ($variant in $d.Variants) {
            foreach ($key in $YamlKeys | Where-Object { -not $variant.Values.ContainsKey($_) }) { "${label}: its yaml block has no '$key' line" }
            if (-not (Test-TypeName $variant.Type $p.ParameterType)) { "${label}: Type is '$($variant.Type)' in the docs, $($p.ParameterType.Name) in the code" }
            $docAliases = @(Split-List $variant.Values['Aliases'] | Sort-Object)
            $codeAliases = @($p.Aliases | Sort-Object)
            if (($docAliases -join ', ') -ne ($codeAliases -join ', ')) { "${label}: Aliases are '$($docAliases -join ', ')' in the docs, '$($codeAliases -join ', ')' in the code" }
            $wildcards = [bool]($p.Attributes | Where-Object { $_ -is [Management.Automation.SupportsWildcardsAttribute] })
            if (($variant.Values['Accept wildcard characters'] -eq 'True') -ne $wildcards) { "${label}: 'Accept wildcard characters' is '$($variant.Values['Accept wildcard characters'])' in the docs, $wildcards in the code" }
            $validateSet = $p.Attributes | Where-Object { $_ -is [Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
            $docAccepted = @(Split-List $variant.Values['Accepted values'])
            $codeAccepted = @(if ($validateSet) { $validateSet.ValidValues })
            if (($docAccepted -join ', ') -ne ($codeAccepted -join ', ')) { "${label}: 'Accepted values' are '$($docAccepted -join ', ')' in the docs, '$($codeAccepted -join ', ')' in the code" }
            if ($defaults.ContainsKey($p.Name) -and $variant.Values['Default value'] -ne $defaults[$p.Name]) {
                "${label}: 'Default value' is '$($variant.Values['Default value'])' in the docs, $($defaults[$p.Name]) in the code"
            }
        }

        # Parameter sets: the yaml blocks together name the sets the parameter is in ((All) for all).
        $codeSets = @($p.ParameterSets.Keys | ForEach-Object { if ($_ -eq $AllSets) { '(All)' } else { $_ } } | Sort-Object)
        $docSets = @($d.Variants | ForEach-Object { $_.Sets } | Sort-Object -Unique)
        if (($docSets -join ', ') -ne ($codeSets -join ', ')) { "${label}: 'Parameter Sets' are '$($docSets -join ', ')' in the docs, '$($codeSets -join ', ')' in the code" }

        foreach ($entry in $p.ParameterSets.GetEnumerator()) {
            $set = if ($entry.Key -eq $AllSets) { '(All)' } else { $entry.Key }
            $where = if ($set -eq '(All)') { '' } else { " in parameter set $set" }
            $variant = $d.Variants | Where-Object { $set -in $_.Sets -or '(All)' -in $_.Sets } | Select-Object -First 1
            if (-not $variant) { continue }
            $m = $entry.Value
            $required = $variant.Values['Required'] -eq 'True'
            if ($required -ne $m.IsMandatory) { "${label}${where}: Required is '$($variant.Values['Required'])' in the docs, $($m.IsMandatory) in the code" }
            $codePosition = Format-Position $m.Position
            if ($variant.Values['Position'] -ne $codePosition) { "${label}${where}: Position is '$($variant.Values['Position'])' in the docs, $codePosition in the code" }
            $codePipeline = Format-Pipeline $m
            if ((Read-Pipeline $variant.Values['Accept pipeline input']) -ne $codePipeline) { "${label}${where}: 'Accept pipeline input' is '$($variant.Values['Accept pipeline input'])' in the docs, '$codePipeline' in the code" }
        }
    }

    # SYNTAX: one block per parameter set, with that set's parameters shown as the code makes them.
    $codeSetsAll = @($Command.ParameterSets)
    $codeSetNames = @($codeSetsAll | ForEach-Object Name)
    $syntaxSets = @($Page.Syntax | ForEach-Object Set)
    foreach ($s in $codeSetsAll | Where-Object { $_.Name -notin $syntaxSets }) { "${doc}: SYNTAX has no '### $($s.Name)' block, but $name has that parameter set" }
    foreach ($s in $Page.Syntax | Where-Object { $_.Set -notin $codeSetNames }) { "${doc}: SYNTAX shows the parameter set '$($s.Set)', which $name does not have" }
    foreach ($s in $codeSetsAll) {
        $written = $Page.Syntax | Where-Object Set -EQ $s.Name | Select-Object -First 1
        if (-not $written) { continue }
        $isDefault = $s.IsDefault -and $s.Name -ne $AllSets
        if ($written.IsDefault -ne $isDefault) { "${doc}: SYNTAX marks '$($s.Name)' as $(if ($written.IsDefault) { '' } else { 'not ' })the default set '(Default)'; in the code it is $(if ($isDefault) { '' } else { 'not ' })the default" }
        $shown = @(Read-SyntaxLine $written.Text)
        if ($written.Text -notmatch [regex]::Escape($name)) { "${doc}: SYNTAX ($($s.Name)) does not start with $name" }
        $codeParameters = @($s.Parameters | Where-Object { $_.Name -in $ownNames })
        $codeParameterNames = @($codeParameters | ForEach-Object Name)
        $shownNames = @($shown | ForEach-Object Name)
        foreach ($cp in $codeParameters | Where-Object { $_.Name -notin $shownNames }) { "${doc}: SYNTAX ($($s.Name)) leaves out -$($cp.Name)" }
        foreach ($sp in $shown | Where-Object { $_.Name -notin $codeParameterNames }) { "${doc}: SYNTAX ($($s.Name)) shows -$($sp.Name), which is not in that parameter set" }
        foreach ($cp in $codeParameters) {
            $sp = $shown | Where-Object Name -EQ $cp.Name | Select-Object -First 1
            if (-not $sp) { continue }
            if ($sp.Optional -eq $cp.IsMandatory) { "${doc}: SYNTAX ($($s.Name)) shows -$($cp.Name) as $(if ($sp.Optional) { 'optional' } else { 'mandatory' }), the code makes it $(if ($cp.IsMandatory) { 'mandatory' } else { 'optional' })" }
            $positional = $cp.Position -ne [int]::MinValue
            if ($sp.Positional -ne $positional) { "${doc}: SYNTAX ($($s.Name)) shows -$($cp.Name) as $(if ($sp.Positional) { 'positional' } else { 'named' }), the code makes it $(if ($positional) { "positional ($($cp.Position))" } else { 'named' })" }
            if (-not (Test-TypeName $sp.Type $cp.ParameterType)) { "${doc}: SYNTAX ($($s.Name)) shows -$($cp.Name) <$($sp.Type)>, the code's type is $($cp.ParameterType.Name)" }
        }
    }

    if (-not $Page.HasCommonParameters) { "${doc}: PARAMETERS has no '### CommonParameters' entry, but every cmdlet takes the common parameters" }

    # INPUTS names the type of every parameter that takes pipeline input by value, and says None
    # when no parameter takes pipeline input at all.
    $inputs = @($Page.Inputs | ForEach-Object Type)
    $pipelineParameters = @($own | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } })
    foreach ($p in $own | Where-Object { $_.ParameterSets.Values | Where-Object ValueFromPipeline }) {
        if ($p.ParameterType.FullName -notin $inputs) { "${doc}: INPUTS does not list $($p.ParameterType.FullName), which -$($p.Name) takes from the pipeline" }
    }
    if ($pipelineParameters.Count -eq 0 -and ($inputs -join ',') -ne 'None') { "${doc}: INPUTS lists '$($inputs -join ', ')', but no parameter of $name takes pipeline input (PlatyPS writes None)" }
    if ($pipelineParameters.Count -gt 0 -and 'None' -in $inputs) { "${doc}: INPUTS says None, but $(@($pipelineParameters | ForEach-Object { "-$($_.Name)" }) -join ', ') take pipeline input" }

    # OUTPUTS lists every type the cmdlet declares with [OutputType].
    $declared = @($Command.OutputType | ForEach-Object Name | Where-Object { $_ -ne 'System.Void' })
    $outputs = @($Page.Outputs | ForEach-Object Type)
    foreach ($type in $declared | Where-Object { $_ -notin $outputs }) { "${doc}: OUTPUTS does not list $type, which $name declares with [OutputType]" }
}

Export-ModuleMember -Function Get-CommandDocPage, Compare-CommandDoc
