using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The <c>instance</c> object of the database services' jobs: <c>{"id","name"}</c>, both required.</summary>
internal static class DatabaseInstance
{
    public static void Write(Utf8JsonWriter writer, EmulatedJob job)
    {
        var id = job.ResourceId!;
        writer.WriteStartObject("instance");
        writer.WriteString("id", id);
        // A spec cannot set it; shaped like the example's "dds-5ff4".
        writer.WriteString("name", job.Service.Name.ToLowerInvariant() + "-" + id.Substring(0, Math.Min(4, id.Length)));
        writer.WriteEndObject();
    }
}
