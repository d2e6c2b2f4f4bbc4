using System;
using System.IO;
using JobStatus.Connection;
using JobStatus.Connection.Signing;

namespace JobStatus.Tests
{
    /// <summary>Access keys from the environment and the SDK credentials file, after the token variables; half pairs stop the search.</summary>
    public sealed class CredentialResolutionTests : IDisposable
    {
        private const string Secret = "SK-resolution-7f3e2d1c0b9a";
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "jobstatus-cred-" + Guid.NewGuid().ToString("N"));

        public CredentialResolutionTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Theory]
        [InlineData("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN")]
        [InlineData("HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_SECURITY_TOKEN")]
        public void An_access_key_pair_comes_from_either_family_of_variables(string ak, string sk, string securityToken)
        {
            ResolvedContext context = Resolve((ak, "AKID1"), (sk, Secret), (securityToken, "ST-1234"));

            var key = Assert.IsType<AccessKeyCredential>(context.Credential.Value);
            Assert.Equal("AccessKey", context.AuthenticationMethod);
            Assert.Equal("Environment:" + ak, context.Credential.Source);
            Assert.Equal("AKID1", key.AccessKeyId);
            Assert.Equal(Secret, SecureStringReader.Reveal(key.SecretAccessKey));
            Assert.Equal("ST-1234", SecureStringReader.Reveal(key.SecurityToken!));
            Assert.Equal("Environment:" + sk, key.SecretKeySource);
            Assert.Equal("Environment:" + securityToken, key.SecurityTokenSource);
            Assert.Null(context.Token.Value);
        }

        [Fact]
        public void The_order_is_token_then_SDK_keys_then_Terraform_keys_then_the_file()
        {
            string file = WriteFile("[basic]\nak = FILEAK\nsk = filesk-secret\n");
            var all = new[]
            {
                ("HW_AUTH_TOKEN", "tok-1234"), ("HUAWEICLOUD_SDK_AK", "SDKAK"), ("HUAWEICLOUD_SDK_SK", "sdk-secret"),
                ("HW_ACCESS_KEY", "HWAK"), ("HW_SECRET_KEY", "hw-secret"), ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file),
            };

            Assert.Equal("Environment:HW_AUTH_TOKEN", Resolve(all).Credential.Source);
            Assert.Equal("Environment:HUAWEICLOUD_SDK_AK", Resolve(all[1..]).Credential.Source);
            Assert.Equal("Environment:HW_ACCESS_KEY", Resolve(all[3..]).Credential.Source);
            Assert.Equal("File:" + file, Resolve(all[5..]).Credential.Source);
        }

        [Fact]
        public void A_session_or_a_parameter_wins_over_every_variable()
        {
            var sessionKey = new AccessKeyCredential("SESSIONAK", SecureStringReader.FromText(Secret));
            var environment = ConnectionResolverTests.Environment(("HUAWEICLOUD_SDK_AK", "ENVAK"), ("HUAWEICLOUD_SDK_SK", "env-secret"));

            ResolvedContext fromSession = ConnectionResolver.Resolve(new ConnectionSettings(), new ConnectionSettings(credential: sessionKey), environment);
            ResolvedContext fromParameter = ConnectionResolver.Resolve(new ConnectionSettings(token: SecureStringReader.FromText("tok-param")), new ConnectionSettings(credential: sessionKey), environment);

            Assert.Same(sessionKey, fromSession.Credential.Value);
            Assert.Equal("Session", fromSession.Credential.Source);
            Assert.Equal("Token", fromParameter.AuthenticationMethod);
            Assert.Equal("Parameter", fromParameter.Credential.Source);
        }

        [Theory]
        [InlineData("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK")]
        [InlineData("HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_AK")]
        [InlineData("HW_ACCESS_KEY", "HW_SECRET_KEY")]
        [InlineData("HW_SECRET_KEY", "HW_ACCESS_KEY")]
        public void Half_a_pair_is_a_problem_that_names_both_variables(string set, string missing)
        {
            // The complete pair further down the order must not be used instead.
            string file = WriteFile("[basic]\nak = FILEAK\nsk = filesk-secret\n");
            ResolvedContext context = Resolve((set, "AKID-or-secret"), ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file));

            Assert.Null(context.Credential.Value);
            Assert.Contains($"{set} is set but {missing} is not", context.CredentialProblem);
            Assert.Null(context.TryCreateConnection(false, out ConnectionProblem? problem));
            Assert.Equal(ConnectionProblemKind.CredentialIncomplete, problem!.Kind);
            Assert.DoesNotContain("AKID-or-secret", problem.Message);
        }

        [Fact]
        public void The_credentials_file_gives_keys_security_token_and_project_id_from_its_basic_section()
        {
            string file = WriteFile(
                "# written by hcloud\n[global]\nak = GLOBALAK\nsk = global-secret\nproject_id = global-project\n\n"
                + "[basic]\r\nak=FILEAK\r\nsk = \"" + Secret + "\"\r\nsecurity_token = ST-file-0001\r\nproject_id = 0123456789abcdef0123456789abcdef\r\n");

            ResolvedContext context = Resolve(("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file), ("HW_REGION_NAME", "cn-north-4"));

            var key = Assert.IsType<AccessKeyCredential>(context.Credential.Value);
            Assert.Equal("FILEAK", key.AccessKeyId);
            Assert.Equal(Secret, SecureStringReader.Reveal(key.SecretAccessKey));
            Assert.Equal("ST-file-0001", SecureStringReader.Reveal(key.SecurityToken!));
            Assert.Equal("0123456789abcdef0123456789abcdef", context.ProjectId.Value);
            Assert.Equal("File:" + file, context.ProjectId.Source);
            Assert.NotNull(context.TryCreateConnection(false, out _));
        }

        [Fact]
        public void The_default_file_is_under_HOME()
        {
            Directory.CreateDirectory(Path.Combine(_folder, ".huaweicloud"));
            string file = Path.Combine(_folder, ".huaweicloud", "credentials");
            File.WriteAllText(file, "[basic]\nak = HOMEAK\nsk = home-secret\n");

            ResolvedContext context = Resolve(("HOME", _folder));

            Assert.Equal("File:" + file, context.Credential.Source);
            Assert.Equal("HOMEAK", ((AccessKeyCredential)context.Credential.Value!).AccessKeyId);
        }

        [Fact]
        public void No_default_file_is_no_problem_but_a_named_file_that_is_missing_is()
        {
            Assert.Null(Resolve(("HOME", _folder)).CredentialProblem);

            string missing = Path.Combine(_folder, "nope");
            ResolvedContext context = Resolve(("HOME", _folder), ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", missing));

            Assert.Contains("HUAWEICLOUD_SDK_CREDENTIALS_FILE names the file " + missing + ", which does not exist", context.CredentialProblem);
        }

        [Fact]
        public void A_file_with_half_a_pair_is_a_problem()
        {
            string file = WriteFile("[basic]\nak = FILEAK\n");

            ResolvedContext context = Resolve(("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file));

            Assert.Contains("has ak but no sk in its [basic] section", context.CredentialProblem);
        }

        [Fact]
        public void The_project_id_of_the_file_is_used_only_when_nothing_else_gives_one()
        {
            string file = WriteFile("[basic]\nproject_id = file-project\n");

            Assert.Equal("Environment:HW_PROJECT_ID", Resolve(("HW_PROJECT_ID", "env-project"), ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file)).ProjectId.Source);
            Assert.Equal("file-project", Resolve(("HW_AUTH_TOKEN", "tok-1234"), ("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file)).ProjectId.Value);
        }

        [Fact]
        public void The_context_shows_the_key_id_and_sources_and_never_the_secret()
        {
            ResolvedContext resolved = Resolve(("HW_ACCESS_KEY", "AKID-CONTEXT"), ("HW_SECRET_KEY", Secret), ("HW_PROJECT_ID", "p1"), ("HW_REGION_NAME", "cn-north-4"));

            var context = new CloudJobContext(resolved, isConnected: false);

            Assert.Equal("AccessKey", context.AuthenticationMethod);
            Assert.Equal("AKID-CONTEXT", context.AccessKeyId);
            Assert.Equal("Environment:HW_ACCESS_KEY", context.CredentialSource);
            Assert.Equal("Environment:HW_SECRET_KEY", context.SecretAccessKeySource);
            Assert.Equal("None", context.SecurityTokenSource);
            Assert.Null(context.Problem);
            Assert.StartsWith("AccessKey AKID-CONTEXT (Environment:HW_ACCESS_KEY)", context.ToString());
            foreach (var property in typeof(CloudJobContext).GetProperties())
            {
                Assert.DoesNotContain(Secret, Convert.ToString(property.GetValue(context), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        [Theory]
        [InlineData("AK WITH SPACE", "space")]
        [InlineData("AK,COMMA", "comma")]
        [InlineData("AK", "")]
        public void An_access_key_that_cannot_be_sent_is_refused_before_sending(string accessKeyId, string secret)
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(projectId: "p1", region: "cn-north-4", credential: new AccessKeyCredential(accessKeyId, SecureStringReader.FromText(secret == "" ? " " : Secret))),
                null,
                ConnectionResolverTests.Environment());

            Assert.Null(context.TryCreateConnection(false, out ConnectionProblem? problem));
            Assert.Equal(ConnectionProblemKind.CredentialInvalid, problem!.Kind);
            Assert.DoesNotContain(Secret, problem.Message);
        }

        [Fact]
        public void An_access_key_is_not_used_over_plain_http_to_another_host()
        {
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(projectId: "p1", endpoint: new Uri("http://cfw.example.invalid"), credential: new AccessKeyCredential("AKID", SecureStringReader.FromText(Secret))),
                null,
                ConnectionResolverTests.Environment());

            Assert.Null(context.TryCreateConnection(false, out ConnectionProblem? problem));
            Assert.Equal(ConnectionProblemKind.UnencryptedAuthentication, problem!.Kind);
            Assert.Contains("the credentials would cross the network unencrypted", problem.Message);
            Assert.NotNull(context.TryCreateConnection(true, out _));
        }

        private static ResolvedContext Resolve(params (string Name, string Value)[] variables) =>
            ConnectionResolver.Resolve(new ConnectionSettings(), null, ConnectionResolverTests.Environment(variables));

        private string WriteFile(string text)
        {
            string path = Path.Combine(_folder, "credentials-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(path, text);
            return path;
        }
    }
}
