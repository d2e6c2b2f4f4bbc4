using System;
using System.Collections.Generic;
using System.Linq;
using JobStatus.Emulator.Cloud;
using JobStatus.Emulator.Model;

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
        jobIdInQuery: true);

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

    /// <summary>CFW first (the default), then grouped by path; a shared path's label lists its services in this order.</summary>
    public static readonly IReadOnlyList<EmulatedService> All = new[] { Cfw, Ecs, Bms, Evs, Ims, Vpc, Rds, GaussDb, Dds, Cce, Elb, Dcs };

    private static readonly Dictionary<string, EmulatedService> ByName = All.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    static EmulatedServices()
    {
        foreach (var api in All.Select(s => s.Api).Distinct())
        {
            api.Attach(All.Where(s => s.Api == api).ToArray());
        }
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
