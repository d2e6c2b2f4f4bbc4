using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>How the emulated gateway treats a token; each state maps to one real APIGW answer.</summary>
[JsonConverter(typeof(EnumNameConverter<TokenState>))]
internal enum TokenState
{
    Valid,

    /// <summary>401 APIGW.0301 "token expires".</summary>
    Expired,

    /// <summary>403 APIGW.0302.</summary>
    Forbidden,
}
