using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>One thing the wait has to say, in order, for the cmdlet to write on the pipeline thread.</summary>
    internal sealed class WaitOutput
    {
        private WaitOutput(WaitOutputKind kind, string? text = null, CloudJob? job = null, CloudJobFailure? failure = null, object? target = null, string? errorId = null, WaitErrorCategory category = default, bool terminating = false)
        {
            Kind = kind;
            Text = text;
            Job = job;
            Failure = failure;
            Target = target;
            ErrorId = errorId;
            Category = category;
            Terminating = terminating;
        }

        public WaitOutputKind Kind { get; }

        /// <summary>A warning's, a note's or an error's message.</summary>
        public string? Text { get; }

        /// <summary>The finished job to write.</summary>
        public CloudJob? Job { get; }

        /// <summary>For an error: the failure to read a job (its kind names the error id).</summary>
        public CloudJobFailure? Failure { get; }

        /// <summary>For an error: the job object, or the id when the job was never read.</summary>
        public object? Target { get; }

        /// <summary>For an error that is not a failure to read: CloudJobFailed, CloudJobWaitTimeout.</summary>
        public string? ErrorId { get; }

        public WaitErrorCategory Category { get; }

        /// <summary>The failure concerns every job of the command: it ends the command.</summary>
        public bool Terminating { get; }

        public static WaitOutput Finished(CloudJob job) => new WaitOutput(WaitOutputKind.Job, job: job);

        public static WaitOutput ReadFailed(CloudJobFailure failure, object target, bool terminating) =>
            new WaitOutput(WaitOutputKind.Error, failure.Message, failure: failure, target: target, terminating: terminating);

        public static WaitOutput Error(string id, WaitErrorCategory category, string text, object target) =>
            new WaitOutput(WaitOutputKind.Error, text, target: target, errorId: id, category: category);

        public static WaitOutput Warning(string text) => new WaitOutput(WaitOutputKind.Warning, text);

        public static WaitOutput Note(string text) => new WaitOutput(WaitOutputKind.Note, text);
    }

    internal enum WaitOutputKind
    {
        Job,
        Error,
        Warning,
        Note,
    }

    /// <summary>The categories of the wait's own errors; the cmdlet maps them to ErrorCategory.</summary>
    internal enum WaitErrorCategory
    {
        /// <summary>The job ended Failed.</summary>
        InvalidResult,

        /// <summary>The wait's -Timeout passed first.</summary>
        OperationTimeout,
    }
}
