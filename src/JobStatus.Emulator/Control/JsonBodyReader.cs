using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using JobStatus.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace JobStatus.Emulator.Control;

/// <summary>Reads a control-API body that may hold one spec or an array of them.</summary>
internal static class JsonBodyReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="InvalidSpecException">The body is not JSON, or not the expected shape.</exception>
    public static async Task<List<T>> ReadOneOrManyAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, DocumentOptions, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new InvalidSpecException($"The body is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var result = new List<T>();
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    result.Add(Deserialize(root, typeInfo, "$"));
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var element in root.EnumerateArray())
                    {
                        result.Add(Deserialize(element, typeInfo, $"$[{index++}]"));
                    }

                    break;
                default:
                    throw new InvalidSpecException($"The body must be a JSON object or an array of objects, not {root.ValueKind}.");
            }

            return result;
        }
    }

    public static T Deserialize<T>(JsonElement element, JsonTypeInfo<T> typeInfo, string where)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidSpecException($"{where} must be a JSON object, not {element.ValueKind}.");
        }

        try
        {
            return element.Deserialize(typeInfo) ?? throw new InvalidSpecException($"{where} must be a JSON object.");
        }
        catch (JsonException e)
        {
            // e.Path is relative to this element; the message names the offending value or field.
            throw new InvalidSpecException($"{where}{e.Path?.TrimStart('$')}: {e.Message}", e);
        }
    }
}
