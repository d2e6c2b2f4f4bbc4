using System;
using JobStatus.Client;

namespace JobStatus.Connection
{
    /// <summary>
    /// A credential could not be put on a request: IAM refused the sign-in, or could not be reached.
    /// The message names the user and the IAM host, never a password or token.
    /// </summary>
    public sealed class CredentialException : Exception
    {
        public CredentialException(CloudJobFailureKind kind, string message, int? httpStatus = null, string? serviceErrorCode = null, string? serviceErrorMessage = null, string? requestId = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            HttpStatus = httpStatus;
            ServiceErrorCode = serviceErrorCode;
            ServiceErrorMessage = serviceErrorMessage;
            RequestId = requestId;
        }

        /// <summary>AuthenticationFailed when the credential was refused; a transient kind when IAM could not answer.</summary>
        public CloudJobFailureKind Kind { get; }

        public int? HttpStatus { get; }

        public string? ServiceErrorCode { get; }

        public string? ServiceErrorMessage { get; }

        public string? RequestId { get; }

        /// <summary>The failure as reported for one job (or, with an empty id, for the sign-in itself).</summary>
        public CloudJobFailure ToFailure(string jobId) =>
            new CloudJobFailure(Kind, jobId, Message, HttpStatus, ServiceErrorCode, ServiceErrorMessage, RequestId, exception: this);
    }
}
