using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using JobStatus.Emulator.Cloud;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Auth;

/// <summary><c>POST /v3/auth/tokens</c> with the password method, as IAM answers it: 201, the token in
/// X-Subject-Token, its expiry in <c>token.expires_at</c>; refusals in Keystone's error shape.</summary>
internal static class IamTokenHandler
{
    public const string Path = "/v3/auth/tokens";

    private const int MaximumBody = 64 * 1024;

    public static bool Handles(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return (queryStart >= 0 ? rawTarget.Substring(0, queryStart) : rawTarget) == Path;
    }

    public static async Task AnswerAsync(HttpContext context, AuthRegistry auth)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, 405, "Method Not Allowed", $"Method {context.Request.Method} is not allowed on this API; use POST.");
            return;
        }

        if (await ReadSignInAsync(context.Request) is not { } request)
        {
            await WriteErrorAsync(context, 400, "Bad Request", "The request body is not a password authentication request.");
            return;
        }

        var result = auth.SignIn(request.Domain, request.Name, request.Password, request.ProjectId, request.ProjectName);
        if (ReferenceEquals(result, SignInResult.WrongPassword))
        {
            await WriteErrorAsync(context, 401, "Unauthorized", "The username or password is wrong.");
            return;
        }

        if (ReferenceEquals(result, SignInResult.NoSuchProject))
        {
            await WriteErrorAsync(context, 400, "Bad Request", "The project in the scope does not exist or the user has no access to it.");
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CloudResponseWriter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("token");
            json.WriteString("expires_at", Time(result.ExpiresAt));
            json.WriteString("issued_at", Time(result.IssuedAt));
            json.WriteStartArray("methods");
            json.WriteStringValue("password");
            json.WriteEndArray();
            json.WriteStartObject("project");
            json.WriteString("id", result.ProjectId);
            json.WriteString("name", result.ProjectName);
            json.WriteEndObject();
            json.WriteStartObject("user");
            json.WriteString("name", result.UserName);
            json.WriteStartObject("domain");
            // IAM's answer names the account by id and name; the id is what account-wide services take.
            json.WriteString("id", DomainIdOf(result.Domain ?? string.Empty));
            json.WriteString("name", result.Domain);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        context.Response.Headers["X-Subject-Token"] = result.Token;
        await CloudResponseWriter.WriteJsonAsync(context, 201, buffer.ToArray());
    }

    /// <summary>IAM writes microseconds: 2020-01-04T09:05:22.701000Z.</summary>
    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static Task WriteErrorAsync(HttpContext context, int status, string title, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CloudResponseWriter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteNumber("code", status);
            json.WriteString("message", message);
            json.WriteString("title", title);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return CloudResponseWriter.WriteJsonAsync(context, status, buffer.ToArray());
    }

    private static async Task<SignInRequest?> ReadSignInAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            body.Write(chunk, 0, read);
            if (body.Length > MaximumBody)
            {
                return null;
            }
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var auth = document.RootElement.GetProperty("auth");
            var identity = auth.GetProperty("identity");
            var methodIsPassword = false;
            foreach (var method in identity.GetProperty("methods").EnumerateArray())
            {
                methodIsPassword |= method.GetString() == "password";
            }

            var user = identity.GetProperty("password").GetProperty("user");
            var project = auth.GetProperty("scope").GetProperty("project");
            var signIn = new SignInRequest(
                user.GetProperty("domain").GetProperty("name").GetString() ?? string.Empty,
                user.GetProperty("name").GetString() ?? string.Empty,
                user.GetProperty("password").GetString() ?? string.Empty,
                project.TryGetProperty("id", out var id) ? id.GetString() : null,
                project.TryGetProperty("name", out var name) ? name.GetString() : null);
            return methodIsPassword && (signIn.ProjectId is not null || signIn.ProjectName is not null) ? signIn : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The emulated account's id: 32 hex characters, the same for the same account name
    /// (IAM's ids have this form; the value is invented).</summary>
    public static string DomainIdOf(string domainName) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("domain:" + domainName)), 0, 16);

    private sealed record SignInRequest(string Domain, string Name, string Password, string? ProjectId, string? ProjectName);
}
