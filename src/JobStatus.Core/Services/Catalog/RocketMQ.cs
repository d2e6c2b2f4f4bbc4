using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Distributed Message Service for RocketMQ: ShowBackgroundTask, GET /v2/{project_id}/instances/{instance_id}/tasks/{job_id}. See docs/Services.md.</summary>
    internal static class RocketMQ
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "RocketMQ",
            displayName: "Distributed Message Service for RocketMQ",
            hostLabel: "dms",
            pathTemplate: "/v2/{project_id}/instances/{instance_id}/tasks/{job_id}",
            shape: new JobShape("status")
            {
                Envelope = "tasks[]",
                Id = new[] { "id" },
                JobType = new[] { "name" },
                BeginTime = new[] { "created_at" },
                EndTime = new[] { "updated_at" },
                EndTimeOnceFinished = true,
            },
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "CREATED", "EXECUTING")
                .Map(CloudJobStatus.Success, "SUCCESS")
                .Map(CloudJobStatus.Failed, "FAILED", "CANCELLED", "DELETED"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.RocketMQ.Regions,
            endpointExceptions: VendorRegions.RocketMQ.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-rocketmq/huaweicloudsdkrocketmq/v2/rocketmq_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_background_task_http_info: GET /v2/{project_id}/instances/{instance_id}/tasks/{task_id}, response ShowBackgroundTaskResponse)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-rocketmq/huaweicloudsdkrocketmq/v2/model/show_background_task_request.py @343a486b5c8ab656611159f314df6e575d0f6398 (instance_id, task_id)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-rocketmq/huaweicloudsdkrocketmq/v2/model/show_background_task_response.py @343a486b5c8ab656611159f314df6e575d0f6398 (task_count: str, tasks: list[ListBackgroundTasksRespTasks])",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-rocketmq/huaweicloudsdkrocketmq/v2/model/list_background_tasks_resp_tasks.py @343a486b5c8ab656611159f314df6e575d0f6398 (status docstring CREATED / SUCCESS / FAILED / DELETED / EXECUTING / CANCELLED)",
                "huaweicloud/huaweicloud-sdk-go-v3 services/rocketmq/v2/model/model_list_background_tasks_resp_tasks.go @1cd70eb6f730ea721771a6ec8d96352bbb801787 (no enum; every field optional)",
                "mingyang91/huawei-cloud-api-definitions schemas/RocketMQ/src/ShowBackgroundTask.json @235ae681f5037c97efdb40485c8366022c5adcf2 (the vendor's API Explorer definition, mirrored; 200 example (a SUCCESS task))",
                "https://support.huaweicloud.com/intl/en-us/api-hrm/ShowBackgroundTask.html (Querying a Specific Record from Background Tasks, updated 2025-06-20: status 'Range: N/A', example response)",
                "huaweicloud-sdk-python-v3 " + VendorRegions.RocketMQ.Source + " (release " + VendorRegions.Release + ")",
            },
            owner: new JobOwner(JobOwnerKind.Instance, "instance_id", "the RocketMQ instance the task belongs to"));
    }
}
