using System;
using System.Collections.Generic;
using JobStatus.Services;

namespace JobStatus.Emulator.Catalog;

/// <summary>One job path of the emulated cloud (one distinct path template of the module's
/// catalog) and how it answers when no job does. Several services can share one (in the cloud they
/// differ only by host): <see cref="Label"/> names them all, and the lookup picks whichever of them
/// holds the job.</summary>
internal sealed class JobApi
{
    /// <param name="badQueryCode">Where the job id is a query parameter: the code of the 400 for a query without it.</param>
    public JobApi(
        string template, ErrorShape errorShape, string notFoundCode, string notFoundMessage, string methodCode,
        string? badQueryCode = null, string? badQueryMessage = null)
    {
        Template = template;
        ErrorShape = errorShape;
        NotFoundCode = notFoundCode;
        NotFoundMessage = notFoundMessage;
        MethodCode = methodCode;
        BadQueryCode = badQueryCode ?? "Common.0400";
        BadQueryMessage = badQueryMessage ?? "The job id parameter is missing or empty.";
    }

    /// <summary>The path as the catalog gives it, with its placeholders.</summary>
    public string Template { get; }

    public ErrorShape ErrorShape { get; }

    /// <summary>The error code of the 404 for a job nobody holds.</summary>
    public string NotFoundCode { get; }

    public string NotFoundMessage { get; }

    /// <summary>The error code of the 405 for a method other than GET.</summary>
    public string MethodCode { get; }

    /// <summary>The 400 for a query without the job id, where the id is a query parameter.</summary>
    public string BadQueryCode { get; }

    public string BadQueryMessage { get; }

    /// <summary>The template taken apart; set by <see cref="Attach"/>, which knows the owner's placeholder.</summary>
    public JobPathTemplate Path { get; private set; } = null!;

    /// <summary>True where the job id is a query parameter (<c>/v3/{project_id}/jobs?id={job_id}</c>).</summary>
    public bool JobIdInQuery => Path.JobQueryParameter is not null;

    /// <summary>What the path is scoped by; the same for every service on it.</summary>
    public JobScope Scope { get; private set; }

    /// <summary>The owner the path names ({instance_id}), or null; the same for every service on it.</summary>
    public JobOwner? Owner { get; private set; }

    /// <summary>The services this path serves, in <see cref="EmulatedServices.All"/> order; set once.</summary>
    public IReadOnlyList<EmulatedService> Services { get; private set; } = Array.Empty<EmulatedService>();

    /// <summary>The service for a path only one serves; the names joined by '/' for a shared path
    /// (what the request log shows).</summary>
    public string Label { get; private set; } = string.Empty;

    public bool IsShared => Services.Count > 1;

    /// <summary>The request target a client sends for this job, percent-encoded (a header owner is not in it).</summary>
    public string PathFor(string? scopeId, string? ownerId, string jobId) =>
        Path.Fill(scopeId, Owner?.PathPlaceholder, ownerId, jobId);

    /// <exception cref="InvalidOperationException">The services disagree on the path's scope or owner.</exception>
    public void Attach(IReadOnlyList<EmulatedService> services)
    {
        var first = services[0].Catalog;
        foreach (var service in services)
        {
            var catalog = service.Catalog;
            if (catalog.PathTemplate != Template || catalog.Scope != first.Scope || catalog.Owner?.Placeholder != first.Owner?.Placeholder || catalog.Owner?.Header != first.Owner?.Header)
            {
                throw new InvalidOperationException(
                    $"{service.Name} shares the path {Template} with {services[0].Name} but its template, scope or owner differ.");
            }
        }

        Services = services;
        Scope = first.Scope;
        Owner = first.Owner;
        Path = new JobPathTemplate(Template, Owner?.PathPlaceholder);
        var names = new List<string>(services.Count);
        foreach (var service in services)
        {
            names.Add(service.Name);
        }

        Label = string.Join('/', names);
    }
}
