using System.Linq;

namespace JobStatus.Services.Catalog
{
    /// <summary>Yearly/monthly order (Chinese site, BSS): ShowCustomerOrderDetails, GET /v2/orders/customer-orders/details/{order_id}. See docs/Services.md.</summary>
    internal static class Order
    {
        public static CloudJobService Service { get; } = new CloudJobService(
            name: "Order",
            displayName: "Yearly/monthly order (Chinese site, BSS)",
            hostLabel: "bss",
            pathTemplate: OrderShape.PathTemplate,
            shape: OrderShape.Create(),
            statuses: OrderShape.Statuses(),
            // The vendor SDK's region file, read by src/RegionData/Update-RegionData.py into VendorRegions.g.cs:
            // global hosts, used for any region.
            regions: VendorRegions.Order.Regions,
            endpointExceptions: VendorRegions.Order.EndpointExceptions,
            sources: OrderShape.Sources.Append("huaweicloud-sdk-python-v3 " + VendorRegions.Order.Source + " (release " + VendorRegions.Release + ")").ToArray(),
            aliases: new[] { "BSS" },
            requestBudget: OrderShape.Budget(),
            globalCredentials: true,
            resourceLookup: OrderShape.Resources());
    }
}
