using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JobStatus.Parsing
{
    /// <summary>
    /// The error details in a response body: JSON error_code / error_msg (or code / message, as the
    /// vendor's SDK falls back to; CCE's errorCode / errorMessage; or the {"error": {code, message}}
    /// of the ECS family and Keystone), request_id; or, for gateway HTML pages, the page title.
    /// </summary>
    internal sealed class ServiceError
    {
        private static readonly Regex HtmlTitle = new Regex(
            "<title>\\s*(?<t>[^<]{1,200}?)\\s*</title>",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        private ServiceError(string? code, string? message, string? requestId, string? bodyDescription)
        {
            Code = code;
            Message = message;
            RequestId = requestId;
            BodyDescription = bodyDescription;
        }

        public string? Code { get; }

        public string? Message { get; }

        public string? RequestId { get; }

        /// <summary>Set when the body was not a JSON error: what it was instead ("an HTML page titled ...").</summary>
        public string? BodyDescription { get; }

        public static ServiceError Read(string? body)
        {
            string text = body?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                return new ServiceError(null, null, null, "an empty body");
            }

            if (text[0] == '{')
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(text);
                    if (document.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        JsonElement root = document.RootElement;
                        JsonElement nested = root.TryGetProperty("error", out JsonElement inner) ? inner : default;
                        string? code = Text(root, "error_code") ?? Text(root, "code") ?? Text(root, "errorCode") ?? Text(nested, "code");
                        string? message = Text(root, "error_msg") ?? Text(root, "message") ?? Text(root, "errorMessage") ?? Text(nested, "message");
                        return new ServiceError(code, message, Text(root, "request_id"), null);
                    }
                }
                catch (JsonException)
                {
                    return new ServiceError(null, null, null, "a body that is not valid JSON");
                }
            }

            if (text.StartsWith("<", StringComparison.Ordinal))
            {
                Match title = HtmlTitle.Match(text);
                return new ServiceError(null, null, null, title.Success ? $"an HTML page titled '{title.Groups["t"].Value}'" : "an HTML page");
            }

            return new ServiceError(null, null, null, "a body that is neither JSON nor HTML");
        }

        /// <summary>"APIGW.0308: The throttling threshold ..." or the body description.</summary>
        public string Describe()
        {
            if (Code != null || Message != null)
            {
                return Code != null && Message != null ? $"{Code}: {Message}" : (Code ?? Message)!;
            }

            return BodyDescription ?? "no details";
        }

        internal static string? Text(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement value) ? JsonPath.Scalar(value) : null;
    }
}
