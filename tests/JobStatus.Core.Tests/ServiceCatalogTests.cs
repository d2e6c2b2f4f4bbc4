using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using JobStatus.Connection;
using JobStatus.Services;

namespace JobStatus.Tests
{
    /// <summary>What every service of the catalog must hold, whatever its API looks like.</summary>
    public class ServiceCatalogTests
    {
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";

        public static IEnumerable<object[]> Services => CloudJobServices.All.Select(s => new object[] { s.Name });

        [Fact]
        public void Names_and_aliases_are_unique_ignoring_case()
        {
            string[] names = CloudJobServices.All.SelectMany(s => new[] { s.Name }.Concat(s.Aliases)).ToArray();

            Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void CFW_is_the_default_so_commands_without_Service_read_what_they_always_read()
        {
            Assert.Equal("CFW", CloudJobServices.Default.Name);
            Assert.Same(CloudJobServices.Default, CloudJobServices.Find(null));
            Assert.Same(CloudJobServices.Default, CloudJobServices.Find("  "));
            Assert.Same(CloudJobServices.All[0], CloudJobServices.Default);
        }

        [Theory]
        [MemberData(nameof(Services))]
        public void A_service_is_found_by_its_name_in_any_case_and_spacing(string name)
        {
            CloudJobService service = CloudJobServices.All.Single(s => s.Name == name);

            Assert.Same(service, CloudJobServices.Find(name.ToLowerInvariant()));
            Assert.Same(service, CloudJobServices.Find(" " + name.ToUpperInvariant() + "\t"));
            foreach (string alias in service.Aliases)
            {
                Assert.Same(service, CloudJobServices.Find(alias.ToLowerInvariant()));
            }
        }

        [Theory]
        [InlineData("ECSS")]
        [InlineData("cfw/../ecs")]
        [InlineData("E CS")]
        public void An_unknown_name_is_not_guessed(string name)
        {
            Assert.Null(CloudJobServices.Find(name));
            string message = CloudJobServices.UnknownNameMessage(name);
            foreach (CloudJobService service in CloudJobServices.All)
            {
                Assert.Contains(service.Name, message);
            }
        }

        [Fact]
        public void A_huge_unknown_name_is_shortened_in_the_message() =>
            Assert.True(CloudJobServices.UnknownNameMessage(new string('x', 10_000)).Length < 400);

        [Theory]
        [MemberData(nameof(Services))]
        public void Every_service_maps_words_for_running_success_and_failure(string name)
        {
            CloudJobService service = CloudJobServices.Find(name)!;
            var meanings = service.Statuses.Words.Select(w => w.Value).ToHashSet();

            Assert.Contains(CloudJobStatus.Running, meanings);
            Assert.Contains(CloudJobStatus.Success, meanings);
            Assert.Contains(CloudJobStatus.Failed, meanings);
            Assert.Equal(CloudJobStatus.Unknown, service.Statuses.Parse("Succeeded-ish"));
            Assert.Equal(CloudJobStatus.Unknown, service.Statuses.Parse(null));
            foreach (KeyValuePair<string, CloudJobStatus> word in service.Statuses.Words)
            {
                Assert.Equal(word.Value, service.Statuses.Parse(" " + word.Key.ToLowerInvariant() + " "));
            }
        }

        [Theory]
        [MemberData(nameof(Services))]
        public void Every_service_lists_its_regions_once_each_and_each_gives_its_own_host(string name)
        {
            CloudJobService service = CloudJobServices.Find(name)!;

            Assert.NotEmpty(service.Regions);
            Assert.Equal(service.Regions.Count, service.Regions.Distinct(StringComparer.Ordinal).Count());
            Assert.NotEmpty(service.Sources);
            foreach (string region in service.Regions)
            {
                Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), region);
                Uri? endpoint = service.EndpointFor(region);
                Assert.NotNull(endpoint);
                Assert.Equal("https", endpoint!.Scheme);
                Assert.Contains(region, endpoint.Host);
                // eu-west-101 ends in .eu for most services, but ELB's region file gives it a .com host.
                Assert.Matches(new Regex(@"\.myhuaweicloud\.(com|eu)$"), endpoint.Host);
            }
        }

        [Theory]
        [MemberData(nameof(Services))]
        public void A_job_id_is_one_encoded_value_in_every_service_path(string name)
        {
            CloudJobService service = CloudJobServices.Find(name)!;
            Uri uri = Connection(service, "http://127.0.0.1:5000/base/").JobUri("../a?b=c#d/e");
            string expected = service.PathTemplate
                .Replace("{project_id}", ProjectId)
                .Replace("{job_id}", "..%2Fa%3Fb%3Dc%23d%2Fe");

            Assert.Equal("http://127.0.0.1:5000/base" + expected, uri.AbsoluteUri);
            Assert.Equal(string.Empty, uri.Fragment);
            if (service.JobIdInQuery)
            {
                Assert.Equal("../a?b=c#d/e", Uri.UnescapeDataString(uri.Query.Substring(uri.Query.IndexOf('=') + 1)));
            }
            else
            {
                Assert.Equal(string.Empty, uri.Query);
                Assert.Equal("../a?b=c#d/e", Uri.UnescapeDataString(uri.Segments.Last()));
            }
        }

        [Fact]
        public void The_region_names_the_host_of_the_service_asked_for()
        {
            ResolvedContext cfw = ConnectionResolver.Resolve(new ConnectionSettings(region: "cn-north-4"), null, _ => null);
            foreach (CloudJobService service in CloudJobServices.All)
            {
                ResolvedContext context = ConnectionResolver.Resolve(new ConnectionSettings(region: "cn-north-4"), null, _ => null, service);

                Assert.Equal(service.EndpointFor("cn-north-4"), context.Endpoint.Value);
                Assert.Same(service, context.Service);
            }

            Assert.Equal(new Uri("https://cfw.cn-north-4.myhuaweicloud.com"), cfw.Endpoint.Value);
        }

        [Fact]
        public void An_explicit_endpoint_serves_every_service()
        {
            var endpoint = new Uri("http://127.0.0.1:5000");
            foreach (CloudJobService service in CloudJobServices.All)
            {
                Assert.Equal(endpoint, ConnectionResolver.Resolve(new ConnectionSettings(region: "cn-north-4", endpoint: endpoint), null, _ => null, service).Endpoint.Value);
            }
        }

        [Theory]
        [InlineData("CFW", "eu-west-101", "https://cfw.eu-west-101.myhuaweicloud.eu/")]
        [InlineData("RDS", "eu-west-101", "https://rds.eu-west-101.myhuaweicloud.eu/")]
        [InlineData("ELB", "eu-west-101", "https://elb.eu-west-101.myhuaweicloud.com/")]
        [InlineData("GaussDB", "cn-north-4", "https://gaussdb.cn-north-4.myhuaweicloud.com/")]
        [InlineData("GaussDB", "ap-southeast-1", "https://gaussdbformysql.ap-southeast-1.myhuaweicloud.com/")]
        [InlineData("GaussDB", "AF-South-1", "https://gaussdb-mysql.af-south-1.myhuaweicloud.com/")]
        [InlineData("CCE", "cn-east-3", "https://cce.cn-east-3.myhuaweicloud.com/")]
        public void Hosts_follow_the_region_files_exceptions_included(string service, string region, string expected) =>
            Assert.Equal(expected, CloudJobServices.Find(service)!.EndpointFor(region)!.AbsoluteUri);

        [Fact]
        public void The_cfw_list_holds_its_28_regions()
        {
            IReadOnlyList<string> regions = CloudJobServices.Default.Regions;

            Assert.Equal(28, regions.Count);
            Assert.Contains("cn-north-4", regions);
            Assert.Contains("eu-west-101", regions);
            Assert.Contains("my-kualalumpur-1", regions);
        }

        [Theory]
        [InlineData("cn-north", new[] { "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12" })]
        [InlineData("EU", new[] { "eu-west-101" })]
        [InlineData("  la-", new[] { "la-north-2", "la-south-2" })]
        [InlineData("us-", new string[0])]
        public void Regions_starting_with_the_typed_word_are_offered_ignoring_case(string typed, string[] expected) =>
            Assert.Equal(expected, CloudJobServices.RegionsStartingWith(CloudJobServices.Default, typed));

        [Fact]
        public void Nothing_typed_offers_every_region() =>
            Assert.Equal(CloudJobServices.Default.Regions, CloudJobServices.RegionsStartingWith(CloudJobServices.Default, null));

        [Theory]
        [InlineData("e")]
        [InlineData("G")]
        [InlineData("")]
        public void Services_starting_with_the_typed_word_are_offered(string typed)
        {
            string[] offered = CloudJobServices.StartingWith(typed).Select(s => s.Name).ToArray();
            string[] expected = CloudJobServices.All
                .Where(s => s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || s.Aliases.Any(a => a.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
                .Select(s => s.Name)
                .ToArray();
            Assert.NotEmpty(offered);
            Assert.Equal(expected, offered);
        }

        private static CloudJobConnection Connection(CloudJobService service, string endpoint) =>
            new CloudJobConnection(
                new Uri(endpoint),
                ProjectId,
                null,
                new TokenAuthenticator(SecureStringReader.FromText("token-value")),
                "Parameter",
                service);
    }
}
