using System;
using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>
    /// Virtual Private Cloud, for the jobs of EIP batch operations (EIP v2 SDK): ShowResourcesJobDetail,
    /// GET /v1/{project_id}/jobs/{job_id} on the vpc host. See docs/Services.md.
    /// </summary>
    internal static class Vpc
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "VPC",
            displayName: "Virtual Private Cloud (EIP)",
            hostLabel: "vpc",
            pathTemplate: V1JobShape.PathTemplate,
            // The SDK types entities as {sub_jobs: [objects "of the main job's type"]}: no resource-id field.
            shape: V1JobShape.Create(Array.Empty<string>()),
            // The SDK and the API page give status no enum; their one example is SUCCESS. The other
            // three are the words of the same v1 job API at ECS, BMS, EVS and IMS, accepted so that a
            // failed EIP job ends a wait instead of running into -Timeout (docs/Services.md says so).
            statuses: V1JobShape.Statuses(),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Vpc.Regions,
            endpointExceptions: VendorRegions.Vpc.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/eip/v2/model/model_show_resources_job_detail_response.go, model_sub_jobs_info.go",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-eip/huaweicloudsdkeip/v2/model/show_resources_job_detail_response.py",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Vpc.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/eu/api-eip/ShowResourcesJobDetail.html",
            });
    }
}
