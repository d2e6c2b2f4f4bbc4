using System;

namespace JobStatus.Client
{
    /// <summary>What one attempt to read a job brought back, for the scheduler to decide what comes next.</summary>
    internal readonly struct ReadAttempt
    {
        public ReadAttempt(CloudJobResult result, bool sent, TimeSpan? retryAfter = null)
        {
            Result = result;
            Sent = sent;
            RetryAfter = retryAfter;
        }

        public CloudJobResult Result { get; }

        /// <summary>The request reached the job API's host (whatever answered): its health and its
        /// 429s are the lane's. False for an id refused before sending or a sign-in that failed.</summary>
        public bool Sent { get; }

        /// <summary>The answer's Retry-After, already capped at <see cref="RetryAfterHeader.Longest"/>.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>A 429 of the job API itself (not of IAM's sign-in).</summary>
        public bool Throttled => Sent && Result.Failure?.Kind == CloudJobFailureKind.Throttled;
    }
}
