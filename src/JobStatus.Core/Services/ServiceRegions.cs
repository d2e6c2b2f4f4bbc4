using System;
using System.Collections.Generic;

namespace JobStatus.Services
{
    /// <summary>Region lists as the catalog writes them: ids separated by blanks, copied from the vendor SDK's region file.</summary>
    internal static class ServiceRegions
    {
        public static IReadOnlyList<string> Parse(string ids) =>
            Array.AsReadOnly(ids.Split(new[] { ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries));
    }
}
