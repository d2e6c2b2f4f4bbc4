using System;
using System.Text.RegularExpressions;

namespace JobStatus.Connection
{
    /// <summary>Which host serves a service in a region, and which endpoints may carry credentials.</summary>
    internal static class EndpointRules
    {
        private static readonly Regex RegionName = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        /// <summary>https://{hostLabel}.{region}.myhuaweicloud.com, except eu-west-101 (myhuaweicloud.eu).</summary>
        /// <returns>Null when the name cannot be a region (it would change the host).</returns>
        public static Uri? ForRegion(string region, string hostLabel = "cfw")
        {
            string name = region.Trim().ToLowerInvariant();
            if (name.Length == 0 || name.Length > 63 || !RegionName.IsMatch(name))
            {
                return null;
            }

            string domain = name == "eu-west-101" ? "myhuaweicloud.eu" : "myhuaweicloud.com";
            return new Uri($"https://{hostLabel}.{name}.{domain}");
        }

        /// <returns>Why the endpoint cannot be used, or null when it can.</returns>
        public static string? Check(Uri endpoint)
        {
            if (!endpoint.IsAbsoluteUri)
            {
                return "The endpoint must be an absolute URL such as https://cfw.cn-north-4.myhuaweicloud.com.";
            }

            if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
            {
                return $"The endpoint must use https (or http for a local emulator), not '{endpoint.Scheme}'.";
            }

            if (!string.IsNullOrEmpty(endpoint.UserInfo))
            {
                return "The endpoint must not contain a user name or password; give credentials with -Token or Connect-CloudJobService.";
            }

            if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                return "The endpoint must not contain a query string or fragment.";
            }

            return null;
        }

        /// <summary>True when credentials would cross the network in clear text.</summary>
        public static bool IsUnencryptedRemote(Uri endpoint) =>
            endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback;

        /// <summary>The endpoint as shown to people: scheme, host and port only.</summary>
        public static string Display(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);
    }
}
