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

Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1') -Force

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
    $blocks = (Read-MarkdownPage $Path).Blocks
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
