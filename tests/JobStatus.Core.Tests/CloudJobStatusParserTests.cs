using JobStatus.Services;

namespace JobStatus.Tests
{
    /// <summary>The CFW status map: the words the module read before services had maps of their own.</summary>
    public class CloudJobStatusParserTests
    {
        [Theory]
        [InlineData("Running", CloudJobStatus.Running)]
        [InlineData("running", CloudJobStatus.Running)]
        [InlineData("RUNNING", CloudJobStatus.Running)]
        [InlineData("  Running\t", CloudJobStatus.Running)]
        [InlineData("Success", CloudJobStatus.Success)]
        [InlineData("SUCCESS", CloudJobStatus.Success)]
        [InlineData(" success ", CloudJobStatus.Success)]
        [InlineData("Failed", CloudJobStatus.Failed)]
        [InlineData("failed", CloudJobStatus.Failed)]
        [InlineData(" FAILED ", CloudJobStatus.Failed)]
        [InlineData("FAIL", CloudJobStatus.Failed)]
        [InlineData("fail", CloudJobStatus.Failed)]
        public void Known_states_are_read_in_any_case_and_spacing(string raw, CloudJobStatus expected)
        {
            Assert.Equal(expected, CloudJobServices.Default.Statuses.Parse(raw));
        }

        [Theory]
        [InlineData("INIT")]
        [InlineData("Pending")]
        [InlineData("PENDING")]
        [InlineData("Completed")]
        [InlineData("Succeeded")]
        [InlineData("Run ning")]
        [InlineData("Failure")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        public void Other_states_are_unknown_never_guessed_as_finished(string? raw)
        {
            Assert.Equal(CloudJobStatus.Unknown, CloudJobServices.Default.Statuses.Parse(raw));
        }
    }
}
