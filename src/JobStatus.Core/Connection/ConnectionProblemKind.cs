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

        /// <summary>An account-wide or global service needs the domain id (in its path, or to sign with an access key) and none was found.</summary>
        DomainMissing,

        /// <summary>The domain id found is not 32 hexadecimal characters.</summary>
        DomainInvalid,
        EndpointMissing,
        RegionInvalid,
        EndpointInvalid,
        UnencryptedAuthentication,
    }
}
