using System;
using System.Management.Automation;
using JobStatus.Client;
using JobStatus.Connection;

namespace JobStatus.Errors
{
    /// <summary>Turns the engine's failures into ErrorRecords whose ids name the reason.</summary>
    internal static class CloudJobErrorRecords
    {
        public static ErrorRecord ForFailure(CloudJobFailure failure, object? target)
        {
            (string id, ErrorCategory category) = failure.Kind switch
            {
                CloudJobFailureKind.InvalidId => ("CloudJobInvalidId", ErrorCategory.InvalidArgument),
                CloudJobFailureKind.UnknownService => ("CloudJobServiceUnknown", ErrorCategory.InvalidArgument),
                CloudJobFailureKind.DomainMissing => ("CloudJobDomainMissing", ErrorCategory.InvalidArgument),
                CloudJobFailureKind.DomainInvalid => ("CloudJobDomainInvalid", ErrorCategory.InvalidArgument),
                CloudJobFailureKind.OwnerMissing => ("CloudJobOwnerMissing", ErrorCategory.InvalidArgument),
                CloudJobFailureKind.NotFound => ("CloudJobNotFound", ErrorCategory.ObjectNotFound),
                CloudJobFailureKind.InvalidResponse => ("CloudJobInvalidResponse", ErrorCategory.InvalidData),
                CloudJobFailureKind.ConnectionFailed => ("CloudJobConnectionFailed", ErrorCategory.ConnectionError),
                CloudJobFailureKind.Timeout => ("CloudJobRequestTimeout", ErrorCategory.OperationTimeout),
                CloudJobFailureKind.Throttled => ("CloudJobThrottled", ErrorCategory.LimitsExceeded),
                CloudJobFailureKind.ServiceError => ("CloudJobServiceError", ErrorCategory.ResourceUnavailable),
                CloudJobFailureKind.BadRequest => ("CloudJobBadRequest", ErrorCategory.InvalidArgument),
                CloudJobFailureKind.AuthenticationFailed => ("CloudJobAuthenticationFailed", ErrorCategory.AuthenticationError),
                CloudJobFailureKind.PermissionDenied => ("CloudJobPermissionDenied", ErrorCategory.PermissionDenied),
                CloudJobFailureKind.RedirectRefused => ("CloudJobRedirectRefused", ErrorCategory.SecurityError),
                CloudJobFailureKind.CertificateRejected => ("CloudJobCertificateInvalid", ErrorCategory.SecurityError),
                CloudJobFailureKind.UnexpectedStatus => ("CloudJobUnexpectedResponse", ErrorCategory.InvalidResult),
                _ => ("CloudJobUnexpectedError", ErrorCategory.NotSpecified),
            };
            return new ErrorRecord(new CloudJobException(failure), id, category, target ?? failure.JobId);
        }

        public static ErrorRecord ForProblem(ConnectionProblem problem)
        {
            (string id, ErrorCategory category) = problem.Kind switch
            {
                ConnectionProblemKind.TokenMissing => ("CloudJobTokenMissing", ErrorCategory.AuthenticationError),
                ConnectionProblemKind.TokenInvalid => ("CloudJobTokenInvalid", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.CredentialIncomplete => ("CloudJobCredentialIncomplete", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.CredentialInvalid => ("CloudJobCredentialInvalid", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.ProjectMissing => ("CloudJobProjectMissing", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.ProjectInvalid => ("CloudJobProjectInvalid", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.EndpointMissing => ("CloudJobEndpointMissing", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.RegionInvalid => ("CloudJobRegionInvalid", ErrorCategory.InvalidArgument),
                ConnectionProblemKind.EndpointInvalid => ("CloudJobEndpointInvalid", ErrorCategory.InvalidArgument),
                _ => ("CloudJobUnencryptedAuthentication", ErrorCategory.SecurityError),
            };
            return new ErrorRecord(new CloudJobException(problem.Message), id, category, null);
        }

        public static ErrorRecord Custom(string message, string id, ErrorCategory category, object? target) =>
            new ErrorRecord(new CloudJobException(message), id, category, target);
    }
}
