<#
    Reads cmdlet help pages and about topics written in PlatyPS's markdown schema (2.0.0): the same
    reader turns docs/*.md into MAML at build time (ConvertTo-MamlHelp.ps1) and lets the tests
    compare the docs with the cmdlets (tests/Pester/Help.Tests.ps1), so both see the same page.

        Read-CommandPage <path>   one page as a command model: front matter, sections, syntax per
                                  parameter set, parameters with their yaml metadata, examples,
                                  inputs, outputs, notes and links ($null for a page without
                                  "external help file" front matter)
        Read-MarkdownPage <path>  front matter and markdown blocks of any page (about topics)
#>

Set-StrictMode -Version 3.0

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
        # Every key as written, for checks that need the page's own words.
        Values   = $values
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
        Path = $Path; Front = $front.Values; Sections = @()
        HelpFile = $front.Values['external help file']; Online = $front.Values['online version']
        Name = $name; Verb = $Matches[1]; Noun = $Matches[2]
        Synopsis = ''; Description = @(); Syntax = @(); Parameters = @(); HasCommonParameters = $false; Inputs = @(); Outputs = @()
        Notes = @(); Examples = @(); Links = @()
    }

    $h2 = Split-Section $top[0].Blocks 2
    $command.Sections = @($h2 | ForEach-Object Title)
    foreach ($section in $h2) {
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
                        [pscustomobject]@{
                            Set = $setName; IsDefault = $sub.Title -match '\(Default\)\s*$'
                            Order = @($names | Select-Object -Unique); Text = $code[0].Text
                        }
                    })
            }
            'EXAMPLES' {
                $command.Examples = @(foreach ($sub in $subsections | Where-Object Title) {
                        $code = @($sub.Blocks | Where-Object Kind -EQ 'Code' | ForEach-Object Text)
                        if ($code.Count -eq 0) { throw "example '$($sub.Title)' has no code block" }
                        [pscustomobject]@{
                            Title   = $sub.Title
                            Blocks  = @($sub.Blocks | Where-Object Kind -EQ 'Code' | ForEach-Object { [pscustomobject]@{ Language = $_.Language; Text = $_.Text } })
                            Code    = $code -join "`n`n"
                            Remarks = @(Get-Paragraph @($sub.Blocks | Where-Object Kind -NE 'Code'))
                        }
                    })
            }
            'PARAMETERS' {
                $command.HasCommonParameters = [bool]@($subsections | Where-Object Title -EQ 'CommonParameters')
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

function Read-MarkdownPage([string]$Path) {
    # Any page: its front matter and its markdown blocks (Heading, Paragraph, List, Table, Code).
    $lines = (Get-Content -LiteralPath $Path -Raw) -replace "`r`n", "`n" -split "`n"
    $front = Read-FrontMatter $lines
    [pscustomobject]@{
        Path   = $Path
        Front  = $front.Values
        Blocks = ConvertTo-MarkdownBlock ($lines[$front.Next..($lines.Count - 1)])
    }
}

Export-ModuleMember -Function Read-FrontMatter, ConvertTo-MarkdownBlock, Split-Section, ConvertTo-PlainText, Get-Paragraph,
    Read-CommandPage, Read-MarkdownPage
