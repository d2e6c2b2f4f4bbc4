using System;
using JobStatus.Connection;

namespace JobStatus.Tests
{
    /// <summary>What a complete, safe connection needs, and messages that say how to supply what is missing.</summary>
    public class ResolvedContextTests
    {
        private const string Token = "MIIZtok-resolved-context-7f3a9c";
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";

        [Fact]
        public void A_complete_context_makes_a_connection()
        {
            CloudJobConnection? connection = Create(
                new ConnectionSettings(Secure(Token), ProjectId, "cn-north-4"),
                out ConnectionProblem? problem);

            Assert.Null(problem);
            Assert.NotNull(connection);
            Assert.Equal(new Uri("https://cfw.cn-north-4.myhuaweicloud.com"), connection!.Endpoint);
            Assert.Equal(ProjectId, connection.ProjectId);
            Assert.Equal("cn-north-4", connection.Region);
            Assert.Equal("Parameter", connection.CredentialSource);
            Assert.Equal("Token", connection.Authenticator.Method);
        }

        [Fact]
        public void Everything_may_come_from_the_environment()
        {
            ResolvedContext context = ConnectionResolver.Resolve(new ConnectionSettings(), null, ConnectionResolverTests.Environment(
                ("OS_TOKEN", Token), ("HUAWEICLOUD_SDK_PROJECT_ID", ProjectId), ("OS_REGION_NAME", "eu-west-101")));

            CloudJobConnection? connection = context.TryCreateConnection(false, out ConnectionProblem? problem);

            Assert.Null(problem);
            Assert.Equal(new Uri("https://cfw.eu-west-101.myhuaweicloud.eu"), connection!.Endpoint);
            Assert.Equal("eu-west-101", connection.Region);
            Assert.Equal("Environment:OS_TOKEN", connection.CredentialSource);
        }

        [Fact]
        public void A_region_parameter_beats_a_session_endpoint_and_is_named()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(region: "ap-southeast-1"),
                new ConnectionSettings(Secure(Token), ProjectId, endpoint: new Uri("https://cfw-proxy.example.invalid/")),
                ConnectionResolverTests.Environment());

            CloudJobConnection? connection = context.TryCreateConnection(false, out _);

            Assert.Equal(new Uri("https://cfw.ap-southeast-1.myhuaweicloud.com"), connection!.Endpoint);
            Assert.Equal("ap-southeast-1", connection.Region);
            Assert.Equal("Session", connection.CredentialSource);
        }

        [Fact]
        public void A_region_from_a_lower_layer_is_not_named_for_an_explicit_endpoint()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(Secure(Token), ProjectId, endpoint: new Uri("https://cfw-proxy.example.invalid/")),
                new ConnectionSettings(region: "cn-north-4"),
                ConnectionResolverTests.Environment(("HW_REGION_NAME", "la-south-2")));

            CloudJobConnection? connection = context.TryCreateConnection(false, out _);

            Assert.Equal(new Uri("https://cfw-proxy.example.invalid/"), connection!.Endpoint);
            Assert.Null(connection.Region);
        }

        [Fact]
        public void A_missing_token_is_reported_with_every_way_to_supply_one()
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(projectId: ProjectId, region: "cn-north-4"), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.TokenMissing, problem!.Kind);
            foreach (string way in new[] { "-Token", "Connect-CloudJobService", "HW_AUTH_TOKEN", "OS_AUTH_TOKEN", "OS_TOKEN" })
            {
                Assert.Contains(way, problem.Message);
            }
        }

        [Fact]
        public void A_missing_project_is_reported_with_every_way_to_supply_one()
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), region: "cn-north-4"), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.ProjectMissing, problem!.Kind);
            foreach (string way in new[] { "-ProjectId", "Connect-CloudJobService", "HW_PROJECT_ID", "OS_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID" })
            {
                Assert.Contains(way, problem.Message);
            }

            Assert.DoesNotContain(Token, problem.Message);
        }

        [Fact]
        public void A_missing_endpoint_is_reported_with_every_way_to_supply_one()
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), ProjectId), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.EndpointMissing, problem!.Kind);
            foreach (string way in new[] { "-Region", "-Endpoint", "Connect-CloudJobService", "HW_REGION_NAME", "OS_REGION_NAME" })
            {
                Assert.Contains(way, problem.Message);
            }

            Assert.DoesNotContain(Token, problem.Message);
        }

        [Theory]
        [InlineData("cn-north-4.evil.invalid")]
        [InlineData("a/b")]
        [InlineData("x y")]
        public void An_invalid_region_is_refused(string region)
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), ProjectId, region), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.RegionInvalid, problem!.Kind);
            Assert.Contains("region", problem.Message);
        }

        [Fact]
        public void An_invalid_region_from_the_environment_is_refused()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(Secure(Token), ProjectId),
                null,
                ConnectionResolverTests.Environment(("HW_REGION_NAME", "cn-north-4.evil.invalid"), ("OS_REGION_NAME", "cn-north-4")));

            Assert.Null(context.TryCreateConnection(true, out ConnectionProblem? problem));
            Assert.Equal(ConnectionProblemKind.RegionInvalid, problem!.Kind);
        }

        [Fact]
        public void An_upper_case_region_is_lowered_not_refused()
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), ProjectId, "CN-NORTH-4"), out _);

            Assert.Equal(new Uri("https://cfw.cn-north-4.myhuaweicloud.com"), connection!.Endpoint);
        }

        [Theory]
        [InlineData("http://cfw.cn-north-4.myhuaweicloud.com")]
        [InlineData("http://cfw-proxy.example.invalid:8080/cfw/")]
        [InlineData("http://10.0.0.1/")]
        public void Plain_http_to_another_host_is_refused_unless_allowed(string endpoint)
        {
            var settings = new ConnectionSettings(Secure(Token), ProjectId, endpoint: new Uri(endpoint));

            CloudJobConnection? refused = Create(settings, out ConnectionProblem? problem);
            CloudJobConnection? allowed = Create(settings, out ConnectionProblem? none, allowUnencryptedAuthentication: true);

            Assert.Null(refused);
            Assert.Equal(ConnectionProblemKind.UnencryptedAuthentication, problem!.Kind);
            Assert.Contains("-AllowUnencryptedAuthentication", problem.Message);
            Assert.DoesNotContain(Token, problem.Message);
            Assert.Null(none);
            Assert.Equal(new Uri(endpoint), allowed!.Endpoint);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/")]
        [InlineData("http://localhost:5000/")]
        [InlineData("http://[::1]:5000/")]
        [InlineData("https://cfw-proxy.example.invalid/")]
        public void Loopback_http_and_any_https_are_allowed(string endpoint)
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), ProjectId, endpoint: new Uri(endpoint)), out ConnectionProblem? problem);

            Assert.Null(problem);
            Assert.Equal(new Uri(endpoint), connection!.Endpoint);
        }

        [Theory]
        [InlineData("https://user:s3cretpw@cfw.cn-north-4.myhuaweicloud.com/")]
        [InlineData("https://user@cfw.cn-north-4.myhuaweicloud.com/")]
        [InlineData("https://cfw.cn-north-4.myhuaweicloud.com/?project=1")]
        [InlineData("https://cfw.cn-north-4.myhuaweicloud.com/#jobs")]
        [InlineData("ftp://cfw.cn-north-4.myhuaweicloud.com/")]
        [InlineData("file:///etc/passwd")]
        public void Endpoints_with_user_info_query_fragment_or_other_schemes_are_refused(string endpoint)
        {
            CloudJobConnection? connection = Create(
                new ConnectionSettings(Secure(Token), ProjectId, endpoint: new Uri(endpoint)),
                out ConnectionProblem? problem,
                allowUnencryptedAuthentication: true);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.EndpointInvalid, problem!.Kind);
            Assert.DoesNotContain("s3cretpw", problem.Message);
        }

        [Fact]
        public void A_relative_endpoint_is_refused()
        {
            CloudJobConnection? connection = Create(
                new ConnectionSettings(Secure(Token), ProjectId, endpoint: new Uri("cfw.cn-north-4.myhuaweicloud.com", UriKind.Relative)),
                out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.EndpointInvalid, problem!.Kind);
        }

        [Theory]
        [InlineData("tokpartone\r\ntokparttwo")]
        [InlineData("tokpartone\ntokparttwo")]
        [InlineData("tokpartone\rtokparttwo")]
        // What a token file saved as UTF-16 looks like when read as bytes.
        [InlineData("tokpartone\0tokparttwo")]
        [InlineData("tokpartoneétokparttwo")]
        public void A_token_that_cannot_be_a_header_is_refused_without_quoting_it(string token)
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(token), ProjectId, "cn-north-4"), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.TokenInvalid, problem!.Kind);
            Assert.Contains("-Token", problem.Message);
            Assert.DoesNotContain("tokpartone", problem.Message);
            Assert.DoesNotContain("tokparttwo", problem.Message);
        }

        [Fact]
        public void A_bad_token_from_the_environment_names_the_variable_not_the_value()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(projectId: ProjectId, region: "cn-north-4"),
                null,
                ConnectionResolverTests.Environment(("OS_AUTH_TOKEN", "tokpartone\r\ntokparttwo")));

            Assert.Null(context.TryCreateConnection(false, out ConnectionProblem? problem));
            Assert.Equal(ConnectionProblemKind.TokenInvalid, problem!.Kind);
            Assert.Contains("OS_AUTH_TOKEN", problem.Message);
            Assert.DoesNotContain("tokpart", problem.Message);
        }

        [Fact]
        public void An_empty_token_parameter_is_refused()
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(string.Empty), ProjectId, "cn-north-4"), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.TokenInvalid, problem!.Kind);
        }

        [Theory]
        [InlineData("..")]
        [InlineData(".")]
        [InlineData("09bb\n24e6")]
        [InlineData("09bb\u000024e6")]
        public void A_project_id_that_is_not_one_path_segment_is_refused(string projectId)
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), projectId, "cn-north-4"), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.ProjectInvalid, problem!.Kind);
            Assert.Contains("project id", problem.Message);
        }

        [Fact]
        public void A_project_id_of_129_characters_is_refused()
        {
            CloudJobConnection? connection = Create(new ConnectionSettings(Secure(Token), new string('a', 129), "cn-north-4"), out ConnectionProblem? problem);

            Assert.Null(connection);
            Assert.Equal(ConnectionProblemKind.ProjectInvalid, problem!.Kind);

            // It names where the bad value came from: the -ProjectId parameter, not -Token.
            Assert.Contains("from -ProjectId", problem.Message);
            Assert.DoesNotContain("-Token", problem.Message);
        }

        private static CloudJobConnection? Create(ConnectionSettings parameters, out ConnectionProblem? problem, bool allowUnencryptedAuthentication = false) =>
            ConnectionResolver.Resolve(parameters, null, ConnectionResolverTests.Environment())
                .TryCreateConnection(allowUnencryptedAuthentication, out problem);

        private static System.Security.SecureString Secure(string text) => SecureStringReader.FromText(text);
    }
}
