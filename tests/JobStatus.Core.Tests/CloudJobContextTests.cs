using System;
using JobStatus.Connection;

namespace JobStatus.Tests
{
    public class CloudJobContextTests
    {
        private const string Token = "MIIToken-context-0d9e8f7a";

        [Fact]
        public void Shows_each_value_with_its_source_and_no_secret()
        {
            ResolvedContext resolved = ConnectionResolver.Resolve(
                new ConnectionSettings(projectId: "p1"),
                new ConnectionSettings(region: "cn-north-4"),
                ConnectionResolverTests.Environment(("OS_AUTH_TOKEN", Token)));

            var context = new CloudJobContext(resolved, isConnected: true);

            Assert.Equal("p1", context.ProjectId);
            Assert.Equal("Parameter", context.ProjectIdSource);
            Assert.Equal("cn-north-4", context.Region);
            Assert.Equal("Session", context.RegionSource);
            Assert.Equal(new Uri("https://cfw.cn-north-4.myhuaweicloud.com"), context.Endpoint);
            Assert.Equal("Default", context.EndpointSource);
            Assert.Equal("Environment:OS_AUTH_TOKEN", context.TokenSource);
            Assert.Equal("Token", context.AuthenticationMethod);
            Assert.True(context.IsConnected);
            Assert.Null(context.Problem);
            foreach (var property in typeof(CloudJobContext).GetProperties())
            {
                Assert.DoesNotContain(Token, Convert.ToString(property.GetValue(context), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        [Fact]
        public void Says_why_a_call_would_fail_before_sending_anything()
        {
            ResolvedContext resolved = ConnectionResolver.Resolve(new ConnectionSettings(region: "cn-north-4"), null, ConnectionResolverTests.Environment());

            var context = new CloudJobContext(resolved, isConnected: false);

            Assert.Equal("None", context.TokenSource);
            Assert.Equal("None", context.AuthenticationMethod);
            Assert.Contains("No credential", context.Problem);
        }
    }
}
