using System.Collections.Generic;
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
            // The 27 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-2"
                + " cn-east-3 cn-east-5 cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-south-1 cn-south-2"
                + " cn-southwest-2 eu-west-0 eu-west-101 la-north-2 la-south-2 me-east-1 my-kualalumpur-1"
                + " na-mexico-1 ru-moscow-1 ru-northwest-2 sa-brazil-1 tr-west-1"),
            endpointExceptions: new Dictionary<string, string>
            {
                ["eu-west-101"] = "https://dcs.eu-west-101.myhuaweicloud.com",
            },
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/dcs/v2/dcs_meta.go (GenReqDefForShowJobInfo)",
                "huaweicloud-sdk-go-v3 services/dcs/v2/model/model_show_job_info_response.go",
                "huaweicloud-sdk-go-v3 services/dcs/v2/region/region.go",
                "https://support.huaweicloud.com/intl/en-us/api-dcs/ShowJobInfo.html",
            });
    }
}
