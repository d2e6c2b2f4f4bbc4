using System;
using System.Collections.Generic;

namespace JobStatus.Connection
{
    /// <summary>
    /// The regions that serve the Cloud Firewall (CFW) API, as the vendor's SDKs list them for CFW
    /// (28 regions). Completion offers these; a region not listed here is still accepted, because
    /// the vendor opens regions faster than any list is updated.
    /// </summary>
    public static class CfwRegions
    {
        /// <summary>Region ids, grouped by geography and sorted within each group.</summary>
        public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(new[]
        {
            "af-north-1",
            "af-south-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "cn-east-2",
            "cn-east-3",
            "cn-east-4",
            "cn-east-5",
            "cn-north-4",
            "cn-north-9",
            "cn-north-11",
            "cn-north-12",
            "cn-south-1",
            "cn-south-2",
            "cn-south-4",
            "cn-southwest-2",
            "cn-southwest-3",
            "eu-west-101",
            "la-north-2",
            "la-south-2",
            "me-east-1",
            "my-kualalumpur-1",
            "ru-moscow-1",
            "sa-brazil-1",
            "tr-west-1",
        });

        /// <summary>The listed regions whose name starts with <paramref name="prefix"/> (case-insensitive), in list order.</summary>
        public static IEnumerable<string> StartingWith(string? prefix)
        {
            string start = prefix?.Trim() ?? string.Empty;
            foreach (string name in Names)
            {
                if (name.StartsWith(start, StringComparison.OrdinalIgnoreCase))
                {
                    yield return name;
                }
            }
        }
    }
}
