using JobStatus.Connection;

namespace JobStatus.Tests
{
    public class SecureStringReaderTests
    {
        [Theory]
        [InlineData("")]
        [InlineData("MIIToken-abc")]
        [InlineData("line\r\nbreak")]
        [InlineData("tokpartone\0tokparttwo")]
        [InlineData("t\0o\0k\0e\0n\0")]
        public void Text_comes_back_exactly_as_it_went_in(string text)
        {
            Assert.Equal(text, SecureStringReader.Reveal(SecureStringReader.FromText(text)));
        }

        [Fact]
        public void The_secure_string_is_read_only()
        {
            Assert.True(SecureStringReader.FromText("abc").IsReadOnly());
        }
    }
}
