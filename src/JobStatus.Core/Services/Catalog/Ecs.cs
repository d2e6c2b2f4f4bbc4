using System.Collections.Generic;
using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Elastic Cloud Server (v2 SDK): ShowJob, GET /v1/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Ecs
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "ECS",
            displayName: "Elastic Cloud Server",
            hostLabel: "ecs",
            pathTemplate: V1JobShape.PathTemplate,
            // Sub-job entities: server_id, nic_id, errorcode_message (SubJobEntities). The API page also
            // lists server_id and nic_id on the job's own entities, which the SDK's JobEntities lacks.
            shape: V1JobShape.Create(new[] { "server_id", "nic_id" }, failureDetail: "errorcode_message"),
            // The SDK's four words, and PENDING_PAYMENT from the API page: a yearly/monthly order waiting
            // to be paid, which has not ended (an unpaid order is cleaned up after 14 days).
            statuses: V1JobShape.Statuses().Map(CloudJobStatus.Running, "PENDING_PAYMENT"),
            // The 33 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3"
                + " ap-southeast-4 ap-southeast-5 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-north-1"
                + " cn-north-2 cn-north-4 cn-north-9 cn-north-11 cn-north-12 cn-south-1 cn-south-2"
                + " cn-south-4 cn-southwest-2 cn-southwest-3 eu-west-0 eu-west-101 la-north-2 la-south-2"
                + " me-east-1 my-kualalumpur-1 na-mexico-1 ru-moscow-1 sa-brazil-1 tr-west-1"),
            endpointExceptions: new Dictionary<string, string>
            {
                ["eu-west-101"] = "https://ecs.eu-west-101.myhuaweicloud.com",
            },
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/ecs/v2/ecs_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/ecs/v2/model/model_show_job_response.go, model_job_entities.go, model_sub_job.go, model_sub_job_entities.go",
                "huaweicloud-sdk-go-v3 services/ecs/v2/region/region.go",
                "https://support.huaweicloud.com/intl/en-us/api-ecs/ecs_02_0901.html",
            });
    }
}
