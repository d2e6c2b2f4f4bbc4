using System;
using System.Collections.Generic;

namespace JobStatus.Services
{
    /// <summary>
    /// A service's status words and what each means. Words are matched without regard to case or
    /// surrounding blanks; a word not listed is <see cref="CloudJobStatus.Unknown"/>, which never ends
    /// a wait. Words that mean "not finished yet" (INIT, PENDING, Initializing) map to Running.
    /// Built once, in the catalog: the service that takes it freezes it, and nothing changes it after.
    /// </summary>
    internal sealed class JobStatusMap
    {
        private readonly Dictionary<string, CloudJobStatus> _words = new Dictionary<string, CloudJobStatus>(StringComparer.OrdinalIgnoreCase);
        private readonly List<KeyValuePair<string, CloudJobStatus>> _documented = new List<KeyValuePair<string, CloudJobStatus>>();

        private bool _frozen;

        /// <summary>Adds words that all mean <paramref name="status"/>; only while the catalog is built.</summary>
        internal JobStatusMap Map(CloudJobStatus status, params string[] words)
        {
            if (_frozen)
            {
                throw new InvalidOperationException("A service's status words are fixed once the service is built.");
            }

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
        public IReadOnlyList<KeyValuePair<string, CloudJobStatus>> Words => _documented.AsReadOnly();

        /// <summary>No word may be added from now on.</summary>
        internal JobStatusMap Freeze()
        {
            _frozen = true;
            return this;
        }

        public CloudJobStatus Parse(string? raw)
        {
            string text = raw?.Trim() ?? string.Empty;
            return _words.TryGetValue(text, out CloudJobStatus status) ? status : CloudJobStatus.Unknown;
        }
    }
}
