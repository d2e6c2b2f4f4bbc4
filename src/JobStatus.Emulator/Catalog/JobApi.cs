using System;
using System.Collections.Generic;

namespace JobStatus.Emulator.Catalog;

/// <summary>One job path of the emulated cloud and how it answers when no job does. Several
/// services can share one (in the cloud they differ only by host): <see cref="Label"/> names them
/// all, and the lookup picks whichever of them holds the job.</summary>
internal sealed class JobApi
{
    public JobApi(string template, ErrorShape errorShape, string notFoundCode, string notFoundMessage, string methodCode, bool jobIdInQuery = false)
    {
        Template = template;
        ErrorShape = errorShape;
        NotFoundCode = notFoundCode;
        NotFoundMessage = notFoundMessage;
        MethodCode = methodCode;
        JobIdInQuery = jobIdInQuery;
    }

    /// <summary>The path as the vendor documents it, with {project_id} and {job_id}.</summary>
    public string Template { get; }

    public ErrorShape ErrorShape { get; }

    /// <summary>The error code of the 404 for a job nobody holds.</summary>
    public string NotFoundCode { get; }

    public string NotFoundMessage { get; }

    /// <summary>The error code of the 405 for a method other than GET.</summary>
    public string MethodCode { get; }

    /// <summary>True for <c>/v3/{project_id}/jobs?id={job_id}</c>: the id is a query parameter.</summary>
    public bool JobIdInQuery { get; }

    /// <summary>The services this path serves, in catalog order; set once by <see cref="EmulatedServices"/>.</summary>
    public IReadOnlyList<EmulatedService> Services { get; private set; } = Array.Empty<EmulatedService>();

    /// <summary>The service for a path only one serves; the names joined by '/' for a shared path
    /// (what the request log shows).</summary>
    public string Label { get; private set; } = string.Empty;

    public bool IsShared => Services.Count > 1;

    /// <summary>The request path (and query) a client sends for this job, percent-encoded.</summary>
    public string PathFor(string projectId, string jobId) =>
        Template.Replace("{project_id}", Uri.EscapeDataString(projectId), StringComparison.Ordinal)
            .Replace("{job_id}", Uri.EscapeDataString(jobId), StringComparison.Ordinal);

    public void Attach(IReadOnlyList<EmulatedService> services)
    {
        Services = services;
        var names = new List<string>(services.Count);
        foreach (var service in services)
        {
            names.Add(service.Name);
        }

        Label = string.Join('/', names);
    }
}
