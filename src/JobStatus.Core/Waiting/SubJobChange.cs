using System;
using System.Collections.Generic;

namespace JobStatus.Waiting
{
    /// <summary>A sub-job whose status differs from the last time its parent was read.</summary>
    internal sealed class SubJobChange
    {
        private SubJobChange(CloudJob subJob, string? previousStatus)
        {
            SubJob = subJob;
            PreviousStatus = previousStatus;
        }

        public CloudJob SubJob { get; }

        /// <summary>Its raw status before, or null when it was not there before.</summary>
        public string? PreviousStatus { get; }

        /// <summary>True when it has just ended Failed.</summary>
        public bool JustFailed => SubJob.Status == CloudJobStatus.Failed;

        /// <summary>True when <paramref name="latest"/> tells anything <paramref name="previous"/> did not: its
        /// status, or a sub-job's, or which sub-jobs there are. Allocates nothing in the common case.</summary>
        public static bool Changed(CloudJob previous, CloudJob latest)
        {
            if (!string.Equals(previous.RawStatus, latest.RawStatus, StringComparison.Ordinal)
                || previous.SubJobs.Count != latest.SubJobs.Count)
            {
                return true;
            }

            for (int i = 0; i < latest.SubJobs.Count; i++)
            {
                CloudJob was = previous.SubJobs[i];
                CloudJob now = latest.SubJobs[i];
                if (!string.Equals(was.Id, now.Id, StringComparison.Ordinal) || !string.Equals(was.RawStatus, now.RawStatus, StringComparison.Ordinal))
                {
                    return Between(previous, latest).Count > 0;
                }
            }

            return false;
        }

        /// <summary>The sub-jobs of <paramref name="latest"/> whose raw status is new since <paramref name="previous"/>.</summary>
        public static IReadOnlyList<SubJobChange> Between(CloudJob? previous, CloudJob latest)
        {
            var before = new Dictionary<string, string>(StringComparer.Ordinal);
            if (previous != null)
            {
                foreach (CloudJob sub in previous.SubJobs)
                {
                    before[sub.Id] = sub.RawStatus;
                }
            }

            var changes = new List<SubJobChange>();
            foreach (CloudJob sub in latest.SubJobs)
            {
                string? was = before.TryGetValue(sub.Id, out string? status) ? status : null;
                if (!string.Equals(was, sub.RawStatus, StringComparison.Ordinal))
                {
                    changes.Add(new SubJobChange(sub, was));
                }
            }

            return changes;
        }

        /// <summary>"'id' (server 1234): ECS.0013: quota exceeded", for messages about failed sub-jobs.</summary>
        public static string Describe(CloudJob subJob)
        {
            string resources = subJob.ResourceIds.Count == 0 ? string.Empty : $" (resource {string.Join(", ", subJob.ResourceIds)})";
            string reason = subJob.ErrorCode != null && subJob.ErrorMessage != null
                ? $"{subJob.ErrorCode}: {subJob.ErrorMessage}"
                : subJob.ErrorCode ?? subJob.ErrorMessage ?? "no reason given";
            return $"'{subJob.Id}'{resources}: {reason.TrimEnd('.')}";
        }
    }
}
