using System.Collections.Generic;

namespace JobStatus.Services.Catalog
{
    /// <summary>
    /// A yearly/monthly order, read like a job: BSS's ShowCustomerOrderDetails, the same operation, path
    /// and model in the Chinese site's SDK package (bss) and the international site's (bssintl). Both
    /// clients take GlobalCredentials only. See docs/Services.md.
    /// </summary>
    internal static class OrderShape
    {
        public const string PathTemplate = "/v2/orders/customer-orders/details/{job_id}";

        /// <summary>order_info (CustomerOrderV3): order_id, order_type, status, create_time ("2019-05-06T08:05:01Z");
        /// no completion time (payment_time is the payment) and no resource id; sub_order_infos for a combined order.</summary>
        public static JobShape Create() => new JobShape("status")
        {
            Envelope = "order_info",
            Id = new[] { "order_id" },
            JobType = new[] { "order_type" },
            BeginTime = new[] { "create_time" },
            SubJobs = "sub_order_infos",
            SubJob = new JobShape("status")
            {
                Id = new[] { "order_id" },
                JobType = new[] { "order_type" },
                BeginTime = new[] { "create_time" },
            },
        };

        /// <summary>
        /// CustomerOrderV3.status: 1 pending approval, 2 pending refund, 3 processing, 4 cancelled, 5
        /// completed, 6 pending payment, 9 to be confirmed, 10 pending shipment, 11 pending receipt, 12
        /// pending pickup, 13 being replaced. Terraform's WaitOrderComplete waits on 2, 3 and 6 for 5; its
        /// WaitForOrderSuccess ends on 4 ("Order canceled"). The others are states on the way by their names.
        /// </summary>
        public static JobStatusMap Statuses() => new JobStatusMap()
            .Map(CloudJobStatus.Running, "1", "2", "3", "6", "9", "10", "11", "12", "13")
            .Map(CloudJobStatus.Success, "5")
            .Map(CloudJobStatus.Failed, "4");

        /// <summary>The resources of a completed order, as Terraform's WaitOrderResourceComplete looks them up
        /// (ListPayPerUseCustomerResources; "suscriptions" is the vendor's spelling).</summary>
        public static ResourceLookup Resources() => new ResourceLookup(
            "/v2/orders/suscriptions/resources/query",
            "order_id",
            new[] { new KeyValuePair<string, int>("only_main_resource", 1) },
            "data",
            "resource_id");

        /// <summary>The BSS API reference's default quota: 10 requests a second per user, source IP and API.</summary>
        public static DocumentedBudget Budget() => new DocumentedBudget(10, 1, "the BSS API reference (fci_00002): 10 requests a second per user and API");

        public static readonly string[] Sources =
        {
            "huaweicloud-sdk-python-v3 huaweicloud-sdk-bss/huaweicloudsdkbss/v2/bss_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (new_builder: GlobalCredentials; _show_customer_order_details_http_info; _list_pay_per_use_customer_resources_http_info)",
            "huaweicloud-sdk-python-v3 huaweicloud-sdk-bssintl/huaweicloudsdkbssintl/v2/bssintl_client.py @343a486b5c8ab656611159f314df6e575d0f6398 (the same operations, GlobalCredentials)",
            "huaweicloud-sdk-python-v3 huaweicloud-sdk-bss/huaweicloudsdkbss/v2/model/customer_order_v3.py @343a486b5c8ab656611159f314df6e575d0f6398 (status and order_type docstrings, time format)",
            "huaweicloud-sdk-python-v3 huaweicloud-sdk-bss/huaweicloudsdkbss/v2/model/query_resources_req.py, order_instance_v2.py @343a486b5c8ab656611159f314df6e575d0f6398",
            "huaweicloud/terraform-provider-huaweicloud huaweicloud/common/common.go @a0345b8dcc818aa80d932ec0802891222b0a22af (WaitOrderComplete: pending 2, 3, 6, target 5; WaitOrderResourceComplete)",
            "huaweicloud/terraform-provider-huaweicloud vendor/github.com/chnsz/golangsdk/openstack/bss/v2/orders/results.go @a0345b8dcc818aa80d932ec0802891222b0a22af (WaitForOrderSuccess: 4 is 'Order canceled')",
            "https://support.huaweicloud.com/intl/en-us/api-oce/api_order_00014.html",
            "https://support.huaweicloud.com/intl/en-us/api-oce/fci_00002.html (request throttling)",
        };
    }
}
