using System;
using System.Collections.Generic;
using System.Text.Json;

namespace JobStatus.Parsing
{
    /// <summary>Reads the dotted paths of a <see cref="Services.JobShape"/>: from the job object, or from the top of the answer when the path starts with '/'.</summary>
    internal static class JsonPath
    {
        public static bool TryGet(JsonElement root, JsonElement job, string path, out JsonElement value)
        {
            value = path.StartsWith("/", StringComparison.Ordinal) ? root : job;
            int start = path.StartsWith("/", StringComparison.Ordinal) ? 1 : 0;
            while (start <= path.Length)
            {
                int dot = path.IndexOf('.', start);
                string name = dot < 0 ? path.Substring(start) : path.Substring(start, dot - start);
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
                {
                    return false;
                }

                if (dot < 0)
                {
                    return true;
                }

                start = dot + 1;
            }

            return false;
        }

        /// <summary>A string, number or boolean at the path, as text; null when absent, blank or of another kind.</summary>
        public static string? Text(JsonElement root, JsonElement job, string path) =>
            TryGet(root, job, path, out JsonElement value) ? Scalar(value) : null;

        /// <summary>The text of the first path that has one.</summary>
        public static string? FirstText(JsonElement root, JsonElement job, IReadOnlyList<string> paths)
        {
            foreach (string path in paths)
            {
                if (Text(root, job, path) is string text)
                {
                    return text;
                }
            }

            return null;
        }

        /// <summary>The texts at the path: one for a scalar, each scalar of an array; an array met on the
        /// way is looked into element by element (entities.resource_id over a list of entities).</summary>
        public static IEnumerable<string> Texts(JsonElement root, JsonElement job, string path)
        {
            bool fromRoot = path.StartsWith("/", StringComparison.Ordinal);
            string[] names = (fromRoot ? path.Substring(1) : path).Split('.');
            var found = new List<string>();
            Collect(fromRoot ? root : job, names, 0, found);
            return found;
        }

        private static void Collect(JsonElement value, string[] names, int index, List<string> found)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Collect(item, names, index, found);
                }

                return;
            }

            if (index == names.Length)
            {
                if (Scalar(value) is string text)
                {
                    found.Add(text);
                }

                return;
            }

            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(names[index], out JsonElement next))
            {
                Collect(next, names, index + 1, found);
            }
        }

        /// <summary>A string (not blank), number or boolean as text; null for anything else.</summary>
        public static string? Scalar(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    string? s = value.GetString();
                    return string.IsNullOrWhiteSpace(s) ? null : s;
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return value.GetRawText();
                default:
                    return null;
            }
        }
    }
}
