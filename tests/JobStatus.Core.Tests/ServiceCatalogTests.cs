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
        private const string DomainId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

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
            Assert.True(CloudJobServices.UnknownNameMessage(new string('x', 10_000)).Length < 200 + CloudJobServices.NamesText.Length);

        [Theory]
        [MemberData(nameof(Services))]
        public void Every_service_maps_words_for_running_success_and_failure(string name)
        {
            CloudJobService service = CloudJobServices.Find(name)!;
            var meanings = service.Statuses.Words.Select(w => w.Value).ToHashSet();

            // Only documented words are mapped: DNS documents no failure word (a DONE task counts its failed
            // items), Global EIP only the FINISH_SUCC of its example. Their other states stay Unknown.
            Assert.Contains(CloudJobStatus.Success, meanings);
            if (name != "GEIP")
            {
                Assert.Contains(CloudJobStatus.Running, meanings);
            }

            if (name != "GEIP" && name != "DNS")
            {
                Assert.Contains(CloudJobStatus.Failed, meanings);
            }

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
                VendorRegionList vendor = VendorRegions.All.Single(v => v.Service == name);
                if (vendor.EndpointExceptions.TryGetValue(region, out string? exception))
                {
                    // The vendor's own host: another region's (SDRS ap-southeast-2), .cn (DWS, WAF), or one global host (GEIP).
                    Assert.Equal(new Uri(exception), endpoint);
                    continue;
                }

                Assert.Contains(region, endpoint.Host);
                // eu-west-101 ends in .eu for some services (CFW, RDS, DDS, CCE), in .com for the others.
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
                .Replace("{domain_id}", DomainId)
                .Replace("{job_id}", "..%2Fa%3Fb%3Dc%23d%2Fe");
            if (service.Owner != null)
            {
                expected = expected.Replace("{" + service.Owner.Placeholder + "}", "x%2F..%3Fy");
            }

            Assert.Equal("http://127.0.0.1:5000/base" + expected, uri.AbsoluteUri);
            Assert.Equal(string.Empty, uri.Fragment);
            if (service.JobIdInQuery)
            {
                Assert.Equal("../a?b=c#d/e", Uri.UnescapeDataString(uri.Query.Substring(uri.Query.IndexOf('=') + 1)));
            }
            else
            {
                Assert.Equal(string.Empty, uri.Query);
                int after = service.JobUrlSuffix.Count(c => c == '/');
                Assert.Equal("../a?b=c#d/e", Uri.UnescapeDataString(uri.Segments[uri.Segments.Length - 1 - after].TrimEnd('/')));
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

        // Printed from the region files of huaweicloud-sdk-python-v3 3.1.211 with the SDK itself
        // (GaussDBRegion.value_of(...).endpoints, EipRegion.value_of("eu-west-101").endpoints).
        [Theory]
        [InlineData("GaussDB", "cn-north-11", "https://gaussdbformysql.cn-north-11.myhuaweicloud.com/")]
        [InlineData("GaussDB", "me-east-1", "https://gaussdbformysql.me-east-1.myhuaweicloud.com/")]
        [InlineData("GaussDB", "cn-east-5", "https://gaussdb-mysql.cn-east-5.myhuaweicloud.com/")]
        [InlineData("GaussDB", "la-north-2", "https://gaussdb-mysql.la-north-2.myhuaweicloud.com/")]
        [InlineData("GaussDB", "cn-southwest-3", "https://gaussdb-mysql.cn-southwest-3.myhuaweicloud.com/")]
        [InlineData("VPC", "eu-west-101", "https://vpc.eu-west-101.myhuaweicloud.com/")]
        [InlineData("ECS", "eu-west-101", "https://ecs.eu-west-101.myhuaweicloud.com/")]
        [InlineData("DDS", "eu-west-101", "https://dds.eu-west-101.myhuaweicloud.eu/")]
        public void Hosts_are_the_vendor_files_of_release_3_1_211(string service, string region, string expected)
        {
            Assert.Equal("3.1.211", VendorRegions.Release);
            Assert.Equal(expected, CloudJobServices.Find(service)!.EndpointFor(region)!.AbsoluteUri);
        }

        // The number of entries in each region file's static_fields, release 3.1.211.
        [Theory]
        [InlineData("CFW", 28)]
        [InlineData("BMS", 28)]
        [InlineData("CCE", 33)]
        [InlineData("DCS", 30)]
        [InlineData("DDS", 34)]
        [InlineData("ECS", 33)]
        [InlineData("ELB", 32)]
        [InlineData("EVS", 34)]
        [InlineData("GaussDB", 20)]
        [InlineData("IMS", 33)]
        [InlineData("RDS", 34)]
        [InlineData("VPC", 33)]
        public void Each_service_has_as_many_regions_as_the_vendor_file_of_release_3_1_211(string service, int count)
        {
            Assert.Equal("3.1.211", VendorRegions.Release);
            Assert.Equal(count, CloudJobServices.Find(service)!.Regions.Count);
        }

        [Theory]
        [MemberData(nameof(Services))]
        public void Regions_and_hosts_come_from_the_generated_vendor_data(string name)
        {
            CloudJobService service = CloudJobServices.Find(name)!;
            VendorRegionList vendor = VendorRegions.All.Single(v => v.Service == name);

            Assert.Same(vendor.Regions, service.Regions);
            // The script decided which hosts are exceptions against this label: it must be the catalog's.
            Assert.Equal(service.HostLabel, vendor.HostLabel);
            Assert.Contains(vendor.Source, service.Sources.Single(s => s.Contains("/region/")));
            Assert.Equal(vendor.Regions.OrderBy(r => r, RegionNameComparer.Instance), vendor.Regions);
            foreach (KeyValuePair<string, string> exception in vendor.EndpointExceptions)
            {
                Assert.Contains(exception.Key, vendor.Regions);
                Assert.Equal(new Uri(exception.Value), service.EndpointFor(exception.Key));
                // An exception equal to the pattern would mean the script's pattern no longer says what EndpointRules says.
                Assert.NotEqual(EndpointRules.ForRegion(exception.Key, service.HostLabel), service.EndpointFor(exception.Key));
            }
        }

        [Fact]
        public void The_generated_data_cannot_be_changed()
        {
            foreach (VendorRegionList vendor in VendorRegions.All)
            {
                Assert.True(((ICollection<string>)vendor.Regions).IsReadOnly);
                Assert.True(((ICollection<KeyValuePair<string, string>>)vendor.EndpointExceptions).IsReadOnly);
                Assert.Throws<NotSupportedException>(() => ((IList<string>)vendor.Regions)[0] = "x");
            }

            Assert.Throws<NotSupportedException>(() => ((IList<VendorRegionList>)VendorRegions.All)[0] = VendorRegions.Vpc);
            Assert.True(((ICollection<string>)CloudJobServices.AllRegions).IsReadOnly);
        }

        [Theory]
        [InlineData("GaussDB", "eu-west-0", "https://gaussdb.eu-west-0.myhuaweicloud.com/")]
        [InlineData("GaussDB", "xx-new-1", "https://gaussdb.xx-new-1.myhuaweicloud.com/")]
        [InlineData("VPC", "xx-new-1", "https://vpc.xx-new-1.myhuaweicloud.com/")]
        public void A_region_the_vendor_does_not_list_gets_the_usual_host(string service, string region, string expected) =>
            Assert.Equal(expected, CloudJobServices.Find(service)!.EndpointFor(region)!.AbsoluteUri);

        [Theory]
        [InlineData("GaussDB", " ME-East-1 ", "https://gaussdbformysql.me-east-1.myhuaweicloud.com/")]
        [InlineData("VPC", "EU-WEST-101", "https://vpc.eu-west-101.myhuaweicloud.com/")]
        public void The_vendor_host_is_found_in_any_case_and_spacing(string service, string region, string expected) =>
            Assert.Equal(expected, CloudJobServices.Find(service)!.EndpointFor(region)!.AbsoluteUri);

        [Theory]
        [InlineData("GaussDB", "me-east-1.evil.example")]
        [InlineData("GaussDB", "cn-north-11/x")]
        [InlineData("GaussDB", "la-north-2@evil")]
        [InlineData("VPC", "eu-west-101:8443")]
        [InlineData("VPC", "")]
        public void A_name_that_would_change_the_host_is_refused_for_every_service(string service, string region) =>
            Assert.Null(CloudJobServices.Find(service)!.EndpointFor(region));

        [Fact]
        public void All_regions_are_every_services_regions_once_each_in_order()
        {
            IReadOnlyList<string> all = CloudJobServices.AllRegions;
            string[] expected = CloudJobServices.All.SelectMany(s => s.Regions).Distinct().ToArray();

            Assert.Equal(expected.OrderBy(r => r, StringComparer.Ordinal), all.OrderBy(r => r, StringComparer.Ordinal));
            Assert.Equal(all.OrderBy(r => r, RegionNameComparer.Instance), all);
            Assert.Contains("cn-north-1", all);
            Assert.DoesNotContain("cn-north-1", CloudJobServices.Default.Regions);
            Assert.Equal(new[] { "cn-north-9", "cn-north-11", "cn-north-12" }, CloudJobServices.AnyServiceRegionsStartingWith("CN-NORTH-").Skip(3));
        }

        [Fact]
        public void The_services_serving_a_region_are_those_that_list_it()
        {
            Assert.Equal(CloudJobServices.All.Where(s => s.GlobalEndpoint != null || s.Regions.Contains("cn-north-4")), CloudJobServices.Serving("cn-north-4"));
            Assert.Contains(CloudJobServices.Find("CFW"), CloudJobServices.Serving("cn-north-4"));
            Assert.Equal(CloudJobServices.All.Where(s => s.GlobalEndpoint != null || s.Regions.Contains("cn-north-1")), CloudJobServices.Serving(" CN-North-1"));
            Assert.Equal(new[] { "BMS", "CCE", "DCS", "DDS", "ECS", "ELB", "EVS", "IMS", "RDS", "VPC" }, CloudJobServices.Serving(" CN-North-1").Select(s => s.Name).Intersect(new[] { "CFW", "BMS", "CCE", "DCS", "DDS", "ECS", "ELB", "EVS", "GaussDB", "IMS", "RDS", "VPC" }));
            // Only the global services (one host for every region) serve a region nobody lists.
            Assert.Equal(new[] { "GEIP", "Order", "OrderIntl", "UCS" }, CloudJobServices.Serving("xx-new-1").Select(s => s.Name));
        }

        [Theory]
        [InlineData("cn-north-9", "cn-north-11")]
        [InlineData("cn-north-11", "cn-north-12")]
        [InlineData("cn-north-4", "cn-northeast-1")]
        [InlineData("eu-west-0", "eu-west-101")]
        [InlineData("ap-southeast-5", "cn-east-2")]
        [InlineData("la-north-2", "la-north-2-x")]
        [InlineData("x-2", "x-a")]
        public void Region_names_sort_by_parts_with_numbers_as_numbers(string first, string second)
        {
            Assert.True(RegionNameComparer.Instance.Compare(first, second) < 0);
            Assert.True(RegionNameComparer.Instance.Compare(second, first) > 0);
            Assert.Equal(0, RegionNameComparer.Instance.Compare(first, first));
        }

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
                service,
                DomainId,
                "x/..?y");
    }
}
