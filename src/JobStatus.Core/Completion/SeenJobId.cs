namespace JobStatus.Completion
{
    /// <summary>A job id a session has seen, with the status and project it had then.</summary>
    internal sealed class SeenJobId
    {
        public SeenJobId(string id, string? status, string? projectId)
        {
            Id = id;
            Status = status;
            ProjectId = projectId;
        }

        public string Id { get; }

        public string? Status { get; }

        public string? ProjectId { get; }
    }
}
