using System.Threading.Tasks;
using JobStatus.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace JobStatus.Emulator.Control;

/// <summary>The routes under <c>/_emulator/</c> that tests and demos use to script the emulated
/// cloud. No auth: the emulator only ever listens on loopback.</summary>
internal static class ControlApi
{
    public const string Prefix = "/_emulator";

    public const string JsonContentType = "application/json;charset=UTF-8";

    public static void MapControlApi(this IEndpointRouteBuilder routes, EmulatorState state, IHostApplicationLifetime lifetime)
    {
        var json = EmulatorJsonContext.Relaxed;

        // Handlers take HttpRequest, never a lone HttpContext: an async lambda whose only parameter
        // is HttpContext is bound as a RequestDelegate and its returned IResult is silently
        // dropped, leaving an empty 200 (dotnet/aspnetcore#39956, #67089).
        var api = routes.MapGroup(Prefix);

        api.MapPost("/jobs", async (HttpRequest request) =>
        {
            var specs = await JsonBodyReader.ReadOneOrManyAsync(request, json.JobSpec);
            return Results.Json(state.AddJobs(specs), json.ListJobView, JsonContentType);
        });
        api.MapGet("/jobs", () => Results.Json(state.ListJobs(), json.ListJobView, JsonContentType));

        api.MapGet("/services", () => Results.Json(ServiceView.All(), json.ListServiceView, JsonContentType));

        api.MapPost("/tokens", async (HttpRequest request) =>
        {
            var specs = await JsonBodyReader.ReadOneOrManyAsync(request, json.TokenSpec);
            return Results.Json(state.SetTokens(specs), json.ListTokenView, JsonContentType);
        });

        api.MapPost("/accesskeys", async (HttpRequest request) =>
        {
            var specs = await JsonBodyReader.ReadOneOrManyAsync(request, json.AccessKeySpec);
            return Results.Json(state.Auth.AddAccessKeys(specs), json.ListAccessKeyView, JsonContentType);
        });
        api.MapGet("/accesskeys", () => Results.Json(state.Auth.ListAccessKeys(), json.ListAccessKeyView, JsonContentType));

        api.MapPost("/users", async (HttpRequest request) =>
        {
            var specs = await JsonBodyReader.ReadOneOrManyAsync(request, json.UserSpec);
            return Results.Json(state.Auth.AddUsers(specs), json.ListUserView, JsonContentType);
        });
        api.MapGet("/users", () => Results.Json(state.Auth.ListUsers(), json.ListUserView, JsonContentType));

        api.MapPost("/faults", async (HttpRequest request) =>
        {
            var specs = await JsonBodyReader.ReadOneOrManyAsync(request, json.FaultSpec);
            return Results.Json(state.AddFaults(specs), json.ListFaultView, JsonContentType);
        });
        api.MapGet("/faults", () => Results.Json(state.ListFaults(), json.ListFaultView, JsonContentType));
        api.MapDelete("/faults", () =>
        {
            state.ClearFaults();
            return Ok();
        });

        api.MapPost("/budgets", async (HttpRequest request) =>
        {
            var specs = await JsonBodyReader.ReadOneOrManyAsync(request, json.BudgetSpec);
            return Results.Json(state.AddBudgets(specs), json.ListBudgetView, JsonContentType);
        });
        api.MapGet("/budgets", () => Results.Json(state.ListBudgets(), json.ListBudgetView, JsonContentType));
        api.MapDelete("/budgets", () =>
        {
            state.ClearBudgets();
            return Ok();
        });

        api.MapGet("/requests", (HttpRequest request) =>
        {
            string? jobId = request.Query.TryGetValue("jobId", out var values) ? values.ToString() : null;
            return Results.Json(state.Requests.Snapshot(jobId), json.ListRequestLogEntry, JsonContentType);
        });
        api.MapDelete("/requests", () =>
        {
            state.Requests.Clear();
            return Ok();
        });

        api.MapPost("/reset", () =>
        {
            state.Reset();
            return Ok();
        });

        api.MapGet("/connections", () => Results.Json(state.Connections.Snapshot(), json.ConnectionsView, JsonContentType));

        api.MapGet("/health", () => Ok());

        api.MapPost("/shutdown", (HttpRequest request) =>
        {
            // Stop only once the answer is out, so the caller sees a clean 200, not a dropped connection.
            request.HttpContext.Response.OnCompleted(() =>
            {
                lifetime.StopApplication();
                return Task.CompletedTask;
            });
            return Results.Json(new StatusMessage("stopping"), json.StatusMessage, JsonContentType);
        });
    }

    public static IResult Error(int status, string message) =>
        Results.Json(new ControlError(message), EmulatorJsonContext.Relaxed.ControlError, JsonContentType, status);

    private static IResult Ok() =>
        Results.Json(new StatusMessage("ok"), EmulatorJsonContext.Relaxed.StatusMessage, JsonContentType);
}
