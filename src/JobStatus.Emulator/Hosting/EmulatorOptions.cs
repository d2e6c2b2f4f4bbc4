using System;
using System.Collections.Generic;
using System.Globalization;
using JobStatus.Emulator.Auth;

namespace JobStatus.Emulator.Hosting;

/// <summary>The command line. Parsed by hand: ASP.NET's configuration binder would also take
/// unknown switches and environment variables, and nothing outside these options may change where
/// the emulator listens.</summary>
internal sealed class EmulatorOptions
{
    public const string Usage =
        """
        Usage: JobStatus.Emulator [--port N] [--https] [--scenario FILE] [--token TOKEN]... [--access-key AK:SK[:SECURITY_TOKEN]]...
                                  [--user DOMAIN:NAME:PASSWORD]... [--token-lifetime SECONDS] [--verbose] [--exit-on-stdin-close]

          --port N               Port on 127.0.0.1 to listen on; 0 (default) picks a free one.
          --https                Serve https with a self-signed certificate made at start (trusted
                                 by nobody: for testing certificate checks).
          --scenario FILE        JSON with tokens, jobs and faults to load at startup and on reset.
                                 A relative path is tried from the current directory, then next to
                                 the emulator's dll (e.g. scenarios/demo.json).
          --token TOKEN          An accepted X-Auth-Token; repeatable. Without any, 'emulator-token'
                                 is accepted.
          --access-key AK:SK[:SECURITY_TOKEN]
                                 An access key pair whose SDK-HMAC-SHA256 signatures are accepted
                                 (with a security token: a temporary key that must send it as
                                 X-Security-Token); repeatable.
          --user DOMAIN:NAME:PASSWORD
                                 An IAM user that may sign in with POST /v3/auth/tokens; repeatable.
                                 The password is what follows the second colon.
          --token-lifetime SECONDS
                                 How long tokens issued by POST /v3/auth/tokens live (default 86400).
          --verbose              Log one line per request to stderr.
          --exit-on-stdin-close  Exit when standard input reaches end-of-file, so the emulator dies
                                 with the test process that started it.
          --help                 Show this text.

        Prints one line to stdout once it listens:
          JobStatus emulator listening on http://127.0.0.1:PORT   (https://... with --https)

        """;

    public int Port { get; private set; }

    public string? ScenarioPath { get; private set; }

    public List<string> Tokens { get; } = new();

    public bool Https { get; private set; }

    public List<AccessKeySpec> AccessKeys { get; } = new();

    public List<UserSpec> Users { get; } = new();

    public double TokenLifetimeSeconds { get; private set; } = 86400;

    public bool Verbose { get; private set; }

    public bool ExitOnStdinClose { get; private set; }

    public bool ShowHelp { get; private set; }

    /// <summary>Accepts <c>--name value</c> and <c>--name=value</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = arg.Substring(equals + 1);
                arg = arg.Substring(0, equals);
            }

            switch (arg)
            {
                case "--port":
                    var portText = inlineValue ?? ValueAfter(args, ref i, arg);
                    if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        throw new ArgumentException($"--port needs a number from 0 to 65535, not '{portText}'.");
                    }

                    options.Port = port;
                    break;
                case "--scenario":
                    options.ScenarioPath = inlineValue ?? ValueAfter(args, ref i, arg);
                    break;
                case "--token":
                    var token = inlineValue ?? ValueAfter(args, ref i, arg);
                    if (token.Length == 0)
                    {
                        throw new ArgumentException("--token needs a non-empty value.");
                    }

                    options.Tokens.Add(token);
                    break;
                case "--access-key":
                    var keyText = inlineValue ?? ValueAfter(args, ref i, arg);
                    var keyParts = keyText.Split(':', 3);
                    if (keyParts.Length < 2 || keyParts[0].Length == 0 || keyParts[1].Length == 0)
                    {
                        throw new ArgumentException("--access-key needs AK:SK or AK:SK:SECURITY_TOKEN.");
                    }

                    options.AccessKeys.Add(new AccessKeySpec { AccessKey = keyParts[0], SecretKey = keyParts[1], SecurityToken = keyParts.Length > 2 ? keyParts[2] : null });
                    break;
                case "--user":
                    var userText = inlineValue ?? ValueAfter(args, ref i, arg);
                    var userParts = userText.Split(':', 3);
                    if (userParts.Length < 3 || userParts[0].Length == 0 || userParts[1].Length == 0 || userParts[2].Length == 0)
                    {
                        throw new ArgumentException("--user needs DOMAIN:NAME:PASSWORD.");
                    }

                    options.Users.Add(new UserSpec { Domain = userParts[0], Name = userParts[1], Password = userParts[2] });
                    break;
                case "--token-lifetime":
                    var lifetimeText = inlineValue ?? ValueAfter(args, ref i, arg);
                    if (!double.TryParse(lifetimeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lifetime) || !(lifetime > 0))
                    {
                        throw new ArgumentException($"--token-lifetime needs a number of seconds above 0, not '{lifetimeText}'.");
                    }

                    options.TokenLifetimeSeconds = lifetime;
                    break;
                case "--https" when inlineValue is null:
                    options.Https = true;
                    break;
                case "--verbose" when inlineValue is null:
                    options.Verbose = true;
                    break;
                case "--exit-on-stdin-close" when inlineValue is null:
                    options.ExitOnStdinClose = true;
                    break;
                case "--help" or "-h" or "-?" when inlineValue is null:
                    options.ShowHelp = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        return options;
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        return args[++i];
    }
}
