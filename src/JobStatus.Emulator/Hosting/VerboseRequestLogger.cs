using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using JobStatus.Emulator.Cloud;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Hosting;

/// <summary><c>--verbose</c>: one line per request on stderr (stdout carries only the listening
/// line). Method, raw target and status only: headers, and with them X-Auth-Token, are never printed.</summary>
internal static class VerboseRequestLogger
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        // Stays so when an exception escapes; ASP.NET logs the exception itself as an error.
        var outcome = "failed";
        try
        {
            await next();
            outcome = context.RequestAborted.IsCancellationRequested
                ? "no answer (connection dropped)"
                : context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:HH:mm:ss.fff} {context.Request.Method} {CloudApiHandler.RawTargetOf(context)} -> {outcome} ({elapsed:0} ms)"));
        }
    }
}
