using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Bare Metal Server (v1 SDK): ShowJobInfos, GET /v1/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Bms
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "BMS",
            displayName: "Bare Metal Server",
            hostLabel: "bms",
            pathTemplate: V1JobShape.PathTemplate,
            // Sub-job entities (the SDK's Entitie): server_id, nic_id; the API definition adds
            // errorcode_message there and server_id, nic_id on the job's own entities.
            shape: V1JobShape.Create(new[] { "server_id", "nic_id" }, failureDetail: "errorcode_message"),
            // The SDK's four words, and PENDING_PAYMENT from the API page ("a yearly/monthly order is to be paid").
            statuses: V1JobShape.Statuses().Map(CloudJobStatus.Running, "PENDING_PAYMENT"),
            // The 25 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-2"
                + " cn-east-3 cn-east-4 cn-east-5 cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-north-11"
                + " cn-south-1 cn-south-2 cn-southwest-2 la-north-2 la-south-2 me-east-1 my-kualalumpur-1"
                + " na-mexico-1 ru-northwest-2 sa-brazil-1 tr-west-1"),
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/bms/v1/bms_meta.go (GenReqDefForShowJobInfos)",
                "huaweicloud-sdk-go-v3 services/bms/v1/model/model_show_job_infos_response.go, model_entities.go, model_sub_jobs.go, model_entitie.go",
                "huaweicloud-sdk-go-v3 services/bms/v1/region/region.go",
                "https://support.huaweicloud.com/intl/en-us/api-bms/bms_api_0640.html",
            },
            requestBudget: new DocumentedBudget(2000, 60, "the BMS API reference: 2,000 calls a minute to query a job"));
    }
}
