using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace JobStatus.Services
{
    /// <summary>
    /// One service's regions as the vendor's SDK region file lists them (VendorRegions.g.cs, written by
    /// src/RegionData/Update-RegionData.py): the ids, and the host of each region whose URL is not
    /// the usual https://{hostLabel}.{region}.myhuaweicloud.com (.eu for eu-west-101).
    /// </summary>
    internal sealed class VendorRegionList
    {
        public VendorRegionList(
            string service,
            string source,
            string hostLabel,
            IEnumerable<string> regions,
            IDictionary<string, string> endpointExceptions)
        {
            Service = service ?? throw new ArgumentNullException(nameof(service));
            Source = source ?? throw new ArgumentNullException(nameof(source));
            HostLabel = hostLabel ?? throw new ArgumentNullException(nameof(hostLabel));
            Regions = Array.AsReadOnly(new List<string>(regions).ToArray());
            EndpointExceptions = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(endpointExceptions, StringComparer.Ordinal));
        }

        /// <summary>The catalog's name of the service.</summary>
        public string Service { get; }

        /// <summary>The region file read, relative to the SDK repository.</summary>
        public string Source { get; }

        /// <summary>The host label the script took as the usual one; the catalog's must be the same.</summary>
        public string HostLabel { get; }

        /// <summary>Sorted as <see cref="RegionNameComparer"/> sorts.</summary>
        public IReadOnlyList<string> Regions { get; }

        /// <summary>Region id to the vendor's URL, for the regions whose URL differs from the usual pattern.</summary>
        public IReadOnlyDictionary<string, string> EndpointExceptions { get; }
    }
}
