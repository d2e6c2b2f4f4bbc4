using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using JobStatus.Connection;

namespace JobStatus.Tests
{
    /// <summary>Where each value comes from: parameter, then session, then the vendor's environment variables.</summary>
    public class ConnectionResolverTests
    {
        private static readonly ConnectionSettings Nothing = new ConnectionSettings();

        [Theory]
        [InlineData(true, true, true, "Parameter", "from-parameter")]
        [InlineData(false, true, true, "Session", "from-session")]
        [InlineData(false, false, true, "Environment:HW_AUTH_TOKEN", "from-environment")]
        [InlineData(false, false, false, "None", null)]
        public void The_token_comes_from_the_parameter_then_the_session_then_the_environment(
            bool parameter, bool session, bool environment, string source, string? value)
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(token: parameter ? Secure("from-parameter") : null),
                new ConnectionSettings(token: session ? Secure("from-session") : null),
                Environment(environment ? new[] { ("HW_AUTH_TOKEN", "from-environment") } : Array.Empty<(string, string)>()));

            Assert.Equal(source, context.Token.Source);
            Assert.Equal(value, context.Token.Value == null ? null : SecureStringReader.Reveal(context.Token.Value));
            Assert.Equal(value == null ? "None" : "Token", context.AuthenticationMethod);
        }

        [Theory]
        [InlineData(true, true, true, "Parameter", "from-parameter")]
        [InlineData(false, true, true, "Session", "from-session")]
        [InlineData(false, false, true, "Environment:HW_PROJECT_ID", "from-environment")]
        [InlineData(false, false, false, "None", null)]
        public void The_project_comes_from_the_parameter_then_the_session_then_the_environment(
            bool parameter, bool session, bool environment, string source, string? value)
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(projectId: parameter ? "from-parameter" : null),
                new ConnectionSettings(projectId: session ? "from-session" : null),
                Environment(environment ? new[] { ("HW_PROJECT_ID", "from-environment") } : Array.Empty<(string, string)>()));

            Assert.Equal(source, context.ProjectId.Source);
            Assert.Equal(value, context.ProjectId.Value);
        }

        [Theory]
        [InlineData(true, true, true, "Parameter", "cn-north-4")]
        [InlineData(false, true, true, "Session", "ap-southeast-1")]
        [InlineData(false, false, true, "Environment:HW_REGION_NAME", "la-south-2")]
        [InlineData(false, false, false, "None", null)]
        public void The_region_comes_from_the_parameter_then_the_session_then_the_environment(
            bool parameter, bool session, bool environment, string source, string? value)
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(region: parameter ? "cn-north-4" : null),
                new ConnectionSettings(region: session ? "ap-southeast-1" : null),
                Environment(environment ? new[] { ("HW_REGION_NAME", "la-south-2") } : Array.Empty<(string, string)>()));

            Assert.Equal(source, context.Region.Source);
            Assert.Equal(value, context.Region.Value);
            Assert.Equal(value == null ? null : new Uri($"https://cfw.{value}.myhuaweicloud.com"), context.Endpoint.Value);
            Assert.Equal(value == null ? "None" : "Default", context.Endpoint.Source);
        }

        [Theory]
        [InlineData("HW_AUTH_TOKEN OS_AUTH_TOKEN OS_TOKEN", "HW_AUTH_TOKEN")]
        [InlineData("OS_AUTH_TOKEN OS_TOKEN", "OS_AUTH_TOKEN")]
        [InlineData("HW_AUTH_TOKEN OS_TOKEN", "HW_AUTH_TOKEN")]
        [InlineData("OS_TOKEN", "OS_TOKEN")]
        public void Token_variables_are_read_in_their_order(string set, string winner)
        {
            ResolvedContext context = ConnectionResolver.Resolve(Nothing, null, EnvironmentNamedAfterItself(set));

            Assert.Equal("Environment:" + winner, context.Token.Source);
            Assert.Equal("value-of-" + winner, SecureStringReader.Reveal(context.Token.Value!));
        }

        [Theory]
        [InlineData("HW_PROJECT_ID OS_PROJECT_ID HUAWEICLOUD_SDK_PROJECT_ID", "HW_PROJECT_ID")]
        [InlineData("OS_PROJECT_ID HUAWEICLOUD_SDK_PROJECT_ID", "OS_PROJECT_ID")]
        [InlineData("HW_PROJECT_ID HUAWEICLOUD_SDK_PROJECT_ID", "HW_PROJECT_ID")]
        [InlineData("HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID")]
        public void Project_variables_are_read_in_their_order(string set, string winner)
        {
            ResolvedContext context = ConnectionResolver.Resolve(Nothing, null, EnvironmentNamedAfterItself(set));

            Assert.Equal("Environment:" + winner, context.ProjectId.Source);
            Assert.Equal("value-of-" + winner, context.ProjectId.Value);
        }

        [Theory]
        [InlineData("HW_REGION_NAME OS_REGION_NAME", "HW_REGION_NAME")]
        [InlineData("OS_REGION_NAME", "OS_REGION_NAME")]
        public void Region_variables_are_read_in_their_order(string set, string winner)
        {
            var variables = set.Split(' ').ToDictionary(name => name, name => name == "HW_REGION_NAME" ? "cn-east-3" : "af-south-1");

            ResolvedContext context = ConnectionResolver.Resolve(Nothing, null, name => variables.TryGetValue(name, out string? v) ? v : null);

            Assert.Equal("Environment:" + winner, context.Region.Source);
            Assert.Equal(variables[winner], context.Region.Value);
            Assert.Equal(new Uri($"https://cfw.{variables[winner]}.myhuaweicloud.com"), context.Endpoint.Value);
            Assert.Equal("Default", context.Endpoint.Source);
        }

        [Fact]
        public void Blank_variables_count_as_unset()
        {
            ResolvedContext context = ConnectionResolver.Resolve(Nothing, null, Environment(
                ("HW_AUTH_TOKEN", "   "),
                ("OS_AUTH_TOKEN", string.Empty),
                ("OS_TOKEN", "token-value"),
                ("HW_PROJECT_ID", "\t"),
                ("OS_PROJECT_ID", "project-value"),
                ("HW_REGION_NAME", " "),
                ("OS_REGION_NAME", "cn-south-1")));

            Assert.Equal("Environment:OS_TOKEN", context.Token.Source);
            Assert.Equal("Environment:OS_PROJECT_ID", context.ProjectId.Source);
            Assert.Equal("Environment:OS_REGION_NAME", context.Region.Source);
        }

        [Fact]
        public void Variable_values_are_trimmed()
        {
            ResolvedContext context = ConnectionResolver.Resolve(Nothing, null, Environment(
                ("HW_AUTH_TOKEN", "token-value\n"),
                ("HW_PROJECT_ID", "  project-value "),
                ("HW_REGION_NAME", " cn-north-4\r\n")));

            Assert.Equal("token-value", SecureStringReader.Reveal(context.Token.Value!));
            Assert.Equal("project-value", context.ProjectId.Value);
            Assert.Equal("cn-north-4", context.Region.Value);
        }

        [Fact]
        public void Blank_parameters_and_session_values_count_as_unset()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(projectId: "  ", region: ""),
                new ConnectionSettings(projectId: "\t", region: " "),
                Environment(("HW_PROJECT_ID", "project-value"), ("HW_REGION_NAME", "cn-north-4")));

            Assert.Equal("Environment:HW_PROJECT_ID", context.ProjectId.Source);
            Assert.Equal("Environment:HW_REGION_NAME", context.Region.Source);
        }

        [Fact]
        public void Only_the_documented_variables_are_read()
        {
            var asked = new List<string>();

            ConnectionResolver.Resolve(Nothing, null, name =>
            {
                asked.Add(name);
                return null;
            });

            Assert.Equal(
                new[]
                {
                    "HOME", "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_CREDENTIALS_FILE", "HUAWEICLOUD_SDK_DOMAIN_ID", "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_SK",
                    "HW_ACCESS_KEY", "HW_AUTH_TOKEN", "HW_DOMAIN_ID", "HW_PROJECT_ID", "HW_REGION_NAME", "HW_SECRET_KEY",
                    "OS_AUTH_TOKEN", "OS_PROJECT_ID", "OS_REGION_NAME", "OS_TOKEN", "USERPROFILE",
                },
                asked.Distinct().OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void An_endpoint_parameter_wins_over_every_region()
        {
            var endpoint = new Uri("https://cfw-proxy.example.invalid/");

            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(region: "cn-north-4", endpoint: endpoint),
                new ConnectionSettings(region: "ap-southeast-1"),
                Environment(("HW_REGION_NAME", "la-south-2")));

            Assert.Equal(endpoint, context.Endpoint.Value);
            Assert.Equal("Parameter", context.Endpoint.Source);
            Assert.Null(context.EndpointProblem);
        }

        [Fact]
        public void A_session_endpoint_wins_over_a_session_region_and_the_environment()
        {
            var endpoint = new Uri("https://cfw-proxy.example.invalid/");

            ResolvedContext context = ConnectionResolver.Resolve(
                Nothing,
                new ConnectionSettings(region: "ap-southeast-1", endpoint: endpoint),
                Environment(("HW_REGION_NAME", "la-south-2")));

            Assert.Equal(endpoint, context.Endpoint.Value);
            Assert.Equal("Session", context.Endpoint.Source);
        }

        [Fact]
        public void A_region_parameter_wins_over_a_session_endpoint()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(region: "ap-southeast-1"),
                new ConnectionSettings(endpoint: new Uri("https://cfw-proxy.example.invalid/")),
                Environment());

            Assert.Equal(new Uri("https://cfw.ap-southeast-1.myhuaweicloud.com"), context.Endpoint.Value);
            Assert.Equal("Default", context.Endpoint.Source);
        }

        [Fact]
        public void An_environment_region_does_not_replace_a_session_endpoint()
        {
            var endpoint = new Uri("https://cfw-proxy.example.invalid/");

            ResolvedContext context = ConnectionResolver.Resolve(Nothing, new ConnectionSettings(endpoint: endpoint), Environment(("OS_REGION_NAME", "cn-north-4")));

            Assert.Equal(endpoint, context.Endpoint.Value);
            Assert.Equal("Session", context.Endpoint.Source);
        }

        [Theory]
        [InlineData("cn-north-4", "https://cfw.cn-north-4.myhuaweicloud.com/")]
        [InlineData("ap-southeast-1", "https://cfw.ap-southeast-1.myhuaweicloud.com/")]
        [InlineData("eu-west-101", "https://cfw.eu-west-101.myhuaweicloud.eu/")]
        [InlineData("eu-west-0", "https://cfw.eu-west-0.myhuaweicloud.com/")]
        [InlineData("CN-North-4", "https://cfw.cn-north-4.myhuaweicloud.com/")]
        [InlineData("  cn-north-4  ", "https://cfw.cn-north-4.myhuaweicloud.com/")]
        public void A_region_names_its_service_host(string region, string expected)
        {
            ResolvedContext context = ConnectionResolver.Resolve(new ConnectionSettings(region: region), null, Environment());

            Assert.Equal(expected, context.Endpoint.Value!.AbsoluteUri);
            Assert.Null(context.EndpointProblem);
        }

        [Theory]
        [InlineData("cn-north-4.evil.invalid")]
        [InlineData("a/b")]
        [InlineData("x y")]
        [InlineData("cn-north-4/../x")]
        [InlineData("cn-north-4:443")]
        [InlineData("cn_north_4")]
        [InlineData("-cn-north-4")]
        [InlineData("cn-north-4-")]
        [InlineData("cn--north-4")]
        [InlineData("evil.invalid#")]
        [InlineData("cn-north-4@evil.invalid")]
        [InlineData("région")]
        public void A_region_that_would_change_the_host_is_not_used(string region)
        {
            ResolvedContext context = ConnectionResolver.Resolve(new ConnectionSettings(region: region), null, Environment());

            Assert.Null(context.Endpoint.Value);
            Assert.NotNull(context.EndpointProblem);
        }

        [Fact]
        public void A_region_of_64_characters_is_not_used()
        {
            ResolvedContext context = ConnectionResolver.Resolve(new ConnectionSettings(region: new string('a', 64)), null, Environment());

            Assert.Null(context.Endpoint.Value);
            Assert.NotNull(context.EndpointProblem);
        }

        internal static Func<string, string?> Environment(params (string Name, string Value)[] variables)
        {
            var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            return name => map.TryGetValue(name, out string? value) ? value : null;
        }

        private static Func<string, string?> EnvironmentNamedAfterItself(string names) =>
            Environment(names.Split(' ').Select(n => (n, "value-of-" + n)).ToArray());

        private static SecureString Secure(string text) => SecureStringReader.FromText(text);
    }
}
