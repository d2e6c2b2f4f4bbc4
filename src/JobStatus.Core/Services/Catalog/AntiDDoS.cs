using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Anti-DDoS (Cloud Native Anti-DDoS Basic): ShowNewTaskStatus, GET /v2/{project_id}/query-task-status?task_id={job_id}. See docs/Services.md.</summary>
    internal static class AntiDDoS
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "AntiDDoS",
            displayName: "Anti-DDoS (Cloud Native Anti-DDoS Basic)",
            hostLabel: "antiddos",
            pathTemplate: "/v2/{project_id}/query-task-status?task_id={job_id}",
            shape: new JobShape("task_status")
            {
                Id = System.Array.Empty<string>(),
                ErrorMessage = new[] { "task_msg" },
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "ready", "preprocess", "waiting", "running")
                .Map(CloudJobStatus.Success, "success")
                .Map(CloudJobStatus.Failed, "failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.AntiDDoS.Regions,
            endpointExceptions: VendorRegions.AntiDDoS.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-antiddos/huaweicloudsdkantiddos/v2/antiddos_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_new_task_status_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-antiddos/huaweicloudsdkantiddos/v2/model/show_new_task_status_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-go-v3 services/antiddos/v2/model/model_show_new_task_status_response.go @d0d9990ec99d1ddf151cafe8e25358dbafc5b513",
                "https://support.huaweicloud.com/eu/api-antiddos/ShowNewTaskStatus.html",
                "https://support.huaweicloud.com/en-us/api-antiddos/ShowNewTaskStatus.html (older: task_id marked optional, no example)",
                "mingyang91/huawei-cloud-api-definitions (third-party mirror of the API Explorer definitions) @e05e9a02eed3a8449e77f61895b1971900ea0091 schemas/Anti_DDoS/src/ShowNewTaskStatus.json",
                "huaweicloud-sdk-python-v3 " + VendorRegions.AntiDDoS.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "Anti-DDoS" });
    }
}
