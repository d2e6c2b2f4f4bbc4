using System;
using System.Linq;
using JobStatus.Connection;

namespace JobStatus.Tests
{
    /// <summary>The regions -Region completes: the 28 the vendor's SDKs list for CFW.</summary>
    public class CfwRegionsTests
    {
        [Fact]
        public void The_list_holds_the_28_cfw_regions_once_each()
        {
            Assert.Equal(28, CfwRegions.Names.Count);
            Assert.Equal(CfwRegions.Names.Count, CfwRegions.Names.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains("cn-north-4", CfwRegions.Names);
            Assert.Contains("ap-southeast-1", CfwRegions.Names);
            Assert.Contains("eu-west-101", CfwRegions.Names);
            Assert.Contains("my-kualalumpur-1", CfwRegions.Names);
        }

        [Fact]
        public void Every_listed_region_gives_an_endpoint()
        {
            foreach (string region in CfwRegions.Names)
            {
                Uri? endpoint = EndpointRules.ForRegion(region);
                Assert.NotNull(endpoint);
                Assert.Equal($"cfw.{region}", endpoint!.Host.Substring(0, region.Length + 4));
            }
        }

        [Theory]
        [InlineData("cn-north", new[] { "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12" })]
        [InlineData("EU", new[] { "eu-west-101" })]
        [InlineData("  la-", new[] { "la-north-2", "la-south-2" })]
        [InlineData("us-", new string[0])]
        public void Regions_starting_with_the_typed_word_are_offered_ignoring_case(string typed, string[] expected) =>
            Assert.Equal(expected, CfwRegions.StartingWith(typed));

        [Fact]
        public void Nothing_typed_offers_every_region() =>
            Assert.Equal(CfwRegions.Names, CfwRegions.StartingWith(null));
    }
}
