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

    /// <summary>302 to <c>location</c> (default a host under <c>.invalid</c>): a client that follows it
    /// would carry the token to another host.</summary>
    Redirect,

    /// <summary>200, JSON content type, a body of <c>sizeBytes</c> (default 10 MiB) that starts like a job.</summary>
    Oversized,

    /// <summary>200 with a valid job body sent a few bytes at a time, <c>delayMs</c> apart.</summary>
    Drip,

    /// <summary>200 promising the whole job body in Content-Length, then half of it and a dropped connection.</summary>
    Truncated,

    /// <summary><c>status</c> (default 200) with <c>body</c> sent verbatim as <c>contentType</c>.</summary>
    Raw,
}
