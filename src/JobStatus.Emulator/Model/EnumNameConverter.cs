using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>Reads and writes an enum as its camelCase member name (<c>isoOffset</c>, <c>html503</c>).</summary>
/// <remarks>Unlike JsonStringEnumConverter, reading ignores case (PowerShell users write
/// <c>IsoOffset</c>), refuses numbers, and a wrong value says which values exist.</remarks>
internal sealed class EnumNameConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = BuildNames();

    private static readonly Dictionary<string, TEnum> Values = BuildValues();

    /// <summary>The name as JSON spells it (camel case).</summary>
    public static string NameOf(TEnum value) => Names[value];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Values.TryGetValue(text, out var value))
        {
            return value;
        }

        var found = reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : reader.TokenType.ToString();
        throw new JsonException($"{found} is not one of: {string.Join(", ", Names.Values)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Names[value]);

    private static Dictionary<TEnum, string> BuildNames()
    {
        var names = new Dictionary<TEnum, string>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            names[value] = JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
        }

        return names;
    }

    private static Dictionary<string, TEnum> BuildValues()
    {
        var values = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Names)
        {
            values[pair.Value] = pair.Key;
        }

        return values;
    }
}
