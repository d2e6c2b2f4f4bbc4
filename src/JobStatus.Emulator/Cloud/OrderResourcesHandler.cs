using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JobStatus.Emulator.Catalog;
using JobStatus.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Cloud;

/// <summary>
/// BSS's ListPayPerUseCustomerResources, <c>POST /v2/orders/suscriptions/resources/query</c> (the
/// vendor's spelling), as the module and Terraform's WaitOrderResourceComplete call it once an order
/// has completed: <c>{"order_id", "only_main_resource"}</c> in, <c>{"total_count", "data": [{"resource_id", ...}]}</c>
/// out (SDK model ListPayPerUseCustomerResourcesResponse / OrderInstanceV2). An order not completed
/// lists nothing yet, as the real one does until its resources exist.
/// </summary>
internal static class OrderResourcesHandler
{
    public const string Path = "/v2/orders/suscriptions/resources/query";

    public static bool Handles(string rawTarget) => rawTarget == Path || rawTarget.StartsWith(Path + "?", StringComparison.Ordinal);

    /// <summary>The body, up to 64 KiB (a resource query is a few dozen bytes).</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, System.Threading.CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while (buffer.Length < 65536 && (read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static async Task AnswerAsync(HttpContext context, EmulatorState state, byte[] body)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await CloudResponseWriter.WriteErrorAsync(context, 405, "CBC.00405001", $"Method {context.Request.Method} is not allowed on this API; use POST.");
            return;
        }

        string? orderId = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("order_id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                orderId = id.GetString();
            }
        }
        catch (JsonException)
        {
        }

        if (string.IsNullOrEmpty(orderId))
        {
            // Invented code in BSS's error_code/error_msg shape.
            await CloudResponseWriter.WriteErrorAsync(context, 400, "CBC.00400001", "The request body must be JSON with an order_id.");
            return;
        }

        var now = state.Now;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var order = state.FindJob(EmulatedServices.Find("Order").Api, null, null, orderId);
            bool completed = order is not null && order.IsFinishedAt(now) && order.StatusAt(now) == order.Service.SuccessStatus;
            writer.WriteNumber("total_count", completed ? 1 : 0);
            writer.WriteStartArray("data");
            if (completed)
            {
                writer.WriteStartObject();
                writer.WriteString("id", "res-" + orderId);
                writer.WriteString("resource_id", order!.ResourceId ?? ResourceIdOf(orderId));
                writer.WriteString("resource_name", "ecs-" + orderId.ToLowerInvariant());
                writer.WriteString("region_code", "cn-north-4");
                writer.WriteString("service_type_code", "hws.service.type.ec2");
                writer.WriteString("resource_type_code", "hws.resource.type.vm");
                writer.WriteNumber("is_main_resource", 1);
                writer.WriteNumber("status", 2);
                writer.WriteString("effective_time", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await CloudResponseWriter.WriteJsonAsync(context, 200, buffer.ToArray());
    }

    /// <summary>A server id in the form ECS gives, the same for the same order (invented).</summary>
    public static string ResourceIdOf(string orderId)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("order:" + orderId));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
