using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Container Engine cluster upgrade tasks: ShowUpgradeClusterTask,
    /// GET /api/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgrade/tasks/{task_id}. See docs/Services.md.</summary>
    internal static class CCEUpgrade
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CCEUpgrade",
            displayName: "Cloud Container Engine cluster upgrade task",
            hostLabel: "cce",
            pathTemplate: "/api/v3/projects/{project_id}/clusters/{cluster_id}/operation/upgrade/tasks/{job_id}",
            shape: new JobShape("status.phase")
            {
                Id = new[] { "metadata.uid" },
                BeginTime = new[] { "metadata.creationTimestamp" },
                EndTime = new[] { "status.completionTime" },
                // The page's example of a task still initializing has a completionTime: an end only once finished.
                EndTimeOnceFinished = true,
            },
            // "Pause" is an upgrade paused for the operator (ContinueUpgradeClusterTask resumes it): not finished.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Init", "Queuing", "Running", "Pause")
                .Map(CloudJobStatus.Success, "Success")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file (CCE's), read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.CCEUpgrade.Regions,
            endpointExceptions: VendorRegions.CCEUpgrade.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/cce_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (_show_upgrade_cluster_task_http_info)",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/model/show_upgrade_cluster_task_response.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/model/upgrade_task_metadata.py @343a486b5c8ab656611159f314df6e575d0f6398",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-cce/huaweicloudsdkcce/v3/model/upgrade_task_status.py @343a486b5c8ab656611159f314df6e575d0f6398 (phase: Init, Queuing, Running, Pause, Success, Failed)",
                "https://support.huaweicloud.com/api-cce/ShowUpgradeClusterTask.html (the task id is the uid of the cluster upgrade API's answer; example: an Init task, times '2022-12-16 13:40:20.75671 +0800 CST')",
                "https://support.huaweicloud.com/eu/api-cce/ShowUpgradeClusterTask.html",
                "huaweicloud-sdk-python-v3 " + VendorRegions.CCEUpgrade.Source + " (release " + VendorRegions.Release + ")",
            },
            aliases: new[] { "ClusterUpgrade" },
            owner: new JobOwner(JobOwnerKind.Cluster, "cluster_id", "the CCE cluster being upgraded"));
    }
}
