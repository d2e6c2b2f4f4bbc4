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
            // The 31 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3"
                + " ap-southeast-4 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-north-1 cn-north-2 cn-north-4"
                + " cn-north-9 cn-north-11 cn-south-1 cn-south-2 cn-south-4 cn-southwest-2 eu-west-0"
                + " eu-west-101 la-north-2 la-south-2 me-east-1 my-kualalumpur-1 na-mexico-1 ru-moscow-1"
                + " ru-northwest-2 sa-brazil-1 tr-west-1"),
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/cce/v3/cce_meta.go (GenReqDefForShowJob)",
                "huaweicloud-sdk-go-v3 services/cce/v3/model/model_show_job_response.go",
                "huaweicloud-sdk-go-v3 services/cce/v3/model/model_job.go, model_job_spec.go, model_job_status.go, model_job_metadata.go",
                "huaweicloud-sdk-go-v3 services/cce/v3/region/region.go",
                "CCE API reference: Obtaining Information About a Job (cce_02_0247)",
            });
    }
}
