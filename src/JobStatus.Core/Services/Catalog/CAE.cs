using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Application Engine: ShowJob, GET /v1/{project_id}/cae/jobs/{job_id} with the environment in
    /// the X-Environment-ID header. See docs/Services.md.</summary>
    internal static class CAE
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CAE",
            displayName: "Cloud Application Engine",
            hostLabel: "cae",
            pathTemplate: "/v1/{project_id}/cae/jobs/{job_id}",
            // The answer names no job id, type, time or error: spec.status and spec.tasks[] are all it has.
            shape: new JobShape("status")
            {
                Envelope = "spec",
                Id = System.Array.Empty<string>(),
                SubJobs = "tasks",
                SubJob = new JobShape("status")
                {
                    Id = new[] { "index" },
                    JobType = new[] { "name" },
                    BeginTime = new[] { "created_at" },
                    EndTime = new[] { "updated_at" },
                    ErrorMessage = new[] { "detail" },
                },
            },
            // The API page's words (no SDK enum): "skip" (a task skipped) is left Unknown; a job stopped by hand
            // ("terminated") has failed, one being stopped ("terminating") has not finished yet.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "init", "running", "terminating")
                .Map(CloudJobStatus.Success, "success")
                .Map(CloudJobStatus.Failed, "failed", "timeout", "terminated"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.CAE.Regions,
            endpointExceptions: VendorRegions.CAE.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cae/huaweicloudsdkcae/v1/cae_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_job_http_info: X-Environment-ID and X-Enterprise-Project-ID headers)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cae/huaweicloudsdkcae/v1/model/show_job_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cae/huaweicloudsdkcae/v1/model/job_spec.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cae/huaweicloudsdkcae/v1/model/task.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/cae/v1/model/model_job_spec.go @3f05c4f3d9b33cc1044df8bc5d3edc7a92b9e862 (status *string, no enum)",
                "https://support.huaweicloud.com/intl/en-us/api-cae/ShowJob.html (Table 2: X-Environment-ID mandatory; Table 4 JobSpec status: init, running, failed, timeout, success, skip, terminating, terminated)",
                "https://support.huaweicloud.com/api-cae/ShowJob.html",
                "API Explorer definition as mirrored in github mingyang91/huawei-cloud-api-definitions schemas/CAE/src/ShowJob.json @e05e9a02eed3a8449e77f61895b1971900ea0091 (example: a running job)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.CAE.Source + " (release " + VendorRegions.Release + ")",
            },
            // The API definition's pattern for X-Environment-ID: a UUID of lower-case letters and digits.
            owner: JobOwner.InHeader(
                JobOwnerKind.Environment,
                "X-Environment-ID",
                "the CAE environment the job belongs to",
                new System.Text.RegularExpressions.Regex("^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant),
                "a CAE environment id (a lower-case UUID such as 0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c)"));
    }
}
