using System;
using JobStatus.Emulator.Catalog;

namespace JobStatus.Emulator.Cloud;

/// <summary>A request for one of the emulated job APIs: which path, and its parameters, percent-decoded.</summary>
/// <remarks>Read from the raw request target, not from ASP.NET's normalised path: a client that
/// fails to encode a job id like <c>../x</c> must be caught by the tests, and the normalised path
/// would quietly turn its request into a different, valid-looking one. Segment counts are exact.</remarks>
/// <param name="JobId">Null only on the database path when its query has no non-empty <c>id</c>.</param>
internal readonly record struct JobPath(JobApi Api, string ProjectId, string? JobId)
{
    public static JobPath? Parse(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart >= 0 ? rawTarget.Substring(0, queryStart) : rawTarget;
        var query = queryStart >= 0 ? rawTarget.Substring(queryStart + 1) : string.Empty;
        var s = path.Split('/');
        if (s[0].Length != 0 || Array.IndexOf(s, string.Empty, 1) >= 0)
        {
            // Every segment after the leading '/' must be non-empty: no "//", no trailing '/'.
            return null;
        }

        return s.Length switch
        {
            // /v3/{project_id}/jobs/{job_id}
            5 when s[1] == "v3" && s[3] == "jobs" => Make(EmulatedServices.CfwApi, s[2], s[4]),

            // /v1/{project_id}/jobs/{job_id}: ECS, BMS, EVS, IMS, VPC
            5 when s[1] == "v1" && s[3] == "jobs" => Make(EmulatedServices.V1Api, s[2], s[4]),

            // /v2/{project_id}/jobs/{job_id}: DCS
            5 when s[1] == "v2" && s[3] == "jobs" => Make(EmulatedServices.DcsApi, s[2], s[4]),

            // /v3/{project_id}/jobs?id={job_id}
            4 when s[1] == "v3" && s[3] == "jobs" => new JobPath(EmulatedServices.DatabaseApi, Decode(s[2]), QueryId(query)),

            // /v3/{project_id}/elb/jobs/{job_id}
            6 when s[1] == "v3" && s[3] == "elb" && s[4] == "jobs" => Make(EmulatedServices.ElbApi, s[2], s[5]),

            // /api/v3/projects/{project_id}/jobs/{job_id}
            7 when s[1] == "api" && s[2] == "v3" && s[3] == "projects" && s[5] == "jobs" => Make(EmulatedServices.CceApi, s[4], s[6]),

            _ => null,
        };
    }

    private static JobPath Make(JobApi api, string projectId, string jobId) => new(api, Decode(projectId), Decode(jobId));

    private static string Decode(string segment) => Uri.UnescapeDataString(segment);

    /// <summary>The first <c>id</c> parameter, decoded as a form value ('+' is a space, as the
    /// request signature reads it); null when there is none or it is empty. Other parameters are ignored.</summary>
    private static string? QueryId(string query)
    {
        foreach (var part in query.Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part.Substring(0, equals);
            if (DecodeForm(name) == "id")
            {
                var value = equals < 0 ? string.Empty : DecodeForm(part.Substring(equals + 1));
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    private static string DecodeForm(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
