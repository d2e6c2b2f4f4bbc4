namespace JobStatus.Connection
{
    /// <summary>Why no request can be sent at all.</summary>
    public enum ConnectionProblemKind
    {
        TokenMissing,
        TokenInvalid,
        ProjectMissing,
        ProjectInvalid,
        EndpointMissing,
        RegionInvalid,
        EndpointInvalid,
        UnencryptedAuthentication,
    }
}
