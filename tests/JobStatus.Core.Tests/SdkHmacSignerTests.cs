using System;
using System.Collections.Generic;
using System.Text;
using JobStatus.Connection.Signing;

namespace JobStatus.Tests
{
    /// <summary>SDK-HMAC-SHA256 against the vendor's published vectors, and the canonical-request rules around them.</summary>
    public class SdkHmacSignerTests
    {
        private static readonly byte[] NoBody = Array.Empty<byte>();

        [Fact]
        public void Reproduces_the_Go_SDK_test_vector()
        {
            string authorization = SdkHmacSigner.Authorization(
                "AccessKey",
                Encoding.UTF8.GetBytes("SecretKey"),
                "GET",
                new Uri("https://example.huaweicloud.com/path?limit=1").AbsolutePath,
                new Uri("https://example.huaweicloud.com/path?limit=1").Query,
                Headers(("X-Sdk-Date", "20060102T150405Z")),
                NoBody);

            Assert.Equal(
                "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
                authorization);
        }

        [Fact]
        public void Reproduces_the_signing_guide_vector()
        {
            var uri = new Uri("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
            string authorization = SdkHmacSigner.Authorization(
                "AK-of-the-guide",
                Encoding.UTF8.GetBytes("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"),
                "GET",
                uri.AbsolutePath,
                uri.Query,
                Headers(("Content-Type", "application/json"), ("Host", "service.region.example.com"), ("X-Sdk-Date", "20191115T033655Z")),
                NoBody);

            Assert.EndsWith(
                "SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
                authorization);
            Assert.StartsWith("SDK-HMAC-SHA256 Access=AK-of-the-guide, ", authorization);
        }

        [Fact]
        public void The_canonical_request_of_the_guide_has_every_line_in_place()
        {
            string canonical = SdkHmacSigner.CanonicalRequest(
                "get",
                "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                "?marker=13551d6b-755d-4757-b956-536f674975c0&limit=2",
                Headers(("X-Sdk-Date", "20191115T033655Z"), ("Host", " service.region.example.com "), ("content-type", "application/json")),
                NoBody);

            Assert.Equal(
                "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
                + "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n"
                + "content-type;host;x-sdk-date\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                canonical);
        }

        [Theory]
        [InlineData("/v3/p/jobs/j", "/v3/p/jobs/j/")]
        [InlineData("/v3/p/jobs/j/", "/v3/p/jobs/j/")]
        [InlineData("", "/")]
        [InlineData("/", "/")]
        [InlineData("/v3/p/jobs/a%20b", "/v3/p/jobs/a%20b/")]
        [InlineData("/v3/p/jobs/a%2Fb", "/v3/p/jobs/a%2Fb/")]
        [InlineData("/v3/p/jobs/..%2Fx", "/v3/p/jobs/..%2Fx/")]
        [InlineData("/v3/p/jobs/%E4%BB%BB%E5%8A%A1", "/v3/p/jobs/%E4%BB%BB%E5%8A%A1/")]
        [InlineData("/v3/p/jobs/a+b~c_d.e-f", "/v3/p/jobs/a%2Bb~c_d.e-f/")]
        [InlineData("/v3/p/jobs/%7e%21", "/v3/p/jobs/~%21/")]
        public void Paths_are_encoded_segment_by_segment_with_a_trailing_slash(string rawPath, string canonical)
        {
            Assert.Equal(canonical, SdkHmacSigner.CanonicalPath(rawPath));
        }

        [Theory]
        [InlineData("", "")]
        [InlineData("?", "")]
        [InlineData("?b=2&a=1", "a=1&b=2")]
        [InlineData("a=2&a=1", "a=1&a=2")]
        [InlineData("?name=a%20b&x=y+z", "name=a%20b&x=y%20z")]
        [InlineData("?flag&k=", "flag=&k=")]
        [InlineData("?m%C3%BC=%2F", "m%C3%BC=%2F")]
        public void Query_strings_are_sorted_and_encoded(string rawQuery, string canonical)
        {
            Assert.Equal(canonical, SdkHmacSigner.CanonicalQuery(rawQuery));
        }

        [Fact]
        public void A_body_is_hashed_into_the_last_line()
        {
            string canonical = SdkHmacSigner.CanonicalRequest("POST", "/v3/auth/tokens", string.Empty, Headers(("X-Sdk-Date", "20191115T033655Z")), Encoding.UTF8.GetBytes("abc"));

            Assert.EndsWith("\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", canonical);
        }

        [Fact]
        public void Any_change_to_the_request_changes_the_signature()
        {
            byte[] key = Encoding.UTF8.GetBytes("SecretKey");
            string Sign(string method, string path, string query, string date, string body) => SdkHmacSigner.Authorization(
                "AK", key, method, path, query, Headers(("X-Sdk-Date", date), ("Host", "h")), Encoding.UTF8.GetBytes(body));

            string original = Sign("GET", "/v3/p/jobs/j", string.Empty, "20260101T000000Z", string.Empty);
            Assert.NotEqual(original, Sign("POST", "/v3/p/jobs/j", string.Empty, "20260101T000000Z", string.Empty));
            Assert.NotEqual(original, Sign("GET", "/v3/p/jobs/k", string.Empty, "20260101T000000Z", string.Empty));
            Assert.NotEqual(original, Sign("GET", "/v3/p/jobs/j", "?a=1", "20260101T000000Z", string.Empty));
            Assert.NotEqual(original, Sign("GET", "/v3/p/jobs/j", string.Empty, "20260101T000001Z", string.Empty));
            Assert.NotEqual(original, Sign("GET", "/v3/p/jobs/j", string.Empty, "20260101T000000Z", "x"));
            Assert.Equal(original, Sign("GET", "/v3/p/jobs/j/", string.Empty, "20260101T000000Z", string.Empty));
        }

        [Fact]
        public void Signing_without_X_Sdk_Date_is_refused()
        {
            Assert.Throws<ArgumentException>(() => SdkHmacSigner.Authorization("AK", new byte[] { 1 }, "GET", "/", string.Empty, Headers(("Host", "h")), NoBody));
        }

        [Fact]
        public void The_date_is_basic_ISO_8601_in_UTC()
        {
            Assert.Equal("20191115T033655Z", SdkHmacSigner.FormatDate(new DateTimeOffset(2019, 11, 15, 11, 36, 55, TimeSpan.FromHours(8))));
        }

        private static List<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers)
        {
            var list = new List<KeyValuePair<string, string>>();
            foreach ((string name, string value) in headers)
            {
                list.Add(new KeyValuePair<string, string>(name, value));
            }

            return list;
        }
    }
}
