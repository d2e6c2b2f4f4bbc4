using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Emulator.Auth;
using JobStatus.Emulator.Control;
using JobStatus.Emulator.Hosting;
using JobStatus.Emulator.Model;
using JobStatus.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JobStatus.Emulator.Cloud;

/// <summary>Answers every request outside <c>/_emulator/</c> as the gateway and each service's job
/// API would: path, method, faults, auth, lookup, in that order, the same for every path.</summary>
internal sealed class CloudApiHandler
{
    public const string TokenHeader = "X-Auth-Token";

    private const string ExpiredTokenMessage =
        "Incorrect IAM authentication information: token expires, expires_at: 2022-01-05T08:15:01.000000Z";

    private readonly EmulatorState state;
    private readonly CancellationToken stopping;

    public CloudApiHandler(EmulatorState state, CancellationToken stopping)
    {
        this.state = state;
        this.stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var rawTarget = RawTargetOf(context);
        var headers = context.Request.Headers;
        var path = JobPath.Parse(rawTarget, name => headers.TryGetValue(name, out var value) ? value.ToString() : null);
        var entry = new RequestLogEntry(
            DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            RequestIdMiddleware.Get(context),
            context.Request.Method,
            rawTarget,
            IamTokenHandler.Handles(rawTarget) ? "IAM" : path?.Api.Label,
            path?.ScopeId,
            path?.JobId,
            CopyHeaders(context.Request.Headers));
        state.Requests.Add(entry);

        int? status = null;
        try
        {
            if (await AnswerAsync(context, path))
            {
                status = context.Response.StatusCode;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client hung up, or the emulator is stopping, during a delay: nobody gets an answer.
            context.Abort();
        }
        finally
        {
            state.Requests.Complete(entry, status);
        }
    }

    /// <returns>False when no answer was sent (the connection was dropped).</returns>
    private async Task<bool> AnswerAsync(HttpContext context, JobPath? path)
    {
        if (IamTokenHandler.Handles(RawTargetOf(context)))
        {
            await IamTokenHandler.AnswerAsync(context, state.Auth);
            return true;
        }

        if (OrderResourcesHandler.Handles(RawTargetOf(context)))
        {
            // An order's resources: signed (body included) or with a token, like the order itself.
            byte[] posted = await OrderResourcesHandler.ReadBodyAsync(context.Request, context.RequestAborted);
            if (SignatureVerifier.IsSigned(context.Request))
            {
                if (SignatureVerifier.Verify(context.Request, RawTargetOf(context), state.Auth, state.Now, posted) is { } refused)
                {
                    await CloudResponseWriter.WriteErrorAsync(context, 401, "APIGW.0301", refused);
                    return true;
                }
            }
            else if (await RejectTokenAsync(context))
            {
                return true;
            }

            await OrderResourcesHandler.AnswerAsync(context, state, posted);
            return true;
        }

        if (path is not { } job)
        {
            await CloudResponseWriter.WriteErrorAsync(
                context, 404, "APIGW.0101", "The API does not exist or has not been published in the environment");
            return true;
        }

        var api = job.Api;
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            // The code is invented for every path: no service documents its 405.
            await CloudResponseWriter.WriteServiceErrorAsync(
                context, 405, api.ErrorShape, api.MethodCode, $"Method {context.Request.Method} is not allowed on this API; use GET.");
            return true;
        }

        var service = state.CountRequest(api, job.ScopeId, job.OwnerId, job.JobId);
        // Faults and budgets name a project: on a {domain_id} path they match the domain id, on a global path nothing but "every project".
        var scopeId = job.ScopeId ?? string.Empty;

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var fault = state.TakeFault(service, scopeId, job.JobId);
        if (fault is not null && await FaultResponder.RespondAsync(context, fault, cancellation.Token))
        {
            return fault.Kind != FaultKind.Reset;
        }

        if (SignatureVerifier.IsSigned(context.Request))
        {
            if (SignatureVerifier.Verify(context.Request, RawTargetOf(context), state.Auth, state.Now) is { } refusal)
            {
                await CloudResponseWriter.WriteErrorAsync(context, 401, "APIGW.0301", refusal);
                return true;
            }
        }
        else if (await RejectTokenAsync(context))
        {
            return true;
        }

        // The gateway counts a user's calls to an API once it knows the user.
        if (state.TakeBudget(service, scopeId) is { } budget)
        {
            await CloudResponseWriter.WriteErrorAsync(
                context, 429, "APIGW.0308", $"The throttling threshold has been reached: policy user over ratelimit,{budget.Policy}");
            return true;
        }

        if (job.JobId is not { } jobId)
        {
            // The query has no job id: the path's own 400 (the database services' "parameter error" example).
            await CloudResponseWriter.WriteServiceErrorAsync(context, 400, api.ErrorShape, api.BadQueryCode, api.BadQueryMessage);
            return true;
        }

        var found = state.FindJob(api, job.ScopeId, job.OwnerId, jobId);
        if (found is null)
        {
            await CloudResponseWriter.WriteServiceErrorAsync(context, 404, api.ErrorShape, api.NotFoundCode, api.NotFoundMessage);
            return true;
        }

        // A drip or truncated fault changes only how the job's answer travels.
        var delivery = fault?.Kind is FaultKind.Drip or FaultKind.Truncated ? fault : null;
        var body = found.Service.Writer.Write(found, state.Now, RequestIdMiddleware.Get(context));
        return await FaultResponder.DeliverAsync(context, 200, body, delivery, cancellation.Token);
    }

    /// <returns>True when the token was refused and the answer written.</returns>
    private async Task<bool> RejectTokenAsync(HttpContext context)
    {
        var values = context.Request.Headers[TokenHeader];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            await CloudResponseWriter.WriteErrorAsync(
                context, 401, "APIGW.0301", "Incorrect IAM authentication information: x-auth-token not found");
            return true;
        }

        // A token the emulated IAM issued lives for the user's token lifetime, unless the control
        // API has since given it a state (say expired, as after a password change).
        if (values.Count == 1 && state.GetTokenState(values[0]!) is null && state.Auth.IssuedExpiry(values[0]!) is { } expiry)
        {
            if (state.Now < expiry)
            {
                return false;
            }

            await CloudResponseWriter.WriteErrorAsync(
                context, 401, "APIGW.0301", $"Incorrect IAM authentication information: token expires, expires_at: {expiry.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'}");
            return true;
        }

        // Two token headers are not a token the gateway issued.
        var tokenState = values.Count == 1 ? state.GetTokenState(values[0]!) : null;
        switch (tokenState)
        {
            case TokenState.Valid:
                return false;
            case TokenState.Expired:
                await CloudResponseWriter.WriteErrorAsync(context, 401, "APIGW.0301", ExpiredTokenMessage);
                return true;
            case TokenState.Forbidden:
                await CloudResponseWriter.WriteErrorAsync(
                    context, 403, "APIGW.0302", "The IAM user is forbidden in the currently selected region");
                return true;
            default:
                await CloudResponseWriter.WriteErrorAsync(
                    context, 401, "APIGW.0301", "Incorrect IAM authentication information: decrypt token fail");
                return true;
        }
    }

    public static string RawTargetOf(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();

    private static Dictionary<string, string> CopyHeaders(IHeaderDictionary headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = header.Value.ToString();
        }

        return copy;
    }
}
