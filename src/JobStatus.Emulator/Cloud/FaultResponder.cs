using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Cloud;

/// <summary>Plays a fault the way the gateway, a proxy or the network would.</summary>
internal static class FaultResponder
{
    /// <summary>Applies <paramref name="fault"/>.</summary>
    /// <returns>True when the fault answered (or dropped) the request; false when the request
    /// should go on to auth and lookup (<see cref="FaultKind.Slow"/>, and <see cref="FaultKind.Drip"/>
    /// and <see cref="FaultKind.Truncated"/>, which change only how the answer is sent: see
    /// <see cref="DeliverAsync"/>).</returns>
    /// <exception cref="OperationCanceledException">The client hung up or the emulator is stopping during the delay.</exception>
    public static async Task<bool> RespondAsync(HttpContext context, Fault fault, CancellationToken cancellation)
    {
        if (fault.Kind is FaultKind.Drip or FaultKind.Truncated)
        {
            return false;
        }

        if (fault.DelayMs > 0)
        {
            await Task.Delay(fault.DelayMs, cancellation);
        }

        if (fault.Kind == FaultKind.Slow)
        {
            return false;
        }

        if (fault.Kind == FaultKind.Reset)
        {
            context.Abort();
            return true;
        }

        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        switch (fault.Kind)
        {
            case FaultKind.Throttle:
                await CloudResponseWriter.WriteErrorAsync(
                    context,
                    StatusCodes.Status429TooManyRequests,
                    "APIGW.0308",
                    // No policy: a throttle fault is a passing 429; a budget (/_emulator/budgets) states its policy.
                    "The throttling threshold has been reached: policy user over ratelimit");
                break;
            case FaultKind.Html500:
                await CloudResponseWriter.WriteHtmlAsync(context, 500, NginxPage("500 Internal Server Error"));
                break;
            case FaultKind.Html502:
                await CloudResponseWriter.WriteHtmlAsync(context, 502, NginxPage("502 Bad Gateway"));
                break;
            case FaultKind.Html503:
                await CloudResponseWriter.WriteHtmlAsync(context, 503, NginxPage("503 Service Temporarily Unavailable"));
                break;
            case FaultKind.Html504:
                await CloudResponseWriter.WriteHtmlAsync(context, 504, NginxPage("504 Gateway Time-out"));
                break;
            case FaultKind.Html200:
                await CloudResponseWriter.WriteHtmlAsync(context, 200, NginxPage("Network login required"));
                break;
            case FaultKind.BrokenJson:
                await CloudResponseWriter.WriteJsonAsync(context, 200, Encoding.UTF8.GetBytes("{\"data\":{\"id\":\"x\",\"status\":\"Run"));
                break;
            case FaultKind.MissingData:
                await CloudResponseWriter.WriteJsonAsync(context, 200, Encoding.UTF8.GetBytes("{\"error_code\":\"CFW.00000000\",\"error_msg\":\"ok\"}"));
                break;
            case FaultKind.EmptyBody:
                await CloudResponseWriter.WriteJsonAsync(context, 200, Array.Empty<byte>());
                break;
            case FaultKind.Status:
                await CloudResponseWriter.WriteErrorAsync(context, fault.Status, "CFW.00109004", "emulated error");
                break;
            case FaultKind.Redirect:
                context.Response.Headers.Location = fault.Location;
                await CloudResponseWriter.WriteHtmlAsync(context, 302, NginxPage("302 Found"));
                break;
            case FaultKind.Raw:
                await CloudResponseWriter.WriteAsync(context, fault.Status, fault.ContentType!, Encoding.UTF8.GetBytes(fault.Body!));
                break;
            case FaultKind.Oversized:
                await WriteOversizedAsync(context, fault.SizeBytes, cancellation);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault kind.");
        }

        return true;
    }

    /// <summary>Sends a normal answer the way a <see cref="FaultKind.Drip"/> or
    /// <see cref="FaultKind.Truncated"/> fault says, or plainly when <paramref name="fault"/> is null.</summary>
    /// <returns>False when the connection was dropped on purpose.</returns>
    public static async Task<bool> DeliverAsync(HttpContext context, int status, byte[] body, Fault? fault, CancellationToken cancellation)
    {
        if (fault is null)
        {
            await CloudResponseWriter.WriteJsonAsync(context, status, body);
            return true;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = CloudResponseWriter.JsonContentType;
        context.Response.ContentLength = body.Length;
        if (fault.Kind == FaultKind.Truncated)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancellation);
            await context.Response.Body.FlushAsync(cancellation);
            context.Abort();
            return false;
        }

        const int chunk = 8;
        for (var sent = 0; sent < body.Length; sent += chunk)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(sent, Math.Min(chunk, body.Length - sent)), cancellation);
            await context.Response.Body.FlushAsync(cancellation);
            if (sent + chunk < body.Length)
            {
                await Task.Delay(fault.DelayMs, cancellation);
            }
        }

        return true;
    }

    /// <summary>Exactly <paramref name="size"/> bytes that start like a job and never end in time.</summary>
    private static async Task WriteOversizedAsync(HttpContext context, int size, CancellationToken cancellation)
    {
        var head = Encoding.UTF8.GetBytes("{\"data\":{\"id\":\"oversized\",\"status\":\"Running\",\"padding\":\"");
        var tail = Encoding.UTF8.GetBytes("\"}}");
        context.Response.StatusCode = 200;
        context.Response.ContentType = CloudResponseWriter.JsonContentType;
        context.Response.ContentLength = size;
        var padding = new byte[64 * 1024];
        padding.AsSpan().Fill((byte)'x');
        var left = size;
        async Task SendAsync(byte[] bytes, int count)
        {
            count = Math.Min(count, left);
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, count), cancellation);
            left -= count;
        }

        await SendAsync(head, head.Length);
        while (left > tail.Length)
        {
            await SendAsync(padding, Math.Min(padding.Length, left - tail.Length));
        }

        await SendAsync(tail, tail.Length);
    }

    /// <summary>The page nginx serves for its own errors, as seen in front of many gateways.</summary>
    private static string NginxPage(string title) =>
        $"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center><hr><center>nginx</center></body></html>";
}
