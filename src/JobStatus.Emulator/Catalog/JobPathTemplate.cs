using System;
using System.Collections.Generic;

namespace JobStatus.Emulator.Catalog;

/// <summary>A catalog path template taken apart for matching a raw request target: its path
/// segments (literal, or a placeholder to capture) and, where the job id travels in the query, the
/// name of that parameter.</summary>
internal sealed class JobPathTemplate
{
    public const string ProjectPlaceholder = "{project_id}";
    public const string DomainPlaceholder = "{domain_id}";
    public const string JobPlaceholder = "{job_id}";

    /// <param name="ownerPlaceholder">The owner's placeholder with braces ({instance_id}), or null.</param>
    /// <exception cref="ArgumentException">The template holds a placeholder the emulator cannot fill.</exception>
    public JobPathTemplate(string template, string? ownerPlaceholder)
    {
        Text = template;
        var question = template.IndexOf('?', StringComparison.Ordinal);
        var path = question >= 0 ? template.Substring(0, question) : template;
        var segments = path.Split('/');
        Segments = segments;
        if (segments[0].Length != 0 || Array.IndexOf(segments, string.Empty, 1) >= 0)
        {
            throw new ArgumentException($"The path template '{template}' must start with '/' and have no empty segment.", nameof(template));
        }

        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Contains('{', StringComparison.Ordinal)
                && segment != ProjectPlaceholder && segment != DomainPlaceholder && segment != JobPlaceholder && segment != ownerPlaceholder)
            {
                throw new ArgumentException($"The path template '{template}' holds {segment}, which the emulator cannot fill.", nameof(template));
            }

            if (!segment.StartsWith('{'))
            {
                LiteralCount++;
            }
        }

        if (question >= 0)
        {
            foreach (var part in template.Substring(question + 1).Split('&'))
            {
                if (part.EndsWith("=" + JobPlaceholder, StringComparison.Ordinal))
                {
                    JobQueryParameter = part.Substring(0, part.Length - JobPlaceholder.Length - 1);
                }
            }
        }

        if ((JobQueryParameter is null) == (Array.IndexOf(segments, JobPlaceholder) < 0))
        {
            throw new ArgumentException($"The path template '{template}' must hold {JobPlaceholder} once, as a segment or a query value.", nameof(template));
        }
    }

    /// <summary>As the catalog spells it.</summary>
    public string Text { get; }

    /// <summary>The path split on '/', the first entry empty.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>How specific the template is: a request that two templates could match goes to the one with more fixed segments.</summary>
    public int LiteralCount { get; }

    /// <summary>The query parameter that carries the job id (id, task_id); null where the id is a path segment.</summary>
    public string? JobQueryParameter { get; }

    /// <summary>The values of the placeholders, still encoded, when <paramref name="segments"/> fits this template; else null.</summary>
    public Dictionary<string, string>? Match(string[] segments)
    {
        if (segments.Length != Segments.Count)
        {
            return null;
        }

        Dictionary<string, string>? values = null;
        for (var i = 1; i < segments.Length; i++)
        {
            var expected = Segments[i];
            if (expected.StartsWith('{'))
            {
                (values ??= new Dictionary<string, string>(StringComparer.Ordinal))[expected] = segments[i];
            }
            else if (!string.Equals(expected, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>The request target a client sends for this job, each value percent-encoded.</summary>
    public string Fill(string? scopeId, string? ownerPlaceholder, string? ownerId, string jobId)
    {
        var text = Text.Replace(JobPlaceholder, Uri.EscapeDataString(jobId), StringComparison.Ordinal);
        if (scopeId is not null)
        {
            text = text.Replace(ProjectPlaceholder, Uri.EscapeDataString(scopeId), StringComparison.Ordinal)
                .Replace(DomainPlaceholder, Uri.EscapeDataString(scopeId), StringComparison.Ordinal);
        }

        if (ownerPlaceholder is not null && ownerId is not null)
        {
            text = text.Replace(ownerPlaceholder, Uri.EscapeDataString(ownerId), StringComparison.Ordinal);
        }

        return text;
    }
}
