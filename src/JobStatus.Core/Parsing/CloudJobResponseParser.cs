using System;
using System.Collections.Generic;
using System.Text.Json;
using JobStatus.Services;

namespace JobStatus.Parsing
{
    /// <summary>
    /// Turns a 200 body of a service's job API into a <see cref="CloudJob"/>, reading each field where
    /// the service's <see cref="JobShape"/> says it is and mapping the status with its <see cref="JobStatusMap"/>.
    /// </summary>
    internal static class CloudJobResponseParser
    {
        /// <summary>Where the job was read from; copied onto every job object.</summary>
        public readonly struct Origin
        {
            public Origin(string? projectId, string? region, Uri endpoint, string? requestId, DateTimeOffset retrievedAt, string? domainId = null, JobOwnerKind ownerKind = JobOwnerKind.None, string? ownerId = null)
            {
                DomainId = domainId;
                OwnerKind = ownerKind;
                OwnerId = ownerId;
                ProjectId = projectId;
                Region = region;
                Endpoint = endpoint;
                RequestId = requestId;
                RetrievedAt = retrievedAt;
            }

            public string? ProjectId { get; }

            public string? DomainId { get; }

            public JobOwnerKind OwnerKind { get; }

            public string? OwnerId { get; }

            public string? Region { get; }

            public Uri Endpoint { get; }

            public string? RequestId { get; }

            public DateTimeOffset RetrievedAt { get; }
        }

        /// <summary>Parses a Cloud Firewall answer.</summary>
        public static CloudJob? Parse(string body, string requestedId, Origin origin, IList<string> notes, out string? problem) =>
            Parse(CloudJobServices.Default, body, requestedId, origin, notes, out problem);

        /// <summary>Parses the body as <paramref name="service"/> lays it out.</summary>
        /// <param name="notes">Receives remarks on fields that were present but unreadable (kept as null).</param>
        /// <param name="problem">Why the body is not a job answer, when the result is null.</param>
        public static CloudJob? Parse(CloudJobService service, string body, string requestedId, Origin origin, IList<string> notes, out string? problem) =>
            Parse(service, body, requestedId, origin, notes, out problem, out _);

        /// <param name="listsNone">True when the service answers with a list (an envelope ending in "[]") that
        /// does not hold the job: its way of saying there is no such job.</param>
        public static CloudJob? Parse(CloudJobService service, string body, string requestedId, Origin origin, IList<string> notes, out string? problem, out bool listsNone)
        {
            problem = null;
            listsNone = false;
            string text = body.Trim();
            if (text.Length == 0)
            {
                problem = "the answer had an empty body";
                return null;
            }

            if (text[0] != '{')
            {
                problem = $"the answer was {ServiceError.Read(text).Describe()}, not JSON";
                return null;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                problem = $"the answer is not valid JSON ({e.Message})";
                return null;
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                JobShape shape = service.Shape;
                JsonElement job = root;
                if (shape.Envelope != null && shape.Envelope.EndsWith("[]", StringComparison.Ordinal))
                {
                    // A list answer (GeminiDB's jobs[], DMS's tasks[]): the entry of the job asked for.
                    string listPath = shape.Envelope.Substring(0, shape.Envelope.Length - 2);
                    if (!JsonPath.TryGet(root, root, listPath, out JsonElement entries) || entries.ValueKind != JsonValueKind.Array)
                    {
                        ServiceError error = ServiceError.Read(text);
                        problem = error.Code != null || error.Message != null
                            ? $"the answer has no '{listPath}' list (the service said {error.Describe()})"
                            : $"the answer has no '{listPath}' list";
                        return null;
                    }

                    if (!TryFindEntry(root, entries, shape, requestedId, out job))
                    {
                        problem = $"the answer's '{listPath}' list holds no job '{requestedId}'";
                        listsNone = true;
                        return null;
                    }
                }
                else if (shape.Envelope != null)
                {
                    if (!JsonPath.TryGet(root, root, shape.Envelope, out job) || job.ValueKind != JsonValueKind.Object)
                    {
                        ServiceError error = ServiceError.Read(text);
                        problem = error.Code != null || error.Message != null
                            ? $"the answer has no '{shape.Envelope}' object (the service said {error.Describe()})"
                            : $"the answer has no '{shape.Envelope}' object";
                        return null;
                    }
                }

                if (JsonPath.Text(root, job, shape.Status) == null)
                {
                    ServiceError error = ServiceError.Read(text);
                    string where = shape.Envelope == null ? "the answer"
                        : shape.Envelope.EndsWith("[]", StringComparison.Ordinal) ? $"the answer's '{shape.Envelope.Substring(0, shape.Envelope.Length - 2)}' entry"
                        : $"the answer's '{shape.Envelope}' object";
                    problem = error.Code != null || error.Message != null
                        ? $"{where} has no '{shape.Status}' (the service said {error.Describe()})"
                        : $"{where} has no '{shape.Status}'";
                    return null;
                }

                return Read(service, shape, root, job, requestedId, origin, notes, string.Empty);
            }
        }

        /// <summary>The list's entry whose id is the one asked for; else its only entry, when it has one (an id spelt otherwise).</summary>
        private static bool TryFindEntry(JsonElement root, JsonElement entries, JobShape shape, string requestedId, out JsonElement entry)
        {
            entry = default;
            int count = 0;
            foreach (JsonElement item in entries.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                count++;
                entry = item;
                if (string.Equals(JsonPath.FirstText(root, item, shape.Id), requestedId, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return count == 1;
        }

        private static CloudJob Read(CloudJobService service, JobShape shape, JsonElement root, JsonElement job, string fallbackId, Origin origin, IList<string> notes, string notePrefix)
        {
            string rawStatus = JsonPath.Text(root, job, shape.Status) ?? string.Empty;
            string id = JsonPath.FirstText(root, job, shape.Id) ?? fallbackId;
            DateTimeOffset? begin = ReadTime(root, job, shape.BeginTime, notes, notePrefix);
            CloudJobStatus status = service.Statuses.Parse(rawStatus);
            bool finished = status == CloudJobStatus.Success || status == CloudJobStatus.Failed;
            DateTimeOffset? end = shape.EndTimeOnceFinished && !finished ? null : ReadTime(root, job, shape.EndTime, notes, notePrefix);

            var subJobs = new List<CloudJob>();
            if (shape.SubJobs != null && JsonPath.TryGet(root, job, shape.SubJobs, out JsonElement list))
            {
                if (list.ValueKind == JsonValueKind.Array)
                {
                    JobShape subShape = shape.SubJob ?? shape;
                    int index = 0;
                    foreach (JsonElement element in list.EnumerateArray())
                    {
                        index++;
                        string where = $"{notePrefix}sub-job {index}";
                        if (element.ValueKind != JsonValueKind.Object || JsonPath.Text(root, element, subShape.Status) == null)
                        {
                            notes.Add($"{where} has no '{subShape.Status}'; it is left out of SubJobs.");
                            continue;
                        }

                        subJobs.Add(Read(service, subShape, root, element, $"{id}[{index}]", origin, notes, where + ": "));
                    }
                }
                else if (list.ValueKind != JsonValueKind.Null)
                {
                    notes.Add($"{notePrefix}'{shape.SubJobs}' is not a list; SubJobs is left empty.");
                }
            }

            var resources = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in shape.ResourceIds)
            {
                foreach (string value in JsonPath.Texts(root, job, path))
                {
                    if (seen.Add(value))
                    {
                        resources.Add(value);
                    }
                }
            }

            foreach (CloudJob sub in subJobs)
            {
                foreach (string value in sub.ResourceIds)
                {
                    if (seen.Add(value))
                    {
                        resources.Add(value);
                    }
                }
            }

            return new CloudJob(
                id,
                status,
                rawStatus,
                begin,
                end,
                JsonPath.FirstText(root, job, shape.ErrorCode),
                JsonPath.FirstText(root, job, shape.ErrorMessage),
                origin.ProjectId,
                origin.Region,
                origin.Endpoint,
                origin.RequestId,
                origin.RetrievedAt,
                service.Name,
                JsonPath.FirstText(root, job, shape.JobType),
                subJobs,
                resources,
                origin.DomainId,
                origin.OwnerKind == JobOwnerKind.Instance ? origin.OwnerId : null,
                origin.OwnerKind == JobOwnerKind.Graph ? origin.OwnerId : null,
                origin.OwnerKind == JobOwnerKind.Engine ? origin.OwnerId : null,
                origin.OwnerKind == JobOwnerKind.Environment ? origin.OwnerId : null,
                origin.OwnerKind == JobOwnerKind.Cluster ? origin.OwnerId : null);
        }

        private static DateTimeOffset? ReadTime(JsonElement root, JsonElement job, IReadOnlyList<string> paths, IList<string> notes, string notePrefix)
        {
            foreach (string path in paths)
            {
                if (!JsonPath.TryGet(root, job, path, out JsonElement value))
                {
                    continue;
                }

                if (JobTimeParser.TryParse(value, out DateTimeOffset? time))
                {
                    return time;
                }

                notes.Add($"{notePrefix}'{path.TrimStart('/')}' value {Shorten(value.GetRawText())} is not a time JobStatus can read; it is left empty.");
                return null;
            }

            return null;
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
