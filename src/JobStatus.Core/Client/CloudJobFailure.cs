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

        /// <summary>"throttled (HTTP 429, APIGW.0308)", "service error (HTTP 503)": for a line per retry and the progress bar.</summary>
        public string ShortReason => Kind switch
        {
            CloudJobFailureKind.Throttled => $"throttled (HTTP 429{(ServiceErrorCode == null ? string.Empty : ", " + ServiceErrorCode)})",
            CloudJobFailureKind.ServiceError => $"service error (HTTP {HttpStatus})",
            CloudJobFailureKind.Timeout => "no answer in time",
            CloudJobFailureKind.ConnectionFailed => "connection failed",
            _ => HttpStatus is int status ? $"{Kind} (HTTP {status})" : Kind.ToString(),
        };

        /// <summary>The same failure for another job of the same service, project and credential, which was
        /// therefore not read: "Job 'b' was not read: ..." and the first one's message.</summary>
        public CloudJobFailure ForJob(string jobId) =>
            new CloudJobFailure(
                Kind,
                jobId,
                $"Job '{jobId}' was not read: reading job '{JobId}' of the same service and project failed for a reason every such job meets. {Message}",
                HttpStatus,
                ServiceErrorCode,
                ServiceErrorMessage,
                RequestId,
                TokenExpired,
                Exception);

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
