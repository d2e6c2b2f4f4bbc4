using System;
using System.Collections.Generic;
using JobStatus.Emulator.Catalog;

namespace JobStatus.Emulator.Cloud;

/// <summary>A request for one of the emulated job APIs: which path, and its values, percent-decoded.</summary>
/// <remarks>Read from the raw request target, not from ASP.NET's normalised path: a client that
/// fails to encode a job id like <c>../x</c> must be caught by the tests, and the normalised path
/// would quietly turn its request into a different, valid-looking one. Segment counts are exact.</remarks>
/// <param name="ScopeId">The project id or domain id the path names; null on a global path.</param>
/// <param name="OwnerId">The instance, graph or engine id the path names, or the environment id its header gives (CAE); null where there is none.</param>
/// <param name="JobId">Null only where the id is a query parameter and the query has no non-empty one.</param>
internal readonly record struct JobPath(JobApi Api, string? ScopeId, string? OwnerId, string? JobId)
{
    /// <summary>Null when no template of the catalog fits. The most specific template (most fixed
    /// segments) is tried first; among templates with the same path whose id is a query parameter,
    /// the one whose parameter the query holds wins.</summary>
    /// <param name="header">A request header's value by name, for an owner sent as a header; null when absent.</param>
    public static JobPath? Parse(string rawTarget, Func<string, string?>? header = null) => Parse(rawTarget, EmulatedServices.ApisBySpecificity, header);

    public static JobPath? Parse(string rawTarget, IReadOnlyList<JobApi> apis, Func<string, string?>? header = null)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart >= 0 ? rawTarget.Substring(0, queryStart) : rawTarget;
        var query = queryStart >= 0 ? rawTarget.Substring(queryStart + 1) : string.Empty;
        var segments = path.Split('/');
        if (segments[0].Length != 0 || Array.IndexOf(segments, string.Empty, 1) >= 0)
        {
            // Every segment after the leading '/' must be non-empty: no "//", no trailing '/'.
            return null;
        }

        JobPath? fallback = null;
        foreach (var api in apis)
        {
            if (api.Path.Match(segments) is not { } values)
            {
                continue;
            }

            var scope = Value(values, JobPathTemplate.ProjectPlaceholder) ?? Value(values, JobPathTemplate.DomainPlaceholder);
            var owner = api.Owner switch
            {
                null => null,
                { Header: { } name } => header?.Invoke(name) is { Length: > 0 } sent ? sent : null,
                { } pathOwner => Value(values, pathOwner.PathPlaceholder!),
            };
            if (api.Path.JobQueryParameter is not { } parameter)
            {
                return new JobPath(api, scope, owner, Value(values, JobPathTemplate.JobPlaceholder));
            }

            var found = new JobPath(api, scope, owner, QueryValue(query, parameter));
            if (found.JobId is not null)
            {
                return found;
            }

            fallback ??= found;
        }

        return fallback;
    }

    private static string? Value(Dictionary<string, string> values, string placeholder) =>
        values.TryGetValue(placeholder, out var raw) ? Uri.UnescapeDataString(raw) : null;

    /// <summary>The first parameter of that name, decoded as a form value ('+' is a space, as the
    /// request signature reads it); null when there is none or it is empty. Other parameters are ignored.</summary>
    private static string? QueryValue(string query, string parameter)
    {
        foreach (var part in query.Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part.Substring(0, equals);
            if (DecodeForm(name) == parameter)
            {
                var value = equals < 0 ? string.Empty : DecodeForm(part.Substring(equals + 1));
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    private static string DecodeForm(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
