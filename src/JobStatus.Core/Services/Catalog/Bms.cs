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
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Bms.Regions,
            endpointExceptions: VendorRegions.Bms.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/bms/v1/bms_meta.go (GenReqDefForShowJobInfos)",
                "huaweicloud-sdk-go-v3 services/bms/v1/model/model_show_job_infos_response.go, model_entities.go, model_sub_jobs.go, model_entitie.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Bms.Source + " (release " + VendorRegions.Release + ")",
                "https://support.huaweicloud.com/intl/en-us/api-bms/bms_api_0640.html",
            },
            requestBudget: new DocumentedBudget(2000, 60, "the BMS API reference: 2,000 calls a minute to query a job"));
    }
}
