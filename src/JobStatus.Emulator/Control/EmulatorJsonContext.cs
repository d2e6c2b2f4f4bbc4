using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using JobStatus.Emulator.Auth;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>Compile-time JSON for everything the control API and scenario files read and write;
/// the slim builder gives no reflection-based fallback.</summary>
/// <remarks>Unknown fields are refused so that a typo such as <c>runSecond</c> is a 400, not a job
/// that silently uses the default. Names are case-insensitive because PowerShell users write
/// <c>RunSeconds</c>; comments and trailing commas are allowed in hand-written scenario files.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(JobSpec))]
[JsonSerializable(typeof(FaultSpec))]
[JsonSerializable(typeof(BudgetSpec))]
[JsonSerializable(typeof(List<BudgetView>))]
[JsonSerializable(typeof(TokenSpec))]
[JsonSerializable(typeof(ScenarioFile))]
[JsonSerializable(typeof(AccessKeySpec))]
[JsonSerializable(typeof(UserSpec))]
[JsonSerializable(typeof(List<AccessKeyView>))]
[JsonSerializable(typeof(List<UserView>))]
[JsonSerializable(typeof(List<JobView>))]
[JsonSerializable(typeof(List<ServiceView>))]
[JsonSerializable(typeof(List<FaultView>))]
[JsonSerializable(typeof(List<TokenView>))]
[JsonSerializable(typeof(List<RequestLogEntry>))]
[JsonSerializable(typeof(ConnectionsView))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(ControlError))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext
{
    private static EmulatorJsonContext? relaxed;

    /// <summary>The options above plus relaxed escaping, so that messages read 'isoo', not \u0027isoo\u0027.</summary>
    /// <remarks>Built on first use: static initializers in the generated half of this class may run
    /// after ours, so <see cref="Default"/> cannot be read from one.</remarks>
    public static EmulatorJsonContext Relaxed => relaxed ??= new(
        new JsonSerializerOptions(Default.GeneratedSerializerOptions!) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
