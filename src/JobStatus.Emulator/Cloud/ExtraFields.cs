using System;
using System.Text.Json;

namespace JobStatus.Emulator.Cloud;

/// <summary>Fields no vendor model declares, that a client must skip: what a job with
/// <c>extraFields</c> adds to the top of its answer, whatever the service.</summary>
internal static class ExtraFields
{
    public static void WriteTopLevel(Utf8JsonWriter writer)
    {
        writer.WriteString("trace_id", Guid.NewGuid().ToString("N"));
        writer.WriteStartObject("meta");
        writer.WriteString("region", "cn-north-4");
        writer.WriteStartArray("tags");
        writer.WriteStringValue("emulated");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
