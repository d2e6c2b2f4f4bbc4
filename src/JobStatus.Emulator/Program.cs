using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using JobStatus.Emulator.Auth;
using JobStatus.Emulator.Catalog;
using JobStatus.Emulator.Hosting;
using JobStatus.Emulator.Model;
using JobStatus.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JobStatus.Emulator;

/// <summary>Entry point: parse, load the scenario, listen, announce the address, run until told to stop.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = EmulatorOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteAsync(EmulatorOptions.Usage);
            return 2;
        }

        if (options.ShowHelp)
        {
            await Console.Out.WriteAsync(EmulatorOptions.Usage);
            return 0;
        }

        if (EmulatedServices.Problems.Count > 0)
        {
            // A service in the module's catalog that the emulator does not play is a build mistake, not a runtime surprise.
            foreach (var problem in EmulatedServices.Problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            return 1;
        }

        EmulatorState state;
        try
        {
            var scenario = options.ScenarioPath is null ? null : ScenarioLoader.Load(options.ScenarioPath);
            var auth = new AuthRegistry(TimeProvider.System, options.TokenLifetimeSeconds, options.AccessKeys, options.Users);
            state = new EmulatorState(TimeProvider.System, options.Tokens, scenario, auth);
        }
        catch (InvalidSpecException e)
        {
            await Console.Error.WriteLineAsync($"Cannot load scenario {options.ScenarioPath}: {e.Message}");
            return 1;
        }

        await using var app = EmulatorApp.Build(options, state);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
            return 1;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.SingleOrDefault();
        var expected = options.Https ? "https://127.0.0.1:" : "http://127.0.0.1:";
        if (address is null || !address.StartsWith(expected, StringComparison.Ordinal))
        {
            // Never serve on anything but loopback, whatever the environment tried to add.
            await Console.Error.WriteLineAsync($"Refusing to run: listening on [{string.Join(", ", addresses)}], expected one 127.0.0.1 address.");
            await app.StopAsync();
            return 1;
        }

        // The one line on stdout; tests read the port from it.
        Console.Out.WriteLine($"JobStatus emulator listening on {address}");
        Console.Out.Flush();

        if (options.ExitOnStdinClose)
        {
            StdinWatcher.Start(app.Lifetime);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
}
