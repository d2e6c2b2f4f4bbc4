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
            // The 21 regions of the vendor SDK's EIP region file, sorted.
            regions: ServiceRegions.Parse(
                "af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-2"
                + " cn-east-3 cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-south-1 cn-south-4"
                + " cn-southwest-2 eu-west-101 la-north-2 la-south-2 me-east-1 na-mexico-1 sa-brazil-1"
                + " tr-west-1"),
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/eip/v2/model/model_show_resources_job_detail_response.go, model_sub_jobs_info.go",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-eip/huaweicloudsdkeip/v2/model/show_resources_job_detail_response.py",
                "huaweicloud-sdk-go-v3 services/eip/v2/region/region.go",
                "https://support.huaweicloud.com/eu/api-eip/ShowResourcesJobDetail.html",
            });
    }
}
