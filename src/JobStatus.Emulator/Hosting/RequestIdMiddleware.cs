using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Hosting;

/// <summary>Gives every response an <c>X-Request-Id</c>, as the real gateway does, before anything
/// else can answer; error bodies repeat it as <c>request_id</c>.</summary>
internal static class RequestIdMiddleware
{
    public const string HeaderName = "X-Request-Id";

    private static readonly object ItemKey = new();

    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var requestId = Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = requestId;
        context.Response.Headers[HeaderName] = requestId;
        return next();
    }

    public static string Get(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("The request id middleware did not run.");
}
