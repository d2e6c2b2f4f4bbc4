using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using JobStatus.Emulator.Catalog;
using JobStatus.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Cloud;

/// <summary>Writes answers in the shapes the real gateway and service use.</summary>
internal static class CloudResponseWriter
{
    /// <summary>Spelled like the gateway does, not like ASP.NET's default.</summary>
    public const string JsonContentType = "application/json;charset=UTF-8";

    public const string HtmlContentType = "text/html";

    /// <summary>The service writes "+0800" and "&lt;", not "\u002B0800": escape only what JSON requires.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteJsonAsync(HttpContext context, int status, byte[] body) =>
        WriteAsync(context, status, JsonContentType, body);

    public static Task WriteHtmlAsync(HttpContext context, int status, string html) =>
        WriteAsync(context, status, HtmlContentType, Encoding.UTF8.GetBytes(html));

    /// <summary><c>{"error_code","error_msg","request_id"}</c>, the gateway's error shape.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string errorCode, string errorMsg)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("error_code", errorCode);
            writer.WriteString("error_msg", errorMsg);
            writer.WriteString("request_id", RequestIdMiddleware.Get(context));
            writer.WriteEndObject();
        }

        return WriteJsonAsync(context, status, buffer.ToArray());
    }

    /// <summary>An error of a job API itself (not the gateway's), in that API's own shape.</summary>
    public static Task WriteServiceErrorAsync(HttpContext context, int status, ErrorShape shape, string errorCode, string errorMsg)
    {
        if (shape == ErrorShape.Gateway)
        {
            return WriteErrorAsync(context, status, errorCode, errorMsg);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (shape == ErrorShape.Nested)
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", errorCode);
                writer.WriteString("message", errorMsg);
                writer.WriteEndObject();
            }
            else if (shape == ErrorShape.CamelCase)
            {
                // The order of CCE's documented example.
                writer.WriteString("errorMessage", errorMsg);
                writer.WriteString("errorCode", errorCode);
            }
            else if (shape == ErrorShape.CodeMessage)
            {
                writer.WriteString("code", errorCode);
                writer.WriteString("message", errorMsg);
            }
            else if (shape == ErrorShape.ErrCodeMsg)
            {
                writer.WriteString("errCode", errorCode);
                writer.WriteString("errMsg", errorMsg);
            }
            else
            {
                writer.WriteString("error_code", errorCode);
                writer.WriteString("error_msg", errorMsg);
            }

            writer.WriteEndObject();
        }

        return WriteJsonAsync(context, status, buffer.ToArray());
    }

    public static Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return body.Length == 0
            ? Task.CompletedTask
            : context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }
}
