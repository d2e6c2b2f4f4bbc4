using System;
using System.Collections.Generic;
using System.Text.Json;

namespace JobStatus.Parsing
{
    /// <summary>Turns a 200 body of GET /v3/{project_id}/jobs/{job_id} into a <see cref="CloudJob"/>.</summary>
    public static class CloudJobResponseParser
    {
        /// <summary>Where the job was read from; copied onto every job object.</summary>
        public readonly struct Origin
        {
            public Origin(string projectId, string? region, Uri endpoint, string? requestId, DateTimeOffset retrievedAt)
            {
                ProjectId = projectId;
                Region = region;
                Endpoint = endpoint;
                RequestId = requestId;
                RetrievedAt = retrievedAt;
            }

            public string ProjectId { get; }

            public string? Region { get; }

            public Uri Endpoint { get; }

            public string? RequestId { get; }

            public DateTimeOffset RetrievedAt { get; }
        }

        /// <summary>Parses the body.</summary>
        /// <param name="notes">Receives remarks on fields that were present but unreadable (kept as null).</param>
        /// <param name="problem">Why the body is not a job answer, when the result is null.</param>
        public static CloudJob? Parse(string body, string requestedId, Origin origin, IList<string> notes, out string? problem)
        {
            problem = null;
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
                if (!root.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Object)
                {
                    ServiceError error = ServiceError.Read(text);
                    problem = error.Code != null || error.Message != null
                        ? $"the answer has no 'data' object (the service said {error.Describe()})"
                        : "the answer has no 'data' object";
                    return null;
                }

                string? rawStatus = ServiceError.Text(data, "status");
                if (rawStatus == null)
                {
                    problem = "the answer's 'data' object has no 'status'";
                    return null;
                }

                string id = ServiceError.Text(data, "id") ?? requestedId;
                DateTimeOffset? begin = ReadTime(data, "begin_time", notes);
                DateTimeOffset? end = ReadTime(data, "end_time", notes);

                // Some regions put error_code / error_msg at the top; other job APIs use fail_reason.
                string? errorCode = ServiceError.Text(root, "error_code") ?? ServiceError.Text(data, "error_code");
                string? errorMessage = ServiceError.Text(root, "error_msg")
                    ?? ServiceError.Text(data, "error_msg")
                    ?? ServiceError.Text(data, "fail_reason");

                return new CloudJob(
                    id,
                    CloudJobStatusParser.Parse(rawStatus),
                    rawStatus,
                    begin,
                    end,
                    errorCode,
                    errorMessage,
                    origin.ProjectId,
                    origin.Region,
                    origin.Endpoint,
                    origin.RequestId,
                    origin.RetrievedAt);
            }
        }

        private static DateTimeOffset? ReadTime(JsonElement data, string name, IList<string> notes)
        {
            if (!data.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            if (JobTimeParser.TryParse(value, out DateTimeOffset? time))
            {
                return time;
            }

            notes.Add($"'{name}' value {Shorten(value.GetRawText())} is not a time JobStatus can read; it is left empty.");
            return null;
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
