using System;
using System.IO;
using System.Text.Json;
using JobStatus.Emulator.Control;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Hosting;

/// <summary>Finds and reads a <c>--scenario</c> file.</summary>
internal static class ScenarioLoader
{
    /// <exception cref="InvalidSpecException">The file is missing, not JSON, or has unknown fields.</exception>
    public static ScenarioFile Load(string path)
    {
        var resolved = Resolve(path);
        try
        {
            using var document = JsonDocument.Parse(
                File.ReadAllBytes(resolved),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return JsonBodyReader.Deserialize(document.RootElement, EmulatorJsonContext.Relaxed.ScenarioFile, resolved);
        }
        catch (JsonException e)
        {
            throw new InvalidSpecException($"{resolved} is not valid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new InvalidSpecException($"{resolved} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The current directory first (what a user typing a path expects), then the app's
    /// folder, where the build copies the shipped scenarios.</summary>
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : throw new InvalidSpecException($"Scenario file {path} does not exist.");
        }

        var fromCurrent = Path.GetFullPath(path);
        if (File.Exists(fromCurrent))
        {
            return fromCurrent;
        }

        var fromApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        if (File.Exists(fromApp))
        {
            return fromApp;
        }

        throw new InvalidSpecException($"Scenario file {path} does not exist; looked for {fromCurrent} and {fromApp}.");
    }
}
