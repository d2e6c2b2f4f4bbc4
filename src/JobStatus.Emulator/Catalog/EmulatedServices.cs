using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using JobStatus.Emulator.Cloud;
using JobStatus.Emulator.Model;
using JobStatus.Services;

namespace JobStatus.Emulator.Catalog;

/// <summary>Every service the emulator plays, with its job API. Defaults come from the research
/// notes on each vendor SDK model and example (docs/Emulator.md lists them, and what is invented).</summary>
internal static class EmulatedServices
{
    public static readonly JobApi CfwApi = new(
        "/v3/{project_id}/jobs/{job_id}",
        ErrorShape.Gateway,
        // Invented: the vendor documents the 404 but not its body.
        "CFW.00404001",
        "The job does not exist or has expired.",
        "CFW.00405001");

    /// <summary>RDS, GaussDB for MySQL and DDS: one path, the id in the query.</summary>
    public static readonly JobApi DatabaseApi = new(
        "/v3/{project_id}/jobs?id={job_id}",
        ErrorShape.CodeAndMessage,
        // Invented code in the services' ErrorResponse shape; DBS is the prefix all three use.
        "DBS.00404001",
        "The job does not exist or has expired.",
        "DBS.00405001",
        // The services' ErrorResponse example for a bad parameter ("parameter error").
        "DBS.200001",
        "参数错误。");

    public static readonly JobApi CceApi = new(
        "/api/v3/projects/{project_id}/jobs/{job_id}",
        ErrorShape.CamelCase,
        // Seen only in third-party notes as CCE's 404 "Resource not found"; not vendor-confirmed.
        "CCE.01404001",
        "Resource not found",
        "CCE.01405001");

    public static readonly JobApi ElbApi = new(
        "/v3/{project_id}/elb/jobs/{job_id}",
        ErrorShape.Gateway,
        // Invented: neither the body shape nor a code for an unknown job is documented.
        "ELB.00404001",
        "The job does not exist or has expired.",
        "ELB.00405001");

    /// <summary>ECS, BMS, EVS, IMS and VPC: one path, the host tells them apart.</summary>
    public static readonly JobApi V1Api = new(
        "/v1/{project_id}/jobs/{job_id}",
        ErrorShape.Nested,
        // Invented code in the FailedRsp shape BMS's API definition gives its 404: no source shows the
        // answer for an unknown job id.
        "Common.0404",
        "The job does not exist or has expired.",
        "Common.0405");

    public static readonly JobApi DcsApi = new(
        "/v2/{project_id}/jobs/{job_id}",
        ErrorShape.CodeAndMessage,
        // Invented code in DCS's ErrorResponse shape; the API definition gives the 404 no example.
        "DCS.4404",
        "The job does not exist or has expired.",
        "DCS.4405");

    public static readonly EmulatedService Cfw = new()
    {
        Name = "CFW",
        Api = CfwApi,
        Writer = new CfwJobBodyWriter(),
        RunningStatus = "Running",
        SuccessStatus = "Success",
        FailureStatus = "Failed",
        TimeFormat = JobTimeFormat.EpochMs,
    };

    public static readonly EmulatedService Rds = new()
    {
        Name = "RDS",
        Api = DatabaseApi,
        Writer = new RdsJobBodyWriter(),
        RunningStatus = "Running",
        SuccessStatus = "Completed",
        FailureStatus = "Failed",
        TimeFormat = JobTimeFormat.IsoOffset,
        JobType = "CreateMysqlSingleHAInstance",
        NewResourceId = () => NewHex() + "in01",
    };

    public static readonly EmulatedService GaussDb = new()
    {
        Name = "GaussDB",
        Api = DatabaseApi,
        Writer = new RdsJobBodyWriter(),
        RunningStatus = "Running",
        SuccessStatus = "Completed",
        FailureStatus = "Failed",
        TimeFormat = JobTimeFormat.IsoOffset,
        // "Empty while the instance is being created" (the API page on created/ended).
        EndTimeWhileRunning = EndTimeWhileRunning.Empty,
        JobType = "CreateGaussDBforMySQLInstance",
        NewResourceId = () => NewHex() + "in07",
    };

    public static readonly EmulatedService Dds = new()
    {
        Name = "DDS",
        Api = DatabaseApi,
        Writer = new DdsJobBodyWriter(),
        RunningStatus = "Running",
        SuccessStatus = "Completed",
        FailureStatus = "Failed",
        TimeFormat = JobTimeFormat.IsoOffsetUtc,
        // The model requires ended; what a running job holds is not documented.
        EndTimeWhileRunning = EndTimeWhileRunning.Empty,
        JobType = "Create_MongoDB",
        NewResourceId = () => NewHex() + "in02",
    };

    public static readonly EmulatedService Cce = new()
    {
        Name = "CCE",
        Api = CceApi,
        Writer = new CceJobBodyWriter(),
        RunningStatus = "Running",
        SuccessStatus = "Success",
        FailureStatus = "Failed",
        TimeFormat = JobTimeFormat.GoTime,
        EndTimeWhileRunning = EndTimeWhileRunning.LastChange,
        JobType = "CreateCluster",
        NewResourceId = NewUuid,
        SubJobType = "InstallMaster",
    };

    public static readonly EmulatedService Elb = new()
    {
        Name = "ELB",
        Api = ElbApi,
        Writer = new ElbJobBodyWriter(),
        RunningStatus = "RUNNING",
        SuccessStatus = "COMPLETE",
        FailureStatus = "FAIL",
        SubJobSuccessStatus = "SUCCESS",
        TimeFormat = JobTimeFormat.Iso,
        JobType = "UPGRADE",
        NewResourceId = NewUuid,
        SubJobType = "UPGRADE_INIT",
        SubJobsShareResource = true,
    };

    // The v1 job API's family: the SDK models' SUCCESS, RUNNING, FAIL and INIT, ISO times with
    // milliseconds and Z, and end_time "" while running (EVS's example; the ELB v1.0 job API's too).
    public static readonly EmulatedService Ecs = V1("ECS", "createServer", "server_id", "createSingleServer", counts: true, listsNone: true);

    public static readonly EmulatedService Bms = V1("BMS", "baremetalBatchCreate", "server_id", "baremetalSingleCreate", counts: true, listsNone: true);

    public static readonly EmulatedService Evs = V1("EVS", "createVolume", "volume_id", "createVolume");

    public static readonly EmulatedService Ims = V1("IMS", "imsImportImageJob", "image_id", "imsImportImageJob", subJobsField: "sub_jobs_result");

    /// <summary>EIP's jobs on the VPC host: no resource-id field; the example lists no sub-jobs as [].</summary>
    public static readonly EmulatedService Vpc = V1("VPC", "createBatchPublicip", null, "createSinglePublicip", listsNone: true);

    public static readonly EmulatedService Dcs = new()
    {
        Name = "DCS",
        Api = DcsApi,
        Writer = new DcsJobBodyWriter(),
        RunningStatus = "RUNNING",
        SuccessStatus = "SUCCESS",
        FailureStatus = "FAIL",
        TimeFormat = JobTimeFormat.EpochMsString,
        // Not documented; the v1 family's "" is assumed.
        EndTimeWhileRunning = EndTimeWhileRunning.Empty,
        JobType = "masterStandbySwapJob",
    };

    /// <summary>The services with a hand-written writer: CFW first (the default), then grouped by path;
    /// a shared path's label lists its services in this order.</summary>
    private static readonly EmulatedService[] HandWritten = { Cfw, Ecs, Bms, Evs, Ims, Vpc, Rds, GaussDb, Dds, Cce, Elb, Dcs };

    private static readonly JobApi[] HandWrittenApis = { CfwApi, V1Api, DatabaseApi, CceApi, ElbApi, DcsApi };

    /// <summary>Every service of the module's catalog the emulator plays: the hand-written ones, then
    /// the others in catalog order, each from its catalog shape and its row of <see cref="GenericServiceTable"/>.</summary>
    public static readonly IReadOnlyList<EmulatedService> All;

    /// <summary>Every distinct path, the most specific (most fixed segments) first: the order
    /// <see cref="JobPath"/> tries them in.</summary>
    public static readonly IReadOnlyList<JobApi> ApisBySpecificity;

    /// <summary>Why the emulator cannot play the catalog as it stands (a service with no hand-written
    /// writer and no table row, a path two services disagree on); empty when it can. Startup refuses
    /// to go on otherwise, so no service joins the catalog without the emulator serving it.</summary>
    public static readonly IReadOnlyList<string> Problems;

    private static readonly Dictionary<string, EmulatedService> ByName;

    static EmulatedServices()
    {
        var problems = new List<string>();
        var all = new List<EmulatedService>();
        var apis = new List<JobApi>();
        foreach (var service in HandWritten)
        {
            var entry = CloudJobServices.All.FirstOrDefault(c => c.Name == service.Name);
            if (entry is null)
            {
                // A hand-written service the catalog has dropped or renamed: the module cannot read it.
                continue;
            }

            if (entry.PathTemplate != service.Api.Template)
            {
                problems.Add($"{service.Name}: the catalog's path {entry.PathTemplate} is not the hand-written writer's {service.Api.Template}.");
                continue;
            }

            service.Catalog = entry;
            all.Add(service);
        }

        apis.AddRange(HandWrittenApis);
        var missing = new List<string>();
        foreach (var entry in CloudJobServices.All)
        {
            if (all.Any(s => s.Catalog == entry))
            {
                continue;
            }

            if (!GenericServiceTable.Rows.TryGetValue(entry.Name, out var facts))
            {
                missing.Add(entry.Name);
                continue;
            }

            try
            {
                var api = apis.FirstOrDefault(a => a.Template == entry.PathTemplate);
                if (api is null)
                {
                    api = new JobApi(
                        entry.PathTemplate, facts.ErrorShape, facts.NotFoundCode, facts.NotFoundMessage,
                        // Invented, as for every path: no service documents its 405 or its 400 for a query without the id.
                        entry.Name + ".00405001", entry.Name + ".00400001");
                    apis.Add(api);
                }

                all.Add(Generic(entry, facts, api));
            }
            catch (ArgumentException e)
            {
                problems.Add($"{entry.Name}: {e.Message}");
            }
        }

        if (missing.Count > 0)
        {
            problems.Insert(0, $"No emulated job API for the catalog's {string.Join(", ", missing)}: give each a row in GenericServiceTable (time format, error shape, not-found code) or a hand-written writer.");
        }

        var served = new List<JobApi>();
        foreach (var api in apis)
        {
            var services = all.Where(s => s.Api == api).ToArray();
            if (services.Length == 0)
            {
                continue;
            }

            try
            {
                api.Attach(services);
                served.Add(api);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                problems.Add(e.Message);
            }
        }

        All = all;
        ApisBySpecificity = served.OrderByDescending(a => a.Path.LiteralCount).ToArray();
        Problems = problems;
        ByName = all.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The known names, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(s => s.Name));

    /// <summary>The services whose jobs have sub-jobs.</summary>
    public static IEnumerable<string> WithSubJobs => All.Where(s => s.HasSubJobs).Select(s => s.Name);

    /// <summary>The service named, in any case; CFW for null.</summary>
    /// <exception cref="InvalidSpecException">No such service.</exception>
    public static EmulatedService Find(string? name)
    {
        if (name is null)
        {
            return Cfw;
        }

        return ByName.TryGetValue(name, out var service)
            ? service
            : throw new InvalidSpecException($"service '{name}' is not one of: {Names}.");
    }

    /// <summary>A catalog service without a hand-written writer: its words are the catalog's first
    /// Running, Success and Failed words; the rest comes from its table row.</summary>
    /// <exception cref="ArgumentException">The catalog gives it no word for one of the three.</exception>
    private static EmulatedService Generic(CloudJobService entry, GenericServiceFacts facts, JobApi api)
    {
        string Word(CloudJobStatus meaning, string? undocumented) =>
            entry.Statuses.Words.FirstOrDefault(w => w.Value == meaning).Key ?? undocumented
            ?? throw new ArgumentException($"the catalog gives no {meaning} word: give the emulator one in its GenericServiceTable row.");

        var shape = entry.Shape;
        var jobType = shape.JobType.Count > 0 ? facts.JobType ?? "emulated" : null;
        return new EmulatedService
        {
            Name = entry.Name,
            Api = api,
            Writer = GenericJobBodyWriter.Instance,
            HandWritten = false,
            Facts = facts,
            RunningStatus = Word(CloudJobStatus.Running, facts.UndocumentedRunningWord),
            SuccessStatus = Word(CloudJobStatus.Success, null),
            FailureStatus = Word(CloudJobStatus.Failed, facts.UndocumentedFailureWord),
            StatusIsNumber = entry.Statuses.Words.All(w => long.TryParse(w.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
            TimeFormat = facts.TimeFormat,
            EndTimeWhileRunning = facts.EndTimeWhileRunning,
            JobType = jobType,
            NewResourceId = shape.ResourceIds.Count > 0 ? NewUuid : null,
            SubJobType = shape.SubJobs is null ? null : jobType ?? "emulated",
            Catalog = entry,
        };
    }

    private static EmulatedService V1(
        string name, string jobType, string? resourceIdField, string subJobType, bool counts = false, bool listsNone = false, string subJobsField = "sub_jobs") => new()
    {
        Name = name,
        Api = V1Api,
        Writer = new V1JobBodyWriter(),
        RunningStatus = "RUNNING",
        SuccessStatus = "SUCCESS",
        FailureStatus = "FAIL",
        TimeFormat = JobTimeFormat.IsoFraction,
        EndTimeWhileRunning = EndTimeWhileRunning.Empty,
        JobType = jobType,
        ResourceIdField = resourceIdField,
        NewResourceId = resourceIdField is null ? null : NewUuid,
        SubJobType = subJobType,
        SubJobsField = subJobsField,
        CountsSubJobs = counts,
        ListsNoSubJobs = listsNone,
    };

    private static string NewUuid() => Guid.NewGuid().ToString("D");

    /// <summary>32 lowercase hex characters, the form of the database services' instance ids.</summary>
    private static string NewHex() => Guid.NewGuid().ToString("N");
}
