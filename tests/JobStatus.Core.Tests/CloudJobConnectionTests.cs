using System;
using System.Linq;
using JobStatus.Connection;

namespace JobStatus.Tests
{
    public class CloudJobConnectionTests
    {
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";

        [Fact]
        public void Builds_the_URL_of_the_API_page_example()
        {
            Uri uri = Connection("https://cfw.cn-north-4.myhuaweicloud.com").JobUri("f588ce71-e26c-400d-8981-f854355f6849");

            Assert.Equal(
                "https://cfw.cn-north-4.myhuaweicloud.com/v3/09bb24e6fe80d23d2fa2c010b53b418c/jobs/f588ce71-e26c-400d-8981-f854355f6849",
                uri.AbsoluteUri);
        }

        [Theory]
        [InlineData("../x", "..%2Fx")]
        [InlineData("../../v3/other/jobs/x", "..%2F..%2Fv3%2Fother%2Fjobs%2Fx")]
        [InlineData("a/b?c", "a%2Fb%3Fc")]
        [InlineData("a#b", "a%23b")]
        [InlineData("%2e%2e", "%252e%252e")]
        [InlineData("%2F", "%252F")]
        [InlineData("a b", "a%20b")]
        [InlineData(" lead and trail ", "%20lead%20and%20trail%20")]
        [InlineData("a\\b", "a%5Cb")]
        [InlineData("job-ü-字-🙂", "job-%C3%BC-%E5%AD%97-%F0%9F%99%82")]
        [InlineData("...", "...")]
        [InlineData("a.", "a.")]
        [InlineData("a;b=c&d", "a%3Bb%3Dc%26d")]
        public void A_job_id_is_exactly_one_percent_encoded_path_segment(string jobId, string segment)
        {
            Uri uri = Connection("https://cfw.cn-north-4.myhuaweicloud.com").JobUri(jobId);

            Assert.Equal($"/v3/{ProjectId}/jobs/{segment}", uri.AbsolutePath);
            Assert.Equal($"https://cfw.cn-north-4.myhuaweicloud.com/v3/{ProjectId}/jobs/{segment}", uri.AbsoluteUri);
            Assert.Equal(5, uri.Segments.Length);
            Assert.Equal(jobId, Uri.UnescapeDataString(uri.Segments.Last()));
            Assert.Equal(string.Empty, uri.Query);
            Assert.Equal(string.Empty, uri.Fragment);
            Assert.Equal("cfw.cn-north-4.myhuaweicloud.com", uri.Host);
        }

        [Fact]
        public void The_project_id_is_one_segment_too()
        {
            Uri uri = Connection("https://cfw.cn-north-4.myhuaweicloud.com", projectId: "a/../b?").JobUri("x");

            Assert.Equal("/v3/a%2F..%2Fb%3F/jobs/x", uri.AbsolutePath);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/proxy/", "http://127.0.0.1:5000/proxy/v3/")]
        [InlineData("http://127.0.0.1:5000/proxy", "http://127.0.0.1:5000/proxy/v3/")]
        [InlineData("http://127.0.0.1:5000/a/b/", "http://127.0.0.1:5000/a/b/v3/")]
        [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/v3/")]
        [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/v3/")]
        [InlineData("http://[::1]:5000/", "http://[::1]:5000/v3/")]
        [InlineData("https://cfw.eu-west-101.myhuaweicloud.eu:443/", "https://cfw.eu-west-101.myhuaweicloud.eu/v3/")]
        public void The_endpoint_base_path_is_kept(string endpoint, string prefix)
        {
            Uri uri = Connection(endpoint).JobUri("../x");

            Assert.Equal($"{prefix}{ProjectId}/jobs/..%2Fx", uri.AbsoluteUri);
        }

        private static CloudJobConnection Connection(string endpoint, string projectId = ProjectId) =>
            new CloudJobConnection(
                new Uri(endpoint),
                projectId,
                null,
                new TokenAuthenticator(SecureStringReader.FromText("token-value")),
                "Parameter");
    }
}
