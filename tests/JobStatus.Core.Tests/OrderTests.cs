using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Connection.Signing;
using JobStatus.Services;
using Reply = JobStatus.Tests.LoopbackHttpServer.Reply;

namespace JobStatus.Tests
{
    /// <summary>
    /// A yearly/monthly order read like a job, over HTTP: BSS's order answer (built field by field from the
    /// SDK's CustomerOrderV3 model: the vendor's example block could not be read), then, once it has
    /// completed, its resources looked up as the vendor's Terraform provider does, signed for the account.
    /// </summary>
    public class OrderTests
    {
        private const string DomainId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
        private const string Secret = "order-secret-key-value";
        private const string OrderId = "CS2405161952CE7IU";

        private static string OrderAnswer(int status) =>
            "{\"total_count\":1,\"order_info\":{\"order_id\":\"" + OrderId + "\",\"customer_id\":\"" + DomainId + "\",\"service_type_code\":\"hws.service.type.ec2\","
            + "\"source_type\":1,\"status\":" + status + ",\"order_type\":1,\"amount_after_discount\":146.2,\"official_amount\":172.0,\"measure_id\":1,"
            + "\"create_time\":\"2024-05-16T11:52:36Z\",\"payment_time\":\"2024-05-16T11:53:10Z\",\"currency\":\"CNY\",\"user_name\":\"alice\",\"sub_order_infos\":[]},"
            + "\"order_line_items\":[{\"order_line_item_id\":\"" + OrderId + "-000001\",\"service_type_code\":\"hws.service.type.ec2\",\"product_id\":\"00301-225396-0--0\",\"period_type\":2,\"period_num\":1,\"subscription_num\":1}]}";

        private const string Resources =
            "{\"total_count\":2,\"data\":[{\"id\":\"r1\",\"resource_id\":\"5b4e2e3a-6f2e-4d9b-9c43-2f1b9b4a8d11\",\"resource_name\":\"ecs-a\",\"order_id\":\"" + OrderId + "\",\"is_main_resource\":1,\"status\":2},"
            + "{\"id\":\"r2\",\"resource_id\":\"6c5f3f4b-7a3f-4eac-8d54-3a2cac5b9e22\",\"resource_name\":\"ecs-b\",\"is_main_resource\":1,\"status\":2}]}";

        [Fact]
        public async Task A_completed_order_names_its_resources_from_the_lookup_Terraform_makes()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, OrderAnswer(5)), Reply.Json(200, Resources));
            using var client = Client(server);

            CloudJobResult result = await client.GetJobAsync(OrderId, CancellationToken.None);

            Assert.Null(result.Failure);
            CloudJob job = result.Job!;
            Assert.Equal("Order", job.Service);
            Assert.Equal(OrderId, job.Id);
            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("5", job.RawStatus);
            Assert.Equal("1", job.JobType);
            Assert.Equal(new DateTimeOffset(2024, 5, 16, 11, 52, 36, TimeSpan.Zero), job.BeginTime);
            Assert.Null(job.ProjectId);
            Assert.Equal(DomainId, job.DomainId);
            Assert.Equal(new[] { "5b4e2e3a-6f2e-4d9b-9c43-2f1b9b4a8d11", "6c5f3f4b-7a3f-4eac-8d54-3a2cac5b9e22" }, job.ResourceIds);

            string[] heads = server.Requests.ToArray();
            Assert.Equal(2, heads.Length);
            Assert.StartsWith("GET /v2/orders/customer-orders/details/" + OrderId + " ", heads[0]);
            Assert.StartsWith("POST /v2/orders/suscriptions/resources/query ", heads[1]);
            Assert.Equal("{\"order_id\":\"" + OrderId + "\",\"only_main_resource\":1}", server.Bodies[1]);
            foreach (string head in heads)
            {
                // GlobalCredentials: the account, never a project, and the signature covers it.
                Assert.Equal(DomainId, LoopbackHttpServer.Header(head, "X-Domain-Id"));
                Assert.Null(LoopbackHttpServer.Header(head, "X-Project-Id"));
                Assert.Contains("x-domain-id", LoopbackHttpServer.Header(head, "Authorization"));
                Assert.DoesNotContain(Secret, head);
            }

            // The gateway's check of the POST's signature, body included.
            var signed = new[] { "Host", "X-Domain-Id", "X-Sdk-Date" }.Select(n => new System.Collections.Generic.KeyValuePair<string, string>(n, LoopbackHttpServer.Header(heads[1], n)!));
            string expected = SdkHmacSigner.Authorization("AKORDER", Encoding.UTF8.GetBytes(Secret), "POST", LoopbackHttpServer.Target(heads[1]), string.Empty, signed, Encoding.UTF8.GetBytes(server.Bodies[1]));
            Assert.Equal(expected, LoopbackHttpServer.Header(heads[1], "Authorization"));
        }

        [Theory]
        [InlineData(6, CloudJobStatus.Running)]
        [InlineData(3, CloudJobStatus.Running)]
        [InlineData(4, CloudJobStatus.Failed)]
        [InlineData(8, CloudJobStatus.Unknown)]
        public async Task An_order_not_completed_is_read_once_and_its_status_mapped(int status, CloudJobStatus expected)
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, OrderAnswer(status)));
            using var client = Client(server);

            CloudJobResult result = await client.GetJobAsync(OrderId, CancellationToken.None);

            Assert.Equal(expected, result.Job!.Status);
            Assert.Empty(result.Job.ResourceIds);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task A_lookup_that_fails_for_good_leaves_the_completed_order_without_resources()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, OrderAnswer(5)), Reply.Json(403, "{\"error_code\":\"CBC.0150\",\"error_msg\":\"Access denied.\"}"));
            using var client = Client(server);

            CloudJobResult result = await client.GetJobAsync(OrderId, CancellationToken.None);

            Assert.Equal(CloudJobStatus.Success, result.Job!.Status);
            Assert.Empty(result.Job.ResourceIds);
        }

        [Fact]
        public async Task A_lookup_that_fails_for_now_makes_the_read_fail_for_now_so_it_is_read_again()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, OrderAnswer(5)), Reply.Json(503, "{\"error_code\":\"CBC.5000\",\"error_msg\":\"busy\"}"));
            var options = new CloudJobClientOptions { MaximumRetryCount = 0 };
            using var client = Client(server, options);

            CloudJobResult result = await client.GetJobAsync(OrderId, CancellationToken.None);

            Assert.Equal(CloudJobFailureKind.ServiceError, result.Failure!.Kind);
        }

        [Fact]
        public void An_order_id_given_to_a_job_service_is_named_as_one()
        {
            var connection = new CloudJobConnection(new Uri("https://ecs.cn-north-4.myhuaweicloud.com"), "09bb24e6fe80d23d2fa2c010b53b418c", null, new TokenAuthenticator(SecureStringReader.FromText("t")), "Parameter", CloudJobServices.Find("ECS"));
            Assert.Equal("ECS", connection.Service.Name);
            Assert.Null(connection.Service.ResourceLookup);
            Assert.NotNull(CloudJobServices.Find("OrderIntl")!.ResourceLookup);
            Assert.Equal(new Uri("https://bss-intl.myhuaweicloud.com"), CloudJobServices.Find("OrderIntl")!.EndpointFor("la-south-2"));
            Assert.Equal(new Uri("https://bss.myhuaweicloud.eu"), CloudJobServices.Find("OrderIntl")!.EndpointFor("eu-west-101"));
            Assert.Equal(new Uri("https://bss.myhuaweicloud.com"), CloudJobServices.Find("BSS")!.EndpointFor("cn-south-1"));
        }

        private static CloudJobClient Client(LoopbackHttpServer server, CloudJobClientOptions? options = null)
        {
            var key = new AccessKeyCredential("AKORDER", SecureStringReader.FromText(Secret));
            var connection = new CloudJobConnection(server.Endpoint, null, null, key.CreateAuthenticator(RequestScope.ForDomain(DomainId)), "Parameter", CloudJobServices.Find("Order"), DomainId);
            return new CloudJobClient(connection, options ?? new CloudJobClientOptions());
        }
    }
}
