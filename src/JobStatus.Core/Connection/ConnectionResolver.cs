using System;
using System.Collections.Generic;
using JobStatus.Connection.Signing;
using JobStatus.Services;

namespace JobStatus.Connection
{
    /// <summary>
    /// Finds each connection value: the parameter, then the session, then the environment variables
    /// the vendor's tools already use, then the SDK credentials file. First match wins.
    /// </summary>
    internal static class ConnectionResolver
    {
        public static readonly IReadOnlyList<string> TokenVariables = new[] { "HW_AUTH_TOKEN", "OS_AUTH_TOKEN", "OS_TOKEN" };

        public static readonly IReadOnlyList<string> ProjectVariables = new[] { "HW_PROJECT_ID", "OS_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID" };

        /// <summary>The vendor SDKs' name, then the Terraform provider's.</summary>
        public static readonly IReadOnlyList<string> DomainVariables = new[] { "HUAWEICLOUD_SDK_DOMAIN_ID", "HW_DOMAIN_ID" };

        public static readonly IReadOnlyList<string> RegionVariables = new[] { "HW_REGION_NAME", "OS_REGION_NAME" };

        /// <summary>Access key pairs, read after the token variables: the vendor SDKs' names, then the Terraform provider's.</summary>
        public static readonly IReadOnlyList<AccessKeyVariables> AccessKeyVariableSets = new[]
        {
            new AccessKeyVariables("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN"),
            new AccessKeyVariables("HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_SECURITY_TOKEN"),
        };

        private const int EnvironmentLayer = 2;
        private const int FileLayer = 3;

        /// <param name="environment">Reads an environment variable; null or blank means unset.</param>
        /// <param name="service">Whose host a region names; CFW when null. Credentials, project and an explicit endpoint serve every service alike.</param>
        public static ResolvedContext Resolve(ConnectionSettings parameters, ConnectionSettings? session, Func<string, string?> environment, CloudJobService? service = null)
        {
            service ??= CloudJobServices.Default;
            ConnectionSettings[] layers = session == null ? new[] { parameters } : new[] { parameters, session };

            // Read only when nothing before it gives a credential or a project id.
            var file = new Lazy<CredentialsFile?>(() => CredentialsFile.Find(environment));
            string? credentialProblem = null;
            Sourced<CloudCredential> credential = FromLayers(layers, s => s.Credential)
                ?? CredentialFromEnvironment(environment, file, out credentialProblem)
                ?? Sourced<CloudCredential>.Missing;
            Sourced<string> projectId = FromLayers(layers, s => s.ProjectId)
                ?? FromEnvironment(ProjectVariables, environment, v => v)
                ?? FromFile(file.Value, "project_id")
                ?? Sourced<string>.Missing;
            Sourced<string> domainId = FromLayers(layers, s => s.DomainId)
                ?? FromEnvironment(DomainVariables, environment, v => v)
                ?? FromFile(file.Value, "domain_id")
                ?? Sourced<string>.Missing;
            Sourced<string> region = FromLayers(layers, s => s.Region)
                ?? FromEnvironment(RegionVariables, environment, v => v)
                ?? Sourced<string>.Missing;

            // The endpoint comes from the first layer that names an endpoint or a region, so that
            // -Region on the command line beats an endpoint stored in the session.
            Sourced<Uri> endpoint = Sourced<Uri>.Missing;
            string? problem = null;
            for (int i = 0; i < layers.Length; i++)
            {
                if (layers[i].Endpoint != null)
                {
                    endpoint = new Sourced<Uri>(layers[i].Endpoint, LayerName(i), i);
                    problem = EndpointRules.Check(layers[i].Endpoint!);
                    break;
                }

                if (layers[i].Region != null)
                {
                    endpoint = Derive(service, layers[i].Region!, i, out problem);
                    break;
                }
            }

            if (endpoint.Value == null && problem == null && region.Value != null && region.Layer == EnvironmentLayer)
            {
                endpoint = Derive(service, region.Value, EnvironmentLayer, out problem);
            }

            return new ResolvedContext(credential, credentialProblem, projectId, region, endpoint, problem, service, domainId);
        }

        /// <summary>The token variables, then each access key pair, then the credentials file. A half pair stops the search.</summary>
        private static Sourced<CloudCredential>? CredentialFromEnvironment(Func<string, string?> environment, Lazy<CredentialsFile?> file, out string? problem)
        {
            problem = null;
            if (FromEnvironment(TokenVariables, environment, v => (CloudCredential)new TokenCredential(SecureStringReader.FromText(v))) is Sourced<CloudCredential> token)
            {
                return token;
            }

            foreach (AccessKeyVariables names in AccessKeyVariableSets)
            {
                string? ak = Value(environment(names.AccessKeyId));
                string? sk = Value(environment(names.SecretAccessKey));
                if (ak == null && sk == null)
                {
                    continue;
                }

                if (ak == null || sk == null)
                {
                    problem = $"The environment variable {(ak == null ? names.SecretAccessKey : names.AccessKeyId)} is set but {(ak == null ? names.AccessKeyId : names.SecretAccessKey)} is not: "
                        + "an access key needs both its id and its secret. Set both, or clear the one that is set.";
                    return null;
                }

                string? securityToken = Value(environment(names.SecurityToken));
                var pair = new AccessKeyCredential(
                    ak,
                    SecureStringReader.FromText(sk),
                    securityToken == null ? null : SecureStringReader.FromText(securityToken),
                    ValueSources.Environment(names.SecretAccessKey),
                    ValueSources.Environment(names.SecurityToken));
                return new Sourced<CloudCredential>(pair, ValueSources.Environment(names.AccessKeyId), EnvironmentLayer);
            }

            if (file.Value is not CredentialsFile found)
            {
                return null;
            }

            if (found.Problem != null)
            {
                problem = found.Problem;
                return null;
            }

            string? fileAk = found["ak"];
            string? fileSk = found["sk"];
            if (fileAk == null && fileSk == null)
            {
                return null;
            }

            if (fileAk == null || fileSk == null)
            {
                problem = $"The credentials file {found.Path} has {(fileAk == null ? "sk" : "ak")} but no {(fileAk == null ? "ak" : "sk")} in its [{CredentialsFile.Section}] section: "
                    + "an access key needs both its id and its secret.";
                return null;
            }

            string? fileToken = found["security_token"];
            var filePair = new AccessKeyCredential(
                fileAk,
                SecureStringReader.FromText(fileSk),
                fileToken == null ? null : SecureStringReader.FromText(fileToken),
                found.Source,
                found.Source);
            return new Sourced<CloudCredential>(filePair, found.Source, FileLayer);
        }

        private static Sourced<string>? FromFile(CredentialsFile? file, string key) =>
            file?[key] is string value ? new Sourced<string>(value, file.Source, FileLayer) : null;

        private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

        private static Sourced<Uri> Derive(CloudJobService service, string region, int layer, out string? problem)
        {
            Uri? uri = service.EndpointFor(region);
            problem = uri == null
                ? "The region name is not valid: it must be letters, digits and dashes, such as cn-north-4 or ap-southeast-1."
                : null;
            return uri == null ? Sourced<Uri>.Missing : new Sourced<Uri>(uri, ValueSources.Default, layer);
        }

        private static Sourced<T>? FromLayers<T>(ConnectionSettings[] layers, Func<ConnectionSettings, T?> pick)
            where T : class
        {
            for (int i = 0; i < layers.Length; i++)
            {
                if (pick(layers[i]) is T value)
                {
                    return new Sourced<T>(value, LayerName(i), i);
                }
            }

            return null;
        }

        private static Sourced<T>? FromEnvironment<T>(IReadOnlyList<string> names, Func<string, string?> environment, Func<string, T> convert)
            where T : class
        {
            foreach (string name in names)
            {
                string? value = environment(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return new Sourced<T>(convert(value!.Trim()), ValueSources.Environment(name), EnvironmentLayer);
                }
            }

            return null;
        }

        private static string LayerName(int layer) => layer == 0 ? ValueSources.Parameter : ValueSources.Session;
    }
}
