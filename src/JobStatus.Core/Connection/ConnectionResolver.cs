using System;
using System.Collections.Generic;
using System.Security;

namespace JobStatus.Connection
{
    /// <summary>
    /// Finds each connection value: the parameter, then the session, then the environment variables
    /// the vendor's tools already use. First match wins.
    /// </summary>
    public static class ConnectionResolver
    {
        public static readonly IReadOnlyList<string> TokenVariables = new[] { "HW_AUTH_TOKEN", "OS_AUTH_TOKEN", "OS_TOKEN" };

        public static readonly IReadOnlyList<string> ProjectVariables = new[] { "HW_PROJECT_ID", "OS_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID" };

        public static readonly IReadOnlyList<string> RegionVariables = new[] { "HW_REGION_NAME", "OS_REGION_NAME" };

        private const int EnvironmentLayer = 2;

        /// <param name="environment">Reads an environment variable; null or blank means unset.</param>
        public static ResolvedContext Resolve(ConnectionSettings parameters, ConnectionSettings? session, Func<string, string?> environment)
        {
            ConnectionSettings[] layers = session == null ? new[] { parameters } : new[] { parameters, session };

            Sourced<SecureString> token = FromLayers(layers, s => s.Token)
                ?? FromEnvironment(TokenVariables, environment, SecureStringReader.FromText)
                ?? Sourced<SecureString>.Missing;
            Sourced<string> projectId = FromLayers(layers, s => s.ProjectId)
                ?? FromEnvironment(ProjectVariables, environment, v => v)
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
                    endpoint = Derive(layers[i].Region!, i, out problem);
                    break;
                }
            }

            if (endpoint.Value == null && problem == null && region.Value != null && region.Layer == EnvironmentLayer)
            {
                endpoint = Derive(region.Value, EnvironmentLayer, out problem);
            }

            return new ResolvedContext(token, projectId, region, endpoint, problem);
        }

        private static Sourced<Uri> Derive(string region, int layer, out string? problem)
        {
            Uri? uri = EndpointRules.ForRegion(region);
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
