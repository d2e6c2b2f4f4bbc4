namespace JobStatus.Connection
{
    /// <summary>Why no request can be sent at all.</summary>
    internal enum ConnectionProblemKind
    {
        TokenMissing,
        TokenInvalid,

        /// <summary>An access key without its secret (or the reverse), or a credentials file that cannot be read.</summary>
        CredentialIncomplete,

        /// <summary>An access key or sign-in whose values cannot be used.</summary>
        CredentialInvalid,
        ProjectMissing,
        ProjectInvalid,
        EndpointMissing,
        RegionInvalid,
        EndpointInvalid,
        UnencryptedAuthentication,
    }
}
