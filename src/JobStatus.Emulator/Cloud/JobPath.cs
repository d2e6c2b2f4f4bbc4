using System;

namespace JobStatus.Emulator.Cloud;

/// <summary>The two parameters of <c>GET /v3/{project_id}/jobs/{job_id}</c>, percent-decoded.</summary>
/// <remarks>Read from the raw request target, not from ASP.NET's normalised path: a client that
/// fails to encode a job id like <c>../x</c> must be caught by the tests, and the normalised path
/// would quietly turn its request into a different, valid-looking one.</remarks>
internal readonly record struct JobPath(string ProjectId, string JobId)
{
    public static JobPath? Parse(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart >= 0 ? rawTarget.Substring(0, queryStart) : rawTarget;
        var segments = path.Split('/');
        if (segments.Length != 5
            || segments[0].Length != 0
            || segments[1] != "v3"
            || segments[2].Length == 0
            || segments[3] != "jobs"
            || segments[4].Length == 0)
        {
            return null;
        }

        return new JobPath(Uri.UnescapeDataString(segments[2]), Uri.UnescapeDataString(segments[4]));
    }
}
