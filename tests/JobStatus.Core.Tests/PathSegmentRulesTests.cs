using JobStatus.Connection;

namespace JobStatus.Tests
{
    public class PathSegmentRulesTests
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" ")]
        [InlineData("\t\r\n")]
        public void Empty_and_blank_ids_are_refused(string? value)
        {
            Assert.Equal("The job id is empty.", PathSegmentRules.Check(value, "job id"));
        }

        [Theory]
        [InlineData(".")]
        [InlineData("..")]
        public void Dot_segments_are_refused(string value)
        {
            string? problem = PathSegmentRules.Check(value, "job id");

            Assert.NotNull(problem);
            Assert.Contains("URL path", problem);
        }

        [Fact]
        public void One_hundred_twenty_eight_characters_are_accepted_and_one_more_is_not()
        {
            Assert.Null(PathSegmentRules.Check(new string('a', 128), "job id"));

            string? problem = PathSegmentRules.Check(new string('a', 129), "job id");
            Assert.NotNull(problem);
            Assert.Contains("129", problem);
            Assert.Contains("128", problem);
        }

        [Theory]
        [InlineData("a\nb")]
        [InlineData("a\rb")]
        [InlineData("a\tb")]
        [InlineData("\0")]
        [InlineData("ab\u001b[31m")]
        [InlineData("a\u007fb")]
        [InlineData("a\u0085b")]
        public void Control_characters_are_refused(string value)
        {
            string? problem = PathSegmentRules.Check(value, "project id");

            Assert.NotNull(problem);
            Assert.Contains("project id", problem);
            Assert.Contains("control character", problem);
        }

        [Theory]
        [InlineData("f588ce71-e26c-400d-8981-f854355f6849")]
        [InlineData("...")]
        [InlineData(".x")]
        [InlineData("../x")]
        [InlineData("a/b?c#d")]
        [InlineData("%2e%2e")]
        [InlineData("job ü 字")]
        public void Anything_else_is_accepted_because_it_is_escaped(string value)
        {
            Assert.Null(PathSegmentRules.Check(value, "job id"));
        }
    }
}
