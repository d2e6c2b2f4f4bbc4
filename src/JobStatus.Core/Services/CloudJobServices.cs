using System;
using System.Collections.Generic;
using System.Linq;
using JobStatus.Services.Catalog;

namespace JobStatus.Services
{
    /// <summary>Every service whose jobs JobStatus reads. A new service is one file in Catalog/ and one line here.</summary>
    internal static class CloudJobServices
    {
        /// <summary>In the order completion offers them: the default first, then by name.</summary>
        public static IReadOnlyList<CloudJobService> All { get; } = Array.AsReadOnly(new[]
        {
            Cfw.Service,
            AntiDDoS.Service,
            Bms.Service,
            CAE.Service,
            CBR.Service,
            Cce.Service,
            CCEAutopilot.Service,
            CCEUpgrade.Service,
            CPH.Service,
            CSE.Service,
            Dcs.Service,
            DDM.Service,
            Dds.Service,
            DNS.Service,
            DWS.Service,
            Ecs.Service,
            Elb.Service,
            Evs.Service,
            GaussDb.Service,
            GEIP.Service,
            GeminiDB.Service,
            GES.Service,
            Ims.Service,
            Kafka.Service,
            OpenGauss.Service,
            Order.Service,
            OrderIntl.Service,
            RabbitMQ.Service,
            Rds.Service,
            RocketMQ.Service,
            SDRS.Service,
            ServiceStage.Service,
            SFSTurbo.Service,
            SWR.Service,
            UCS.Service,
            Vpc.Service,
            WAF.Service,
            Workspace.Service,
            WorkspaceApp.Service,
        });

        /// <summary>CFW: what every command read before -Service existed, so those commands keep working.</summary>
        public static CloudJobService Default => Cfw.Service;

        /// <summary>"CFW, BMS, CCE, ...": for messages that list what may be given.</summary>
        public static string NamesText { get; } = string.Join(", ", All.Select(s => s.Name));

        /// <summary>Every region some service lists, once each, sorted: what a region kept for every service
        /// (Connect-CloudJobService -Region) may be.</summary>
        public static IReadOnlyList<string> AllRegions { get; } = Array.AsReadOnly(All
            .SelectMany(s => s.Regions)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(r => r, RegionNameComparer.Instance)
            .ToArray());

        /// <summary>The service of that name or alias, in any case; the default for null or blank.</summary>
        /// <returns>Null when no service has that name.</returns>
        public static CloudJobService? Find(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return Default;
            }

            foreach (CloudJobService service in All)
            {
                if (service.IsNamed(name))
                {
                    return service;
                }
            }

            return null;
        }

        /// <summary>What to say when no service has that name: the name, and every name that would do.</summary>
        public static string UnknownNameMessage(string name) =>
            $"'{Shorten(name)}' is not a service JobStatus knows. Use one of: {NamesText}. Without -Service, jobs are read from {Default.Name} ({Default.DisplayName}).";

        /// <summary>The services whose name or alias starts with <paramref name="prefix"/>, in <see cref="All"/> order.</summary>
        public static IEnumerable<CloudJobService> StartingWith(string? prefix)
        {
            string start = prefix?.Trim() ?? string.Empty;
            return All.Where(s => s.Name.StartsWith(start, StringComparison.OrdinalIgnoreCase)
                || s.Aliases.Any(a => a.StartsWith(start, StringComparison.OrdinalIgnoreCase)));
        }

        /// <summary>Regions of <paramref name="service"/> that start with <paramref name="prefix"/> (case-insensitive), in list order.</summary>
        public static IEnumerable<string> RegionsStartingWith(CloudJobService service, string? prefix) =>
            WhereStartsWith(service.Regions, prefix);

        /// <summary>Regions of <see cref="AllRegions"/> that start with <paramref name="prefix"/> (case-insensitive), in list order.</summary>
        public static IEnumerable<string> AnyServiceRegionsStartingWith(string? prefix) => WhereStartsWith(AllRegions, prefix);

        /// <summary>The services whose region list holds <paramref name="region"/>, and the global ones (one host
        /// for every region: Global EIP, UCS, orders), in <see cref="All"/> order.</summary>
        public static IEnumerable<CloudJobService> Serving(string region) =>
            All.Where(s => s.GlobalEndpoint != null || s.Regions.Contains(region.Trim().ToLowerInvariant(), StringComparer.Ordinal));

        private static IEnumerable<string> WhereStartsWith(IEnumerable<string> regions, string? prefix)
        {
            string start = prefix?.Trim() ?? string.Empty;
            return regions.Where(r => r.StartsWith(start, StringComparison.OrdinalIgnoreCase));
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
