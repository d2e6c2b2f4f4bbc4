using System.Collections.Generic;
using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>Relational Database Service: ListJobInfo, GET /v3/{project_id}/jobs?id={job_id}. See docs/Services.md.</summary>
    internal static class Rds
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "RDS",
            displayName: "Relational Database Service",
            hostLabel: "rds",
            pathTemplate: DatabaseJobShape.PathTemplate,
            shape: DatabaseJobShape.Create(),
            // The SDK's GetJobInfoResponseBodyJobStatus enum.
            statuses: new JobStatusMap()
                .Map(CloudJobStatus.Running, "Running")
                .Map(CloudJobStatus.Success, "Completed")
                .Map(CloudJobStatus.Failed, "Failed"),
            // The 29 regions of the vendor SDK's region file, sorted.
            regions: ServiceRegions.Parse(
                "ae-ad-1 af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3"
                + " ap-southeast-4 cn-east-2 cn-east-3 cn-east-4 cn-east-5 cn-north-1 cn-north-2 cn-north-4"
                + " cn-north-9 cn-south-1 cn-south-2 cn-southwest-2 eu-west-0 eu-west-101 la-north-2"
                + " la-south-2 me-east-1 my-kualalumpur-1 na-mexico-1 ru-moscow-1 ru-northwest-2 sa-brazil-1"
                + " tr-west-1"),
            sources: new[]
            {
                "huaweicloud-sdk-go-v3 services/rds/v3/rds_meta.go (GenReqDefForListJobInfo)",
                "huaweicloud-sdk-go-v3 services/rds/v3/model/model_list_job_info_response.go",
                "huaweicloud-sdk-go-v3 services/rds/v3/model/model_get_job_info_response_body_job.go",
                "huaweicloud-sdk-python-v3 huaweicloud-sdk-rds/huaweicloudsdkrds/v3/model/get_job_info_response_body_job.py",
                "huaweicloud-sdk-go-v3 services/rds/v3/region/region.go",
                "https://support.huaweicloud.com/intl/en-us/api-rds/rds_08_0001.html",
            },
            requestBudget: new DocumentedBudget(60, 60, "the RDS API reference: 60 calls a minute per user"));
    }
}
