using System;
using System.Collections.Generic;

namespace JobStatus.Services
{
    /// <summary>
    /// A service's status words and what each means. Words are matched without regard to case or
    /// surrounding blanks; a word not listed is <see cref="CloudJobStatus.Unknown"/>, which never ends
    /// a wait. Words that mean "not finished yet" (INIT, PENDING, Initializing) map to Running.
    /// </summary>
    public sealed class JobStatusMap
    {
        private readonly Dictionary<string, CloudJobStatus> _words = new Dictionary<string, CloudJobStatus>(StringComparer.OrdinalIgnoreCase);
        private readonly List<KeyValuePair<string, CloudJobStatus>> _documented = new List<KeyValuePair<string, CloudJobStatus>>();

        /// <summary>Adds words that all mean <paramref name="status"/>.</summary>
        public JobStatusMap Map(CloudJobStatus status, params string[] words)
        {
            if (status == CloudJobStatus.Unknown)
            {
                throw new ArgumentException("Unknown is what an unlisted word means; list only words with a meaning.", nameof(status));
            }

            foreach (string word in words)
            {
                _words.Add(word, status);
                _documented.Add(new KeyValuePair<string, CloudJobStatus>(word, status));
            }

            return this;
        }

        /// <summary>Every listed word with its meaning, in the order given.</summary>
        public IReadOnlyList<KeyValuePair<string, CloudJobStatus>> Words => _documented;

        public CloudJobStatus Parse(string? raw)
        {
            string text = raw?.Trim() ?? string.Empty;
            return _words.TryGetValue(text, out CloudJobStatus status) ? status : CloudJobStatus.Unknown;
        }
    }
}
