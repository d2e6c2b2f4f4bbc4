<#
.SYNOPSIS
    Turns PlatyPS-schema markdown in docs/ into the module's MAML help and about topic.

.DESCRIPTION
    PlatyPS is not available to this build, so this script does the part of New-ExternalHelp the
    module needs, reading the same markdown schema (the day PlatyPS is available it can take over
    without changing a doc):

      docs/<Cmdlet>.md       (front matter with "external help file") -> <OutputPath>/<that file>
      docs/about_<Topic>.md                                           -> <OutputPath>/about_<Topic>.help.txt

    Other markdown in docs/ (no "external help file" front matter, e.g. Emulator.md) is skipped.
    A malformed cmdlet page stops the build with the file and the reason.

.EXAMPLE
    ./src/HelpWriter/ConvertTo-MamlHelp.ps1 -DocsPath ./docs -OutputPath ./out/JobStatus/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string]$DocsPath,

    [Parameter(Mandatory)]
    [string]$OutputPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$NsMsh = 'http://msh'
$NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'

#region Markdown reading

function Read-FrontMatter([string[]]$Lines) {
    # Returns the key/value pairs and the index of the first line after the front matter.
    $values = @{}
    if ($Lines.Count -eq 0 -or $Lines[0].Trim() -ne '---') { return @{ Values = $values; Next = 0 } }
    for ($i = 1; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i].Trim() -eq '---') { return @{ Values = $values; Next = $i + 1 } }
        if ($Lines[$i] -match '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { $values[$Matches[1]] = $Matches[2] }
    }
    throw 'the front matter has no closing ---'
}

function ConvertTo-MarkdownBlock([string[]]$Lines) {
    # Splits markdown into blocks: Heading (Level, Text), Code (Language, Text), List (Text per
    # item), Table (Text, lines kept) and Paragraph (Text, soft line breaks joined).
    $blocks = [Collections.Generic.List[object]]::new()
    $paragraph = [Collections.Generic.List[string]]::new()
    $kind = $null
    $flush = {
        if ($paragraph.Count -gt 0) {
            $joiner = if ($kind -eq 'Table') { "`n" } else { ' ' }
            $blocks.Add([pscustomobject]@{ Kind = $kind; Level = 0; Language = ''; Text = ($paragraph -join $joiner) })
            $paragraph.Clear()
        }
    }
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i]
        if ($line -match '^\s*(```+|~~~+)\s*([\w-]*)') {
            . $flush
            $fence = $Matches[1]; $language = $Matches[2]
            $indent = $line.Length - $line.TrimStart().Length
            $code = [Collections.Generic.List[string]]::new()
            for ($i++; $i -lt $Lines.Count -and $Lines[$i].Trim() -ne $fence; $i++) {
                $codeLine = $Lines[$i]
                if ($indent -gt 0 -and $codeLine.Length -ge $indent -and $codeLine.Substring(0, $indent).Trim() -eq '') { $codeLine = $codeLine.Substring($indent) }
                $code.Add($codeLine)
            }
            if ($i -ge $Lines.Count) { throw "a code fence opened with $fence is never closed" }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Level = 0; Language = $language; Text = ($code -join "`n") })
            continue
        }
        if ($line -match '^(#{1,6})\s+(.*?)\s*#*\s*$') {
            . $flush
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Language = ''; Text = $Matches[2] })
            continue
        }
        if ($line.Trim() -eq '') { . $flush; continue }
        if ($line -match '^\s*([-*+]|\d+[.)])\s+(.*)$') {
            . $flush
            $kind = 'List'
            $paragraph.Add($line.Trim())
            continue
        }
        if ($line.TrimStart().StartsWith('|')) {
            if ($kind -ne 'Table') { . $flush }
            $kind = 'Table'
            $paragraph.Add($line.Trim())
            continue
        }
        if ($paragraph.Count -eq 0 -or $kind -eq 'Table') { . $flush; $kind = 'Paragraph' }
        $paragraph.Add($line.Trim())
    }
    . $flush
    return , $blocks.ToArray()
}

function Split-Section([object[]]$Blocks, [int]$Level) {
    # Groups blocks under the headings of one level: @{ Title; Blocks } in order; blocks before the
    # first heading get the title ''.
    $sections = [Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = ''; Blocks = [Collections.Generic.List[object]]::new() }
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq $Level) {
            $sections.Add($current)
            $current = [pscustomobject]@{ Title = $block.Text; Blocks = [Collections.Generic.List[object]]::new() }
        }
        elseif ($block.Kind -eq 'Heading' -and $block.Level -lt $Level) {
            throw "heading '$($block.Text)' (level $($block.Level)) is out of place"
        }
        else { $current.Blocks.Add($block) }
    }
    $sections.Add($current)
    return , @($sections | Where-Object { $_.Title -ne '' -or $_.Blocks.Count -gt 0 })
}

function ConvertTo-PlainText([string]$Text) {
    # MAML is plain text: keep `code` as typed (readers know it), unwrap links and emphasis.
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\((https?://[^)\s]+)\)', '$1 ($2)')
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\([^)\s]*\)', '$1')
    $Text = [regex]::Replace($Text, '(\*\*|__)(.+?)\1', '$2')
    return $Text
}

function Get-Paragraph([object[]]$Blocks) {
    # Text blocks as the paragraphs of a maml:description.
    foreach ($block in $Blocks) {
        switch ($block.Kind) {
            'Paragraph' { ConvertTo-PlainText $block.Text }
            'List' { ConvertTo-PlainText $block.Text }
            'Table' { $block.Text }
            'Code' { $block.Text }
        }
    }
}

function Test-RealText([string]$Text, [string]$What, [string]$Page) {
    # Missing prose is a test failure (tests/Pester/Module.Tests.ps1), not a broken build.
    if ([string]::IsNullOrWhiteSpace($Text) -or $Text -match '\{\{.*\}\}') {
        Write-Warning "${Page}: $What is empty or a placeholder."
    }
}

#endregion

#region The command model

function Read-ParameterYaml([string]$Text) {
    $values = @{}
    foreach ($line in $Text -split "`n") {
        if ($line -match '^\s*([^:#]+?)\s*:\s*(.*?)\s*$') { $values[$Matches[1]] = $Matches[2] }
    }
    foreach ($key in 'Type', 'Parameter Sets', 'Required', 'Position') {
        if (-not $values.ContainsKey($key)) { throw "its yaml block has no '$key'" }
    }
    $sets = @($values['Parameter Sets'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    $aliases = if ($values['Aliases'] -and $values['Aliases'] -ne 'None') { $values['Aliases'] } else { 'none' }
    $position = if ($values['Position'] -match '^\d+$') { $values['Position'] } else { 'named' }
    $pipeline = if ($values['Accept pipeline input']) { $values['Accept pipeline input'] } else { 'False' }
    $default = if ($values['Default value']) { $values['Default value'] } else { 'None' }
    return [pscustomobject]@{
        Type     = $values['Type']
        Sets     = $sets
        Aliases  = $aliases
        Required = ($values['Required'] -eq 'True').ToString().ToLowerInvariant()
        Position = $position
        Pipeline = $pipeline
        Globbing = ($values['Accept wildcard characters'] -eq 'True').ToString().ToLowerInvariant()
        Default  = $default
    }
}

function Read-CommandPage([string]$Path) {
    $lines = (Get-Content -LiteralPath $Path -Raw) -replace "`r`n", "`n" -split "`n"
    $front = Read-FrontMatter $lines
    if (-not $front.Values.ContainsKey('external help file')) { return $null }
    $blocks = ConvertTo-MarkdownBlock ($lines[$front.Next..($lines.Count - 1)])

    $top = Split-Section $blocks 1
    if ($top.Count -ne 1 -or -not $top[0].Title) { throw 'a cmdlet page needs exactly one "# Verb-Noun" heading' }
    $name = $top[0].Title
    if ($name -notmatch '^(\w+)-(\w+)$') { throw "'$name' is not a Verb-Noun name" }
    $command = [ordered]@{
        HelpFile = $front.Values['external help file']; Online = $front.Values['online version']
        Name = $name; Verb = $Matches[1]; Noun = $Matches[2]
        Synopsis = ''; Description = @(); Syntax = @(); Parameters = @(); Inputs = @(); Outputs = @()
        Notes = @(); Examples = @(); Links = @()
    }

    foreach ($section in (Split-Section $top[0].Blocks 2)) {
        $subsections = Split-Section $section.Blocks 3
        switch ($section.Title.ToUpperInvariant()) {
            'SYNOPSIS' { $command.Synopsis = (Get-Paragraph $section.Blocks) -join ' ' }
            'DESCRIPTION' { $command.Description = @(Get-Paragraph $section.Blocks) }
            'SYNTAX' {
                $command.Syntax = @(foreach ($sub in $subsections) {
                        $code = @($sub.Blocks | Where-Object Kind -EQ 'Code')
                        if ($code.Count -eq 0) { continue }
                        $setName = ($sub.Title -replace '\s*\(Default\)\s*$', '').Trim()
                        if (-not $setName) { $setName = '__AllParameterSets' }
                        $names = [regex]::Matches($code[0].Text, '(?<![\w-])-([A-Za-z]\w*)') | ForEach-Object { $_.Groups[1].Value }
                        [pscustomobject]@{ Set = $setName; Order = @($names | Select-Object -Unique) }
                    })
            }
            'EXAMPLES' {
                $command.Examples = @(foreach ($sub in $subsections | Where-Object Title) {
                        $code = @($sub.Blocks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
                        if ($code.Count -eq 0) { throw "example '$($sub.Title)' has no code block" }
                        [pscustomobject]@{
                            Title   = $sub.Title
                            Code    = $code -join "`n`n"
                            Remarks = @(Get-Paragraph @($sub.Blocks | Where-Object Kind -NE 'Code'))
                        }
                    })
            }
            'PARAMETERS' {
                $command.Parameters = @(foreach ($sub in $subsections | Where-Object { $_.Title -and $_.Title -ne 'CommonParameters' }) {
                        $paramName = $sub.Title.TrimStart('-').Trim()
                        $yaml = @($sub.Blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -eq 'yaml' })
                        if ($yaml.Count -eq 0) { throw "parameter -$paramName has no yaml block" }
                        try { $variants = @($yaml | ForEach-Object { Read-ParameterYaml $_.Text }) }
                        catch { throw "parameter -${paramName}: $($_.Exception.Message)" }
                        $description = @(Get-Paragraph @($sub.Blocks | Where-Object { -not ($_.Kind -eq 'Code' -and $_.Language -eq 'yaml') }))
                        Test-RealText ($description -join ' ') "the description of -$paramName" $name
                        [pscustomobject]@{ Name = $paramName; Description = $description; Variants = $variants }
                    })
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                $types = @(foreach ($sub in $subsections) {
                        if ($sub.Title) { [pscustomobject]@{ Type = $sub.Title; Description = @(Get-Paragraph $sub.Blocks) } }
                        elseif ($sub.Blocks.Count -gt 0) {
                            # A page without ### type headings: the first paragraph names the type.
                            $text = @(Get-Paragraph $sub.Blocks)
                            [pscustomobject]@{ Type = $text[0]; Description = @($text | Select-Object -Skip 1) }
                        }
                    })
                if ($section.Title -eq 'INPUTS') { $command.Inputs = $types } else { $command.Outputs = $types }
            }
            'NOTES' { $command.Notes = @(Get-Paragraph $section.Blocks) }
            'RELATED LINKS' {
                $command.Links = @(foreach ($block in $section.Blocks | Where-Object { $_.Kind -in 'List', 'Paragraph' }) {
                        foreach ($m in [regex]::Matches($block.Text, '\[([^\]]+)\]\(([^)\s]*)\)')) {
                            $uri = $m.Groups[2].Value
                            [pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $(if ($uri -match '^https?://') { $uri } else { '' }) }
                        }
                    })
            }
        }
    }

    Test-RealText $command.Synopsis 'SYNOPSIS' $name
    Test-RealText ($command.Description -join ' ') 'DESCRIPTION' $name
    if ($command.Examples.Count -eq 0) { Write-Warning "${name}: EXAMPLES has no '### Example' with a code block." }
    if ($command.Syntax.Count -eq 0) { throw 'SYNTAX has no code block' }
    $known = @($command.Parameters | ForEach-Object Name)
    foreach ($item in $command.Syntax) {
        foreach ($p in $item.Order) {
            if ($p -notin $known) { throw "SYNTAX ($($item.Set)) names -$p, which PARAMETERS does not describe" }
        }
    }
    return [pscustomobject]$command
}

#endregion

#region MAML writing

function Write-Para([Xml.XmlWriter]$W, [string[]]$Paragraphs) {
    $W.WriteStartElement('maml', 'description', $NsMaml)
    foreach ($p in @($Paragraphs)) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
    if (@($Paragraphs).Count -eq 0) { $W.WriteElementString('maml', 'para', $NsMaml, '') }
    $W.WriteEndElement()
}

function Write-Parameter([Xml.XmlWriter]$W, $Parameter, $Variant, [bool]$InSyntax) {
    $isSwitch = $Variant.Type -in 'SwitchParameter', 'System.Management.Automation.SwitchParameter'
    $W.WriteStartElement('command', 'parameter', $NsCommand)
    $W.WriteAttributeString('required', $Variant.Required)
    $W.WriteAttributeString('variableLength', 'true')
    $W.WriteAttributeString('globbing', $Variant.Globbing)
    $W.WriteAttributeString('pipelineInput', $Variant.Pipeline)
    $W.WriteAttributeString('position', $Variant.Position)
    $W.WriteAttributeString('aliases', $Variant.Aliases)
    $W.WriteElementString('maml', 'name', $NsMaml, $Parameter.Name)
    Write-Para $W $Parameter.Description
    # As PlatyPS does: a switch shows no value in the syntax.
    if (-not ($isSwitch -and $InSyntax)) {
        $W.WriteStartElement('command', 'parameterValue', $NsCommand)
        $W.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString($Variant.Type)
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $NsDev)
    $W.WriteElementString('maml', 'name', $NsMaml, $Variant.Type)
    $W.WriteElementString('maml', 'uri', $NsMaml, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $NsDev, $(if ($isSwitch -and $Variant.Default -eq 'None') { 'False' } else { $Variant.Default }))
    $W.WriteEndElement()
}

function Write-TypeList([Xml.XmlWriter]$W, [string]$ListName, [string]$ItemName, [object[]]$Types) {
    $W.WriteStartElement('command', $ListName, $NsCommand)
    foreach ($t in $Types) {
        $W.WriteStartElement('command', $ItemName, $NsCommand)
        $W.WriteStartElement('dev', 'type', $NsDev)
        $W.WriteElementString('maml', 'name', $NsMaml, $t.Type)
        $W.WriteEndElement()
        Write-Para $W $t.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-Command([Xml.XmlWriter]$W, $C) {
    $W.WriteStartElement('command', 'command', $NsCommand)
    $W.WriteAttributeString('xmlns', 'maml', $null, $NsMaml)
    $W.WriteAttributeString('xmlns', 'command', $null, $NsCommand)
    $W.WriteAttributeString('xmlns', 'dev', $null, $NsDev)

    $W.WriteStartElement('command', 'details', $NsCommand)
    $W.WriteElementString('command', 'name', $NsCommand, $C.Name)
    $W.WriteElementString('command', 'verb', $NsCommand, $C.Verb)
    $W.WriteElementString('command', 'noun', $NsCommand, $C.Noun)
    Write-Para $W @($C.Synopsis)
    $W.WriteEndElement()

    Write-Para $W $C.Description

    $W.WriteStartElement('command', 'syntax', $NsCommand)
    foreach ($item in $C.Syntax) {
        $W.WriteStartElement('command', 'syntaxItem', $NsCommand)
        $W.WriteElementString('maml', 'name', $NsMaml, $C.Name)
        foreach ($pName in $item.Order) {
            $parameter = $C.Parameters | Where-Object Name -EQ $pName
            $variant = $parameter.Variants | Where-Object { $item.Set -in $_.Sets -or '(All)' -in $_.Sets -or $item.Set -eq '__AllParameterSets' } | Select-Object -First 1
            if (-not $variant) { $variant = $parameter.Variants[0] }
            Write-Parameter $W $parameter $variant $true
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $NsCommand)
    foreach ($parameter in $C.Parameters) { Write-Parameter $W $parameter $parameter.Variants[0] $false }
    $W.WriteEndElement()

    Write-TypeList $W 'inputTypes' 'inputType' $C.Inputs
    Write-TypeList $W 'returnValues' 'returnValue' $C.Outputs

    $W.WriteStartElement('maml', 'alertSet', $NsMaml)
    $W.WriteStartElement('maml', 'alert', $NsMaml)
    foreach ($p in $C.Notes) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
    $W.WriteEndElement()
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $NsCommand)
    foreach ($example in $C.Examples) {
        $W.WriteStartElement('command', 'example', $NsCommand)
        $W.WriteElementString('maml', 'title', $NsMaml, "---------- $($example.Title) ----------")
        $W.WriteElementString('dev', 'code', $NsDev, $example.Code)
        $W.WriteStartElement('dev', 'remarks', $NsDev)
        foreach ($p in $example.Remarks) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
        # Get-Help prints the next title right under the last remark without this.
        $W.WriteElementString('maml', 'para', $NsMaml, '')
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $NsCommand)
    $links = @($C.Links)
    if ($C.Online -match '^https?://') { $links = @([pscustomobject]@{ Text = 'Online Version:'; Uri = $C.Online }) + $links }
    foreach ($link in $links) {
        $W.WriteStartElement('maml', 'navigationLink', $NsMaml)
        $W.WriteElementString('maml', 'linkText', $NsMaml, $link.Text)
        $W.WriteElementString('maml', 'uri', $NsMaml, $link.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

function Write-MamlFile([string]$Path, [object[]]$Commands) {
    $settings = [Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [Text.UTF8Encoding]::new($false) }
    $writer = [Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $NsMsh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($c in $Commands) { Write-Command $writer $c }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

#endregion

#region About topics

function Format-Wrapped([string]$Text, [string]$Indent, [string]$FirstIndent = $Indent, [int]$Width = 80) {
    $lines = [Collections.Generic.List[string]]::new()
    $line = $FirstIndent
    $empty = $true
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if (-not $empty -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = $Indent + $word
        }
        else { $line = if ($empty) { $line + $word } else { "$line $word" } }
        $empty = $false
    }
    $lines.Add($line)
    return $lines -join "`n"
}

function Format-AlignedTable([string]$Text) {
    # Aligns a markdown table's columns; the |---| row becomes a dashed underline.
    $rows = @($Text -split "`n" | ForEach-Object { , @($_.Trim().Trim('|') -split '\|' | ForEach-Object { $_.Trim() }) })
    $isRule = { param($row) -not ($row -join '' -replace '[\s:-]', '') }
    $cells = @($rows | Where-Object { -not (& $isRule $_) })
    $count = ($cells | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = foreach ($i in 0..($count - 1)) { ($cells | ForEach-Object { if ($i -lt $_.Count) { $_[$i].Length } else { 0 } } | Measure-Object -Maximum).Maximum }
    $lines = foreach ($row in $rows) {
        $parts = foreach ($i in 0..($count - 1)) {
            $cell = if (& $isRule $row) { '-' * $widths[$i] } elseif ($i -lt $row.Count) { $row[$i] } else { '' }
            $cell.PadRight($widths[$i])
        }
        ('    ' + ($parts -join '  ')).TrimEnd()
    }
    return $lines -join "`n"
}

function ConvertTo-AboutText([string]$Path) {
    $lines = (Get-Content -LiteralPath $Path -Raw) -replace "`r`n", "`n" -split "`n"
    $front = Read-FrontMatter $lines
    $blocks = ConvertTo-MarkdownBlock ($lines[$front.Next..($lines.Count - 1)])
    $topic = [IO.Path]::GetFileNameWithoutExtension($Path)
    $out = [Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add("    $topic")
    $previous = $null
    foreach ($block in $blocks) {
        # Items of one list stay together; every other block is set off by a blank line.
        if (-not ($block.Kind -eq 'List' -and $previous -eq 'List')) { $out.Add('') }
        $previous = $block.Kind
        switch ($block.Kind) {
            'Heading' {
                # The page's own title repeats the topic name already written above.
                if ($block.Text -eq $topic) { $out.RemoveAt($out.Count - 1); continue }
                $out.Add($(if ($block.Level -le 2) { $block.Text.ToUpperInvariant() } else { $block.Text }))
            }
            'Paragraph' { $out.Add((Format-Wrapped (ConvertTo-PlainText $block.Text) '    ')) }
            'List' {
                $null = $block.Text -match '^([-*+]|\d+[.)])\s+(.*)$'
                $marker = "    $($Matches[1]) "
                $out.Add((Format-Wrapped (ConvertTo-PlainText $Matches[2]) (' ' * $marker.Length) $marker))
            }
            'Table' { $out.Add((Format-AlignedTable $block.Text)) }
            'Code' { $out.Add((($block.Text -split "`n" | ForEach-Object { "        $_".TrimEnd() }) -join "`n")) }
        }
    }
    return ($out -join [Environment]::NewLine) + [Environment]::NewLine
}

#endregion

$null = New-Item -ItemType Directory -Path $OutputPath -Force
$byFile = [ordered]@{}
foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Sort-Object Name) {
    try {
        if ($file.Name -like 'about_*.md') {
            $target = Join-Path $OutputPath ($file.BaseName + '.help.txt')
            [IO.File]::WriteAllText($target, (ConvertTo-AboutText $file.FullName), [Text.UTF8Encoding]::new($false))
            Write-Host "  $($file.Name) -> $(Split-Path -Leaf $target)"
            continue
        }
        $command = Read-CommandPage $file.FullName
    }
    catch { throw "$($file.FullName): $($_.Exception.Message)" }
    if (-not $command) { continue }
    if (-not $byFile.Contains($command.HelpFile)) { $byFile[$command.HelpFile] = [Collections.Generic.List[object]]::new() }
    $byFile[$command.HelpFile].Add($command)
}
foreach ($helpFile in $byFile.Keys) {
    $target = Join-Path $OutputPath $helpFile
    Write-MamlFile $target $byFile[$helpFile].ToArray()
    Write-Host "  $(@($byFile[$helpFile].Name) -join ', ') -> $helpFile"
}
if ($byFile.Count -eq 0) { Write-Warning "No cmdlet help found in $DocsPath (no page with 'external help file' front matter)." }
