using System;
using JobStatus.Connection;

namespace JobStatus
{
    /// <summary>What the next call would use and where each value came from. Holds no secret.</summary>
    public sealed class CloudJobContext
    {
        public CloudJobContext(ResolvedContext resolved, bool isConnected)
        {
            ProjectId = resolved.ProjectId.Value;
            ProjectIdSource = resolved.ProjectId.Source;
            Region = resolved.Region.Value;
            RegionSource = resolved.Region.Source;
            Endpoint = resolved.Endpoint.Value;
            EndpointSource = resolved.Endpoint.Source;
            AuthenticationMethod = resolved.AuthenticationMethod;
            TokenSource = resolved.Token.Source;
            IsConnected = isConnected;
            Problem = resolved.TryCreateConnection(allowUnencryptedAuthentication: true, out ConnectionProblem? problem) == null ? problem?.Message : null;
        }

        public string? ProjectId { get; }

        public string ProjectIdSource { get; }

        public string? Region { get; }

        public string RegionSource { get; }

        public Uri? Endpoint { get; }

        public string EndpointSource { get; }

        public string AuthenticationMethod { get; }

        public string TokenSource { get; }

        /// <summary>True when Connect-CloudJobService stored values for this session.</summary>
        public bool IsConnected { get; }

        /// <summary>Why a call with these values would fail before sending anything, if it would.</summary>
        public string? Problem { get; }
    }
}
