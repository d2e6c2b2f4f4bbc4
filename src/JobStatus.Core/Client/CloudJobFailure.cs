using System;
using System.Globalization;

namespace JobStatus.Client
{
    /// <summary>What went wrong reading one job, with what the service said about it.</summary>
    public sealed class CloudJobFailure
    {
        public CloudJobFailure(
            CloudJobFailureKind kind,
            string jobId,
            string message,
            int? httpStatus = null,
            string? serviceErrorCode = null,
            string? serviceErrorMessage = null,
            string? requestId = null,
            bool tokenExpired = false,
            Exception? exception = null)
        {
            Kind = kind;
            JobId = jobId;
            Message = message;
            HttpStatus = httpStatus;
            ServiceErrorCode = serviceErrorCode;
            ServiceErrorMessage = serviceErrorMessage;
            RequestId = requestId;
            TokenExpired = tokenExpired;
            Exception = exception;
        }

        public CloudJobFailureKind Kind { get; }

        public string JobId { get; }

        /// <summary>A whole sentence for a person: what happened, to which job, and what to do.</summary>
        public string Message { get; }

        public int? HttpStatus { get; }

        public string? ServiceErrorCode { get; }

        public string? ServiceErrorMessage { get; }

        public string? RequestId { get; }

        /// <summary>True when the service said the token has expired (as opposed to being wrong).</summary>
        public bool TokenExpired { get; }

        public Exception? Exception { get; }

        /// <summary>Failures that every other request with the same credentials would meet too.</summary>
        public bool AffectsEveryJob => Kind == CloudJobFailureKind.AuthenticationFailed || Kind == CloudJobFailureKind.PermissionDenied;

        /// <summary>Failures that may pass if the same request is sent again later.</summary>
        public bool IsTransient =>
            Kind == CloudJobFailureKind.Throttled
            || Kind == CloudJobFailureKind.ServiceError
            || Kind == CloudJobFailureKind.ConnectionFailed
            || Kind == CloudJobFailureKind.Timeout;

        /// <summary>The same failure, saying that JobStatus gave up after <paramref name="attempts"/>
        /// attempts over <paramref name="elapsed"/> (the message already holds the last answer).</summary>
        public CloudJobFailure AfterAttempts(int attempts, TimeSpan elapsed) =>
            new CloudJobFailure(
                Kind,
                JobId,
                attempts <= 1
                    ? $"{Message} It was not retried (-MaximumRetryCount is 0)."
                    : string.Format(CultureInfo.InvariantCulture, "{0} Gave up after {1} attempts over {2:0.0} s.", Message, attempts, elapsed.TotalSeconds),
                HttpStatus,
                ServiceErrorCode,
                ServiceErrorMessage,
                RequestId,
                TokenExpired,
                Exception);

        public override string ToString() => Message;
    }
}
