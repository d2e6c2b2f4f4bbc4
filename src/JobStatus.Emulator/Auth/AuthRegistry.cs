using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Auth;

/// <summary>The emulated IAM: access keys, users, and the tokens issued to them with their expiry.
/// Its own lock, separate from the jobs', because every signed request and sign-in passes here.</summary>
internal sealed class AuthRegistry
{
    public const string DefaultProjectName = "cn-north-4";

    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly double defaultLifetimeSeconds;
    private readonly IReadOnlyList<AccessKeySpec> commandLineKeys;
    private readonly IReadOnlyList<UserSpec> commandLineUsers;
    private readonly Dictionary<string, KeyEntry> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Domain, string Name), UserEntry> users = new();
    private readonly Dictionary<string, DateTimeOffset> issued = new(StringComparer.Ordinal);

    public AuthRegistry(TimeProvider clock, double defaultLifetimeSeconds, IReadOnlyList<AccessKeySpec> commandLineKeys, IReadOnlyList<UserSpec> commandLineUsers)
    {
        this.clock = clock;
        this.defaultLifetimeSeconds = defaultLifetimeSeconds;
        this.commandLineKeys = commandLineKeys;
        this.commandLineUsers = commandLineUsers;
    }

    /// <summary>Back to the command line's keys and users plus the scenario's; issued tokens are forgotten.</summary>
    /// <exception cref="InvalidSpecException">An unusable entry.</exception>
    public void Reset(ScenarioFile? scenario)
    {
        lock (gate)
        {
            keys.Clear();
            users.Clear();
            issued.Clear();
            ApplyKeys(commandLineKeys);
            ApplyUsers(commandLineUsers);
            ApplyKeys(scenario?.AccessKeys ?? new List<AccessKeySpec>());
            ApplyUsers(scenario?.Users ?? new List<UserSpec>());
        }
    }

    public List<AccessKeyView> AddAccessKeys(IReadOnlyList<AccessKeySpec> specs)
    {
        lock (gate)
        {
            var added = ApplyKeys(specs);
            return added.ConvertAll(key => key.View());
        }
    }

    public List<AccessKeyView> ListAccessKeys()
    {
        lock (gate)
        {
            var result = new List<AccessKeyView>(keys.Count);
            foreach (var key in keys.Values)
            {
                result.Add(key.View());
            }

            return result;
        }
    }

    public List<UserView> AddUsers(IReadOnlyList<UserSpec> specs)
    {
        lock (gate)
        {
            var added = ApplyUsers(specs);
            return added.ConvertAll(user => user.View());
        }
    }

    public List<UserView> ListUsers()
    {
        lock (gate)
        {
            var result = new List<UserView>(users.Count);
            foreach (var user in users.Values)
            {
                result.Add(user.View());
            }

            return result;
        }
    }

    /// <summary>The secret and security token of a key, counting the request; null for an unknown key.</summary>
    public (string SecretKey, string? SecurityToken)? UseKey(string accessKey)
    {
        lock (gate)
        {
            if (!keys.TryGetValue(accessKey, out var key))
            {
                return null;
            }

            key.RequestCount++;
            return (key.SecretKey, key.SecurityToken);
        }
    }

    /// <summary>When a token this IAM issued expires; null for a token it did not issue.</summary>
    public DateTimeOffset? IssuedExpiry(string token)
    {
        lock (gate)
        {
            return issued.TryGetValue(token, out var expiry) ? expiry : null;
        }
    }

    /// <summary>Checks a password sign-in and issues a token for the project asked for.</summary>
    public SignInResult SignIn(string domain, string name, string password, string? projectId, string? projectName)
    {
        lock (gate)
        {
            if (!users.TryGetValue((domain, name), out var user) || !CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(user.Password), System.Text.Encoding.UTF8.GetBytes(password)))
            {
                if (user is not null)
                {
                    user.FailedSignInCount++;
                }

                return SignInResult.WrongPassword;
            }

            bool projectMatches = projectId is not null ? projectId == user.ProjectId : projectName == user.ProjectName;
            if (!projectMatches)
            {
                user.FailedSignInCount++;
                return SignInResult.NoSuchProject;
            }

            var now = clock.GetUtcNow();
            var token = "emu-iam-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var expires = now.AddSeconds(user.LifetimeSeconds);
            issued[token] = expires;
            user.SignInCount++;
            return new SignInResult(token, now, expires, user.ProjectId, user.ProjectName, user.Name, user.Domain);
        }
    }

    private List<KeyEntry> ApplyKeys(IReadOnlyList<AccessKeySpec> specs)
    {
        var created = new List<KeyEntry>(specs.Count);
        foreach (var spec in specs)
        {
            if (string.IsNullOrEmpty(spec.AccessKey) || string.IsNullOrEmpty(spec.SecretKey))
            {
                throw new InvalidSpecException("An access key entry needs a non-empty accessKey and secretKey.");
            }

            created.Add(new KeyEntry(spec.AccessKey, spec.SecretKey, string.IsNullOrEmpty(spec.SecurityToken) ? null : spec.SecurityToken));
        }

        foreach (var key in created)
        {
            keys[key.AccessKey] = key;
        }

        return created;
    }

    private List<UserEntry> ApplyUsers(IReadOnlyList<UserSpec> specs)
    {
        var created = new List<UserEntry>(specs.Count);
        foreach (var spec in specs)
        {
            if (string.IsNullOrEmpty(spec.Domain) || string.IsNullOrEmpty(spec.Name) || string.IsNullOrEmpty(spec.Password))
            {
                throw new InvalidSpecException("A user entry needs a non-empty domain, name and password.");
            }

            var lifetime = spec.TokenLifetimeSeconds ?? defaultLifetimeSeconds;
            if (!(lifetime > 0))
            {
                throw new InvalidSpecException($"tokenLifetimeSeconds must be more than 0, not {lifetime}.");
            }

            created.Add(new UserEntry(
                spec.Domain, spec.Name, spec.Password, spec.ProjectId ?? EmulatedJob.DefaultProjectId, spec.ProjectName ?? DefaultProjectName, lifetime));
        }

        foreach (var user in created)
        {
            users[(user.Domain, user.Name)] = user;
        }

        return created;
    }

    private sealed class KeyEntry(string accessKey, string secretKey, string? securityToken)
    {
        public string AccessKey { get; } = accessKey;

        public string SecretKey { get; } = secretKey;

        public string? SecurityToken { get; } = securityToken;

        public int RequestCount { get; set; }

        public AccessKeyView View() => new(AccessKey, SecurityToken is not null, RequestCount);
    }

    private sealed class UserEntry(string domain, string name, string password, string projectId, string projectName, double lifetimeSeconds)
    {
        public string Domain { get; } = domain;

        public string Name { get; } = name;

        public string Password { get; } = password;

        public string ProjectId { get; } = projectId;

        public string ProjectName { get; } = projectName;

        public double LifetimeSeconds { get; } = lifetimeSeconds;

        public int SignInCount { get; set; }

        public int FailedSignInCount { get; set; }

        public UserView View() => new(Domain, Name, ProjectId, ProjectName, LifetimeSeconds, SignInCount, FailedSignInCount);
    }
}
