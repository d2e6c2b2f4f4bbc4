using System;
using System.Net;
using System.Threading.Tasks;
using JobStatus.Emulator.Cloud;
using JobStatus.Emulator.Control;
using JobStatus.Emulator.Model;
using JobStatus.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace JobStatus.Emulator.Hosting;

/// <summary>Builds the web application: a loopback-only Kestrel, quiet logging and the pipeline
/// that sends <c>/_emulator/</c> to the control API and everything else to the emulated cloud.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorOptions options, EmulatorState state)
    {
        // ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, Kestrel__Endpoints__* or an appsettings file
        // could otherwise add endpoints; the emulator listens on 127.0.0.1 and nowhere else.
        // The web host reads the URL variables while it is created, so they go first (Kestrel
        // would override them anyway, but with a warning on every start).
        foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_" })
        {
            foreach (var name in new[] { "URLS", "HTTP_PORTS", "HTTPS_PORTS" })
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        if (options.Https)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                // First, so it sees every TCP connection, TLS handshakes that fail included.
                listen.Use(next => async connection =>
                {
                    state.Connections.Accepted();
                    try
                    {
                        await next(connection);
                    }
                    finally
                    {
                        state.Connections.Closed();
                    }
                });
                if (options.Https)
                {
                    listen.UseHttps(SelfSignedCertificate.ForLoopback());
                }
            });
        });

        // stdout carries exactly one line, the listening address; warnings and errors go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(
            console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        // Slow faults end at once on shutdown; this only bounds a request stuck elsewhere.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var app = builder.Build();
        var lifetime = app.Lifetime;
        var cloud = new CloudApiHandler(state, lifetime.ApplicationStopping);

        if (options.Verbose)
        {
            app.Use(VerboseRequestLogger.InvokeAsync);
        }

        app.Use(RequestIdMiddleware.InvokeAsync);

        // Decided on the raw target: ASP.NET's normalised path would let /v3/../_emulator/reset
        // reach the control API, and the cloud side must see what the client really sent.
        app.Use(async (HttpContext context, Func<Task> next) =>
        {
            if (IsControlTarget(CloudApiHandler.RawTargetOf(context)))
            {
                await InvokeControlAsync(context, next);
            }
            else
            {
                await cloud.HandleAsync(context);
            }
        });

        // Unmatched control routes and wrong methods get a JSON body too.
        app.UseStatusCodePages(async (StatusCodeContext status) =>
        {
            var context = status.HttpContext;
            var message = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"No control route {context.Request.Method} {context.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
                _ => "The emulator failed to answer; its stderr has the details.",
            };
            await ControlApi.Error(context.Response.StatusCode, message).ExecuteAsync(context);
        });
        app.UseRouting();
        app.MapControlApi(state, lifetime);
        return app;
    }

    private static bool IsControlTarget(string rawTarget) =>
        rawTarget == ControlApi.Prefix
        || rawTarget.StartsWith(ControlApi.Prefix + "/", StringComparison.Ordinal)
        || rawTarget.StartsWith(ControlApi.Prefix + "?", StringComparison.Ordinal);

    private static async Task InvokeControlAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (InvalidSpecException e) when (!context.Response.HasStarted)
        {
            await ControlApi.Error(StatusCodes.Status400BadRequest, e.Message).ExecuteAsync(context);
        }
    }
}
