using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>The misbehaviours of the gateway and the network between client and cloud that a
/// client must survive.</summary>
[JsonConverter(typeof(EnumNameConverter<FaultKind>))]
internal enum FaultKind
{
    /// <summary>429 APIGW.0308, without Retry-After unless the fault sets one (as observed).</summary>
    Throttle,

    Html500,
    Html502,
    Html503,
    Html504,

    /// <summary>200 with an HTML page: a captive portal or proxy answering instead of the cloud.</summary>
    Html200,

    /// <summary>200, JSON content type, truncated JSON.</summary>
    BrokenJson,

    /// <summary>200 with a JSON object that has no <c>data</c>.</summary>
    MissingData,

    EmptyBody,

    /// <summary>Waits, then answers normally.</summary>
    Slow,

    /// <summary>Any status code with a CFW-style JSON error body.</summary>
    Status,

    /// <summary>Drops the connection without answering.</summary>
    Reset,
}
