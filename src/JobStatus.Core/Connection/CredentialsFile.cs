using System;
using System.Collections.Generic;
using System.IO;

namespace JobStatus.Connection
{
    /// <summary>
    /// The vendor SDKs' INI credentials file: HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
    /// ~/.huaweicloud/credentials. Only the [basic] section is read (ak, sk, security_token, project_id).
    /// </summary>
    internal sealed class CredentialsFile
    {
        public const string PathVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";

        public const string Section = "basic";

        private readonly Dictionary<string, string> _values;

        private CredentialsFile(string path, Dictionary<string, string> values, string? problem)
        {
            Path = path;
            _values = values;
            Problem = problem;
        }

        public string Path { get; }

        /// <summary>Why the file named by HUAWEICLOUD_SDK_CREDENTIALS_FILE cannot be read, if so.</summary>
        public string? Problem { get; }

        /// <summary>The source name of its values: File:{path}.</summary>
        public string Source => ValueSources.File(Path);

        /// <summary>A key of [basic], or null when absent or blank.</summary>
        public string? this[string key] => _values.TryGetValue(key, out string? value) && value.Length > 0 ? value : null;

        /// <summary>The file the SDKs would read, or null when there is none (the default path is optional).</summary>
        /// <param name="environment">Reads HUAWEICLOUD_SDK_CREDENTIALS_FILE and HOME (USERPROFILE on Windows).</param>
        public static CredentialsFile? Find(Func<string, string?> environment)
        {
            string? named = environment(PathVariable);
            if (!string.IsNullOrWhiteSpace(named))
            {
                string path = named!.Trim();
                return File.Exists(path)
                    ? Read(path)
                    : new CredentialsFile(path, new Dictionary<string, string>(), $"The environment variable {PathVariable} names the file {path}, which does not exist.");
            }

            string? home = environment("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = environment("USERPROFILE");
            }

            if (string.IsNullOrWhiteSpace(home))
            {
                return null;
            }

            string defaultPath = System.IO.Path.Combine(home!.Trim(), ".huaweicloud", "credentials");
            return File.Exists(defaultPath) ? Read(defaultPath) : null;
        }

        private static CredentialsFile Read(string path)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return new CredentialsFile(path, new Dictionary<string, string>(), $"The credentials file {path} cannot be read: {e.Message}");
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? section = null;
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[' && line[line.Length - 1] == ']')
                {
                    section = line.Substring(1, line.Length - 2).Trim();
                    continue;
                }

                int equals = line.IndexOf('=');
                if (equals <= 0 || !string.Equals(section, Section, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                values[line.Substring(0, equals).Trim()] = Unquote(line.Substring(equals + 1).Trim());
            }

            return new CredentialsFile(path, values, null);
        }

        private static string Unquote(string value) =>
            value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]
                ? value.Substring(1, value.Length - 2)
                : value;
    }
}
