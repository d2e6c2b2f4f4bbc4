using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Image Management Service (v2 SDK): ShowJob, GET /v1/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Ims
    {
        private static readonly JobShape SubJob = V1JobShape.Create(new[] { "image_id" });

        public static CloudJobService Service { get; } = new CloudJobService(
            name: "IMS",
            displayName: "Image Management Service",
            hostLabel: "ims",
            pathTemplate: V1JobShape.PathTemplate,
            // IMS's JobEntities differ from the rest of the family: the sub-jobs are sub_jobs_result, a
            // batch's images are results[].image_id, and a failure is told in entities.error_code and
            // entities.error as well as at the top.
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                ErrorCode = new[] { "error_code", "entities.error_code" },
                ErrorMessage = new[] { "fail_reason", "entities.error" },
                ResourceIds = new[] { "entities.image_id", "entities.results.image_id" },
                SubJobs = "entities.sub_jobs_result",
                SubJob = SubJob,
            },
            // The SDK's enum; its text: SUCCESS and FAIL "the job has ended", RUNNING "is running", INIT "not yet run, initializing".
            statuses: V1JobShape.Statuses(),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Ims.Regions,
            endpointExceptions: VendorRegions.Ims.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/ims/v2/ims_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/ims/v2/model/model_show_job_response.go, model_job_entities.go, model_job_entities_result.go, model_sub_job_result.go, model_sub_job_entities.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Ims.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/intl/zh-cn/api-ims/ims_03_0905.html",
            });
    }
}
