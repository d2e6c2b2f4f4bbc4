namespace JobStatus.Client
{
    /// <summary>Why a job could not be read. Each kind maps to one error id and category in the cmdlets.</summary>
    public enum CloudJobFailureKind
    {
        InvalidId,

        /// <summary>-Service (or a Service column) names no service JobStatus knows; nothing was sent.</summary>
        UnknownService,

        /// <summary>The service's path or signature needs the account (domain) id and none was found; nothing was sent.</summary>
        DomainMissing,

        /// <summary>The domain id given is not one (an account name, say); nothing was sent.</summary>
        DomainInvalid,

        /// <summary>The service reads a job under its instance, graph or engine, and no such id was given; nothing was sent.</summary>
        OwnerMissing,
        NotFound,
        InvalidResponse,
        ConnectionFailed,
        Timeout,
        Throttled,
        ServiceError,
        BadRequest,
        AuthenticationFailed,
        PermissionDenied,
        RedirectRefused,

        /// <summary>The endpoint's TLS certificate was not trusted; not retried.</summary>
        CertificateRejected,
        UnexpectedStatus,

        /// <summary>A fault in JobStatus itself; reported, never swallowed.</summary>
        Unexpected,
    }
}
