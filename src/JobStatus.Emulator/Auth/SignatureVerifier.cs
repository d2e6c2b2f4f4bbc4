using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Auth;

/// <summary>Checks SDK-HMAC-SHA256 signatures as the gateway does, from the raw request target and
/// the headers as received. Written apart from the module's signer on purpose: a shared mistake
/// would otherwise sign and verify alike and no test could see it.</summary>
internal static class SignatureVerifier
{
    public const string Scheme = "SDK-HMAC-SHA256";

    /// <summary>How far X-Sdk-Date may be from the emulator's clock, either way.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private const string Prefix = "Incorrect IAM authentication information: ";

    public static bool IsSigned(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(Scheme + " ", StringComparison.Ordinal);

    /// <returns>Null when the signature is good; otherwise the gateway's error_msg.</returns>
    /// <param name="body">The request's body, as signed (BSS's resource query is a POST); empty for a GET.</param>
    public static string? Verify(HttpRequest request, string rawTarget, AuthRegistry auth, DateTimeOffset now, byte[]? body = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in request.Headers.Authorization.ToString().Substring(Scheme.Length + 1).Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                fields[part.Substring(0, equals).Trim()] = part.Substring(equals + 1).Trim();
            }
        }

        if (!fields.TryGetValue("Access", out var access) || !fields.TryGetValue("SignedHeaders", out var signedList)
            || !fields.TryGetValue("Signature", out var signature) || access.Length == 0)
        {
            return Prefix + "Authorization header format error";
        }

        if (auth.UseKey(access) is not { } key)
        {
            return Prefix + $"ak {access} not exist";
        }

        var signedNames = signedList.Split(';');
        if (!signedNames.Contains("host") || !signedNames.Contains("x-sdk-date"))
        {
            return Prefix + "verify aksk signature fail";
        }

        if (!DateTimeOffset.TryParseExact(
                request.Headers["X-Sdk-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || (now - date).Duration() > AllowedSkew)
        {
            return Prefix + "x-sdk-date is missing, malformed or more than 15 minutes from the server time";
        }

        if (key.SecurityToken is not null
            && (request.Headers["X-Security-Token"].ToString() != key.SecurityToken || !signedNames.Contains("x-security-token")))
        {
            return Prefix + "verify security token fail";
        }

        var expected = Sign(key.SecretKey, request, rawTarget, signedNames, request.Headers["X-Sdk-Date"].ToString(), body ?? Array.Empty<byte>());
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : Prefix + "verify aksk signature fail";
    }

    private static string Sign(string secretKey, HttpRequest request, string rawTarget, string[] signedNames, string date, byte[] body)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart >= 0 ? rawTarget.Substring(0, queryStart) : rawTarget;
        var query = queryStart >= 0 ? rawTarget.Substring(queryStart + 1) : string.Empty;

        var canonicalPath = string.Join('/', path.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s))));
        if (!canonicalPath.EndsWith('/'))
        {
            canonicalPath += "/";
        }

        var canonicalQuery = string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => (Name: Escape(p[0]), Value: Escape(p.Length > 1 ? p[1] : string.Empty)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

        var canonical = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(canonicalPath).Append('\n')
            .Append(canonicalQuery).Append('\n');
        foreach (var name in signedNames)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonical.Append(name).Append(':').Append(value?.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedNames)).Append('\n');
        canonical.Append(Convert.ToHexStringLower(SHA256.HashData(body)));

        var stringToSign = $"{Scheme}\n{date}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Escape(string raw) => Uri.EscapeDataString(Uri.UnescapeDataString(raw.Replace('+', ' ')));
}
