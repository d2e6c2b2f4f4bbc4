using System;

namespace JobStatus.Connection
{
    /// <summary>The names of where a value came from, and how to say them in a sentence.</summary>
    internal static class ValueSources
    {
        public const string Parameter = "Parameter";
        public const string Session = "Session";
        public const string Default = "Default";
        public const string None = "None";

        private const string EnvironmentPrefix = "Environment:";
        private const string FilePrefix = "File:";

        public static string Environment(string variable) => EnvironmentPrefix + variable;

        /// <summary>A value read from the SDK credentials file at <paramref name="path"/>.</summary>
        public static string File(string path) => FilePrefix + path;

        /// <summary>"-Token", "the session (Connect-CloudJobService)" or "environment variable HW_AUTH_TOKEN".</summary>
        public static string Describe(string source, string parameterName)
        {
            if (source.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            {
                return "environment variable " + source.Substring(EnvironmentPrefix.Length);
            }

            if (source.StartsWith(FilePrefix, StringComparison.Ordinal))
            {
                return "the credentials file " + source.Substring(FilePrefix.Length);
            }

            return source switch
            {
                Parameter => "-" + parameterName,
                Session => "the session (Connect-CloudJobService)",
                _ => source,
            };
        }
    }
}
