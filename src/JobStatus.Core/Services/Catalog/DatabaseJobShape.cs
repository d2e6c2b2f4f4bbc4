using JobStatus.Services;

namespace JobStatus.Services.Catalog
{
    /// <summary>
    /// The answer of GET /v3/{project_id}/jobs?id={job_id}, which RDS, GaussDB for MySQL and DDS share:
    /// {"job": {id, name, status, created, ended, instance: {id, name}, entities, fail_reason}}.
    /// </summary>
    internal static class DatabaseJobShape
    {
        public const string PathTemplate = "/v3/{project_id}/jobs?id={job_id}";

        public static JobShape Create() => new JobShape("status")
        {
            Envelope = "job",
            JobType = new[] { "name" },
            BeginTime = new[] { "created" },
            EndTime = new[] { "ended" },
            ErrorMessage = new[] { "fail_reason" },
            // The API page's table says entities.resource_ids, its own example entities.resource_id: both are read.
            ResourceIds = new[] { "instance.id", "entities.resource_ids", "entities.resource_id" },
        };
    }
}
