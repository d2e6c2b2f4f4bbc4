using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace JobStatus.Services
{
    /// <summary>
    /// A second request, made once a job has succeeded, that names what it made: a yearly/monthly
    /// order's answer holds no resource id, so its resources are looked up by order id as the vendor's
    /// Terraform provider does (WaitOrderResourceComplete: POST /v2/orders/suscriptions/resources/query
    /// with {"order_id", "only_main_resource": 1}, then data[].resource_id).
    /// </summary>
    internal sealed class ResourceLookup
    {
        /// <param name="path">The POST path, from the endpoint's root.</param>
        /// <param name="idField">The body field that takes the job (order) id.</param>
        /// <param name="fixedFields">Other body fields, integers, as the vendor's provider sends them.</param>
        /// <param name="list">The answer's array of resources.</param>
        /// <param name="resourceId">Each entry's resource id field.</param>
        public ResourceLookup(string path, string idField, IReadOnlyList<KeyValuePair<string, int>> fixedFields, string list, string resourceId)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            IdField = idField ?? throw new ArgumentNullException(nameof(idField));
            FixedFields = fixedFields ?? Array.Empty<KeyValuePair<string, int>>();
            List = list ?? throw new ArgumentNullException(nameof(list));
            ResourceId = resourceId ?? throw new ArgumentNullException(nameof(resourceId));
        }

        public string Path { get; }

        public string IdField { get; }

        public IReadOnlyList<KeyValuePair<string, int>> FixedFields { get; }

        public string List { get; }

        public string ResourceId { get; }

        public Uri UriFor(Uri endpoint) => new Uri(endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/') + Path);

        /// <summary>The JSON body for one job id.</summary>
        public byte[] Body(string jobId)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString(IdField, jobId);
                foreach (KeyValuePair<string, int> field in FixedFields)
                {
                    writer.WriteNumber(field.Key, field.Value);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>The resource ids of a 200 answer, in its order; null when it is not such an answer.</summary>
        public IReadOnlyList<string>? Read(string body)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty(List, out JsonElement entries)
                    || entries.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                var ids = new List<string>();
                foreach (JsonElement entry in entries.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(ResourceId, out JsonElement id)
                        && id.ValueKind == JsonValueKind.String && id.GetString() is string text && text.Length > 0 && !ids.Contains(text))
                    {
                        ids.Add(text);
                    }
                }

                return ids;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
