using System;

namespace JobStatus.Client
{
    /// <summary>
    /// The exception inside every JobStatus error, so scripts can read what the service said
    /// (<c>$_.Exception.ServiceErrorCode</c>) without parsing the message.
    /// </summary>
    public sealed class CloudJobException : Exception
    {
        public CloudJobException(string message)
            : base(message)
        {
        }

        public CloudJobException(CloudJobFailure failure)
            : base(failure.Message, failure.Exception)
        {
            Failure = failure;
        }

        public CloudJobFailure? Failure { get; }

        public string? JobId => Failure?.JobId;

        public int? HttpStatus => Failure?.HttpStatus;

        public string? ServiceErrorCode => Failure?.ServiceErrorCode;

        public string? ServiceErrorMessage => Failure?.ServiceErrorMessage;

        public string? RequestId => Failure?.RequestId;

        public bool TokenExpired => Failure?.TokenExpired ?? false;
    }
}
