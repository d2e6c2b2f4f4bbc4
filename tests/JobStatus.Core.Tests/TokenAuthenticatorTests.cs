using JobStatus.Connection;

namespace JobStatus.Tests
{
    public class TokenAuthenticatorTests
    {
        private const string Token = "MIIToken-0123456789";

        private static TokenAuthenticator Authenticator() => new TokenAuthenticator(SecureStringReader.FromText(Token));

        [Theory]
        [InlineData(Token, "***")]
        [InlineData("{\"echo\":\"" + Token + "\"}", "{\"echo\":\"***\"}")]
        [InlineData(Token + " and " + Token, "*** and ***")]
        public void Masks_the_token_wherever_it_appears(string text, string expected)
        {
            Assert.Equal(expected, Authenticator().Redact(text));
        }

        [Theory]
        [InlineData("{\"data\":{\"status\":\"Success\"}}")]
        [InlineData("MIIToken-012345678")]
        [InlineData("")]
        public void Leaves_a_text_without_the_token_as_it_is(string text)
        {
            Assert.Same(text, Authenticator().Redact(text));
        }
    }
}
