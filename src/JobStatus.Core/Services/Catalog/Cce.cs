using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Cloud Container Engine: ShowJob, GET /api/v3/projects/{project_id}/jobs/{job_id}. See docs/Services.md.</summary>
    internal static class Cce
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "CCE",
            displayName: "Cloud Container Engine",
            hostLabel: "cce",
            pathTemplate: "/api/v3/projects/{project_id}/jobs/{job_id}",
            // A Job object {kind, apiVersion, metadata, spec, status}; spec.subJobs holds Job objects of the same shape.
            shape: new JobShape("status.phase")
            {
                Id = new[] { "metadata.uid" },
                JobType = new[] { "spec.type" },
                BeginTime = new[] { "metadata.creationTimestamp" },
                // The API has no end time: the last update of a finished job is when it ended.
                EndTime = new[] { "metadata.updateTimestamp" },
                EndTimeOnceFinished = true,
                ErrorMessage = new[] { "status.reason" },
                ResourceIds = new[] { "spec.resourceID", "spec.clusterUID" },
                SubJobs = "spec.subJobs",
            },
            // The JobPhase values of the SDK's JobStatus model and the API page.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Initializing", "Running")
                .Map(CloudJobStatus.Success, "Success")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs.
            regions: VendorRegions.Cce.Regions,
            endpointExceptions: VendorRegions.Cce.EndpointExceptions,
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/cce/v3/cce_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/cce/v3/model/model_show_job_response.go",
                "huaweicloud-sdk-go-v3 services/cce/v3/model/model_job.go, model_job_spec.go, model_job_status.go, model_job_metadata.go",
                "huaweicloud-sdk-python-v3 " + VendorRegions.Cce.Source + " (release " + VendorRegions.Release + ")",
                "CCE API reference: Obtaining Information About a Job (cce_02_0247)",
            });
    }
}
