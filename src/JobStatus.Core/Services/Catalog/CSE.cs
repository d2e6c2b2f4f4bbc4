using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Service Engine (microservice engine): ShowEngineJob, GET /v2/{project_id}/enginemgr/engines/{engine_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class CSE
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CSE",
            displayName: "Cloud Service Engine (microservice engine)",
            hostLabel: "cse",
            pathTemplate: "/v2/{project_id}/enginemgr/engines/{engine_id}/jobs/{job_id}",
            shape: new JobShape("status")
            {
                Id = new[] { "id" },
                JobType = new[] { "type" },
                BeginTime = new[] { "startTime" },
                EndTime = new[] { "endTime" },
                ResourceIds = new[] { "engineId" },
                SubJobs = "tasks",
                SubJob = new JobShape("status")
                {
                    Id = System.Array.Empty<string>(),
                    JobType = new[] { "taskName" },
                    BeginTime = new[] { "startTime" },
                    EndTime = new[] { "endTime" },
                    SubJobs = "tasks",
                    SubJob = new JobShape("status")
                    {
                        Id = new[] { "id" },
                        JobType = new[] { "taskName" },
                        BeginTime = new[] { "startTime" },
                        EndTime = new[] { "endTime" },
                        ErrorMessage = new[] { "log" },
                    },
                },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Init", "Executing")
                .Map(CloudJobStatus.Success, "Finished")
                .Map(CloudJobStatus.Failed, "Error", "Timeout"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.CSE.Regions,
            endpointExceptions: VendorRegions.CSE.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cse/huaweicloudsdkcse/v1/cse_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_engine_job_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cse/huaweicloudsdkcse/v1/model/show_engine_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cse/huaweicloudsdkcse/v1/model/task_steps.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cse/huaweicloudsdkcse/v1/model/task.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/cse/v1/model/model_show_engine_job_response.go @e25567d41a3e9d411d4e29c56d4921ae8e0492af (status enum Init, Executing, Error, Timeout, Finished; type enum Create, Delete, Upgrade, Modify)",
                "huaweicloud-sdk-go-v3 services/cse/v1/model/model_task_steps.go @e25567d41a3e9d411d4e29c56d4921ae8e0492af",
                "huaweicloud-sdk-go-v3 services/cse/v1/model/model_task.go @e25567d41a3e9d411d4e29c56d4921ae8e0492af",
                "https://support.huaweicloud.com/intl/en-us/api-cse/cse_06_0033.html",
                "https://support.huaweicloud.com/api-cse/cse_06_0033.html",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/CSE/src/ShowEngineJob.json @86923b9210e0d142bc5dbe87a4302800f262a3e4 (example answer)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.CSE.Source + " (release " + VendorRegions.Release + ")",
            },
            owner: new JobOwner(JobOwnerKind.Engine, "engine_id", "the microservice engine the job belongs to"));
    }
}
