using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace JobStatus.Connection.Signing
{
    /// <summary>
    /// SDK-HMAC-SHA256, the request signature of the vendor's SDKs: a canonical request (method, path
    /// with a trailing slash, sorted query, signed headers, body hash) hashed into a string to sign,
    /// which is HMAC-ed with the secret key. Pure functions, so the public test vectors pin it down.
    /// </summary>
    public static class SdkHmacSigner
    {
        public const string Algorithm = "SDK-HMAC-SHA256";

        public const string DateHeader = "X-Sdk-Date";

        /// <summary>The X-Sdk-Date format: basic ISO 8601 in UTC, to the second.</summary>
        public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

        public static string FormatDate(DateTimeOffset time) =>
            time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

        /// <param name="rawPath">The path as sent (percent-encoded); each segment is decoded and encoded again by the signing rules.</param>
        /// <param name="rawQuery">The query as sent, with or without the leading '?'; empty for none.</param>
        /// <param name="signedHeaders">The headers to sign, with the values as sent.</param>
        public static string CanonicalRequest(string method, string rawPath, string rawQuery, IEnumerable<KeyValuePair<string, string>> signedHeaders, byte[] body)
        {
            List<KeyValuePair<string, string>> headers = Normalise(signedHeaders);
            var text = new StringBuilder();
            text.Append(method.ToUpperInvariant()).Append('\n');
            text.Append(CanonicalPath(rawPath)).Append('\n');
            text.Append(CanonicalQuery(rawQuery)).Append('\n');
            foreach (KeyValuePair<string, string> header in headers)
            {
                text.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            }

            text.Append('\n');
            text.Append(SignedHeaderNames(headers)).Append('\n');
            text.Append(Hex(Sha256(body)));
            return text.ToString();
        }

        public static string StringToSign(string sdkDate, string canonicalRequest) =>
            Algorithm + "\n" + sdkDate + "\n" + Hex(Sha256(Encoding.UTF8.GetBytes(canonicalRequest)));

        /// <returns>Lower-case hex of HMAC-SHA256(key = secret key, data = string to sign).</returns>
        public static string Signature(byte[] secretKey, string stringToSign)
        {
            using var hmac = new HMACSHA256(secretKey);
            return Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        }

        /// <summary>Signs a request; <paramref name="signedHeaders"/> must include X-Sdk-Date.</summary>
        /// <returns>The Authorization header value.</returns>
        public static string Authorization(
            string accessKeyId,
            byte[] secretKey,
            string method,
            string rawPath,
            string rawQuery,
            IEnumerable<KeyValuePair<string, string>> signedHeaders,
            byte[] body)
        {
            List<KeyValuePair<string, string>> headers = Normalise(signedHeaders);
            string? date = headers.FirstOrDefault(h => h.Key == "x-sdk-date").Value;
            if (date == null)
            {
                throw new ArgumentException("The signed headers must include X-Sdk-Date.", nameof(signedHeaders));
            }

            string canonical = CanonicalRequest(method, rawPath, rawQuery, headers, body);
            string signature = Signature(secretKey, StringToSign(date, canonical));
            return $"{Algorithm} Access={accessKeyId}, SignedHeaders={SignedHeaderNames(headers)}, Signature={signature}";
        }

        /// <summary>Each segment decoded, then encoded keeping only A-Z a-z 0-9 _ - ~ .; a trailing '/' added.</summary>
        public static string CanonicalPath(string rawPath)
        {
            string[] segments = (rawPath.Length == 0 ? "/" : rawPath).Split('/');
            string path = string.Join("/", segments.Select(s => Encode(Uri.UnescapeDataString(s))));
            return path.EndsWith("/", StringComparison.Ordinal) ? path : path + "/";
        }

        /// <summary>Parameters decoded ('+' is a space), sorted by name then value, encoded, joined by '&amp;'.</summary>
        public static string CanonicalQuery(string rawQuery)
        {
            string query = rawQuery.StartsWith("?", StringComparison.Ordinal) ? rawQuery.Substring(1) : rawQuery;
            if (query.Length == 0)
            {
                return string.Empty;
            }

            var pairs = new List<KeyValuePair<string, string>>();
            foreach (string part in query.Split('&'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                int equals = part.IndexOf('=');
                string name = equals < 0 ? part : part.Substring(0, equals);
                string value = equals < 0 ? string.Empty : part.Substring(equals + 1);
                pairs.Add(new KeyValuePair<string, string>(Encode(Decode(name)), Encode(Decode(value))));
            }

            return string.Join("&", pairs
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));
        }

        /// <summary>Percent-encodes every UTF-8 byte except A-Z a-z 0-9 _ - ~ . (upper-case hex).</summary>
        public static string Encode(string text)
        {
            var encoded = new StringBuilder(text.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(text))
            {
                char c = (char)b;
                bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '~' || c == '.';
                if (unreserved)
                {
                    encoded.Append(c);
                }
                else
                {
                    encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return encoded.ToString();
        }

        public static string Hex(byte[] bytes)
        {
            var hex = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static byte[] Sha256(byte[] data)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(data);
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        /// <summary>Lower-case names, trimmed values, sorted by name.</summary>
        private static List<KeyValuePair<string, string>> Normalise(IEnumerable<KeyValuePair<string, string>> headers) =>
            headers
                .Select(h => new KeyValuePair<string, string>(h.Key.Trim().ToLowerInvariant(), h.Value.Trim()))
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .ToList();

        private static string SignedHeaderNames(List<KeyValuePair<string, string>> headers) =>
            string.Join(";", headers.Select(h => h.Key));
    }
}
