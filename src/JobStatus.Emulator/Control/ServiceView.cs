using System.Collections.Generic;
using System.Linq;
using JobStatus.Emulator.Catalog;
using JobStatus.Services;

namespace JobStatus.Emulator.Control;

/// <summary>A service as GET /_emulator/services shows it, for catalog-driven tests: where its jobs
/// are read, and the words the emulator writes for them.</summary>
/// <param name="Scope">project, domain or global: which id the path names.</param>
/// <param name="OwnerParameter">InstanceId, GraphId, EngineId or EnvironmentId where the request names an owner (the job spec takes it camel-cased); else null.</param>
/// <param name="OwnerPlaceholder">The owner's placeholder in the path, without braces; null where there is none or a header carries it.</param>
/// <param name="OwnerHeader">The header that carries the owner (CAE's X-Environment-ID); null where the path does.</param>
/// <param name="RunningMeans">What the module reads the word as (Running, Success, Failed; Unknown for a word the emulator had to invent).</param>
/// <param name="StatusType">string, or number where the status is written as a JSON number.</param>
/// <param name="IdType">number where the SDK model types the job id as a number (CSE): a job of it needs an id of digits.</param>
/// <param name="HandWritten">False where the answer is laid out from the catalog's shape.</param>
internal sealed record ServiceView(
    string Name,
    string PathTemplate,
    string Scope,
    string? OwnerParameter,
    string? OwnerPlaceholder,
    string? OwnerHeader,
    string RunningStatus,
    string SuccessStatus,
    string FailureStatus,
    string RunningMeans,
    string SuccessMeans,
    string FailureMeans,
    string StatusType,
    string IdType,
    bool HasSubJobs,
    bool HandWritten,
    string Label)
{
    public static List<ServiceView> All()
    {
        var views = new List<ServiceView>();
        foreach (var service in EmulatedServices.All)
        {
            var catalog = service.Catalog;
            views.Add(new ServiceView(
                service.Name,
                catalog.PathTemplate,
                catalog.Scope switch { JobScope.Project => "project", JobScope.Domain => "domain", _ => "global" },
                catalog.Owner?.Parameter,
                catalog.Owner?.Header is null ? catalog.Owner?.Placeholder : null,
                catalog.Owner?.Header,
                service.RunningStatus,
                service.SuccessStatus,
                service.FailureStatus,
                catalog.Statuses.Parse(service.RunningStatus).ToString(),
                catalog.Statuses.Parse(service.SuccessStatus).ToString(),
                catalog.Statuses.Parse(service.FailureStatus).ToString(),
                service.StatusIsNumber ? "number" : "string",
                catalog.Shape.Id.Count > 0 && service.Facts?.NumberFields.Contains(catalog.Shape.Id[0]) == true ? "number" : "string",
                service.HasSubJobs,
                service.HandWritten,
                service.Api.Label));
        }

        return views;
    }
}
