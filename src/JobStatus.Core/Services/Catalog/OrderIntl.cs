using System.Linq;

namespace JobStatus.Services.Catalog
{
    /// <summary>Yearly/monthly order (international site, BSS international): ShowCustomerOrderDetails, GET /v2/orders/customer-orders/details/{order_id}. See docs/Services.md.</summary>
    internal static class OrderIntl
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "OrderIntl",
            displayName: "Yearly/monthly order (international site, BSS international)",
            hostLabel: "bss-intl",
            pathTemplate: OrderShape.PathTemplate,
            shape: OrderShape.Create(),
            statuses: OrderShape.Statuses(),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs:
            // global hosts, used for any region.
            regions: VendorRegions.OrderIntl.Regions,
            endpointExceptions: VendorRegions.OrderIntl.EndpointExceptions,
            sources: OrderShape.Sources.Append("huaweicloud-sdk-python-v3 " + VendorRegions.OrderIntl.Source + " (release " + VendorRegions.Release + ")").ToArray(),
            aliases: new[] { "BSSIntl" },
            requestBudget: OrderShape.Budget(),
            globalCredentials: true,
            resourceLookup: OrderShape.Resources());
    }
}
