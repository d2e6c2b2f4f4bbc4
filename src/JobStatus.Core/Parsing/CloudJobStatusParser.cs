using System;

namespace JobStatus.Parsing
{
    /// <summary>Maps the service's status text to <see cref="CloudJobStatus"/>.</summary>
    public static class CloudJobStatusParser
    {
        public static CloudJobStatus Parse(string? raw)
        {
            string text = raw?.Trim() ?? string.Empty;
            if (Is(text, "Running"))
            {
                return CloudJobStatus.Running;
            }

            if (Is(text, "Success"))
            {
                return CloudJobStatus.Success;
            }

            // "FAIL" is what the ECS family of job APIs says; CFW says "Failed".
            if (Is(text, "Failed") || Is(text, "Fail"))
            {
                return CloudJobStatus.Failed;
            }

            // Vendors add states (INIT, PENDING, ...): unknown, never guessed as finished.
            return CloudJobStatus.Unknown;
        }

        private static bool Is(string text, string name) => string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
    }
}
