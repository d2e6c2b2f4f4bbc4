using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Distributed Cache Service (v2): ShowJobInfo, GET /v2/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Dcs
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "DCS",
            displayName: "Distributed Cache Service",
            hostLabel: "dcs",
            pathTemplate: "/v2/{project_id}/jobs/{job_id}",
            // A flat object {job_id, job_type, status, begin_time, end_time, fail_reason}: times are epoch
            // milliseconds in strings, there is no error code, no sub-jobs and no resource id.
            shape: new JobShape("status")
            {
                Id = new[] { "job_id" },
                JobType = new[] { "job_type" },
                BeginTime = new[] { "begin_time" },
                EndTime = new[] { "end_time" },
                // The API definition's own example spells it fail_resson; both are read.
                ErrorMessage = new[] { "fail_reason", "fail_resson" },
            },
            // The SDK's ShowJobInfoResponseStatus enum; the API page: INIT "to be executed", RUNNING
            // "executing", SUCCESS "successful", FAIL "failed".
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "INIT", "RUNNING")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAIL"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Dcs.Regions,
            endpointExceptions: VendorRegions.Dcs.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/dcs/v2/dcs_meta.go (GenReqDefForShowJobInfo)",
                "huaweicloud-sdk-go-v3 services/dcs/v2/model/model_show_job_info_response.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Dcs.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/intl/en-us/api-dcs/ShowJobInfo.html",
            });
    }
}
