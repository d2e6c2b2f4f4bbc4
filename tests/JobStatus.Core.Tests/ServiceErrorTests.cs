using JobStatus.Parsing;

namespace JobStatus.Tests
{
    public class ServiceErrorTests
    {
        [Fact]
        public void Reads_error_code_message_and_request_id()
        {
            ServiceError error = ServiceError.Read(
                "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\",\"request_id\":\"req-1\"}");

            Assert.Equal("APIGW.0308", error.Code);
            Assert.Equal("The throttling threshold has been reached", error.Message);
            Assert.Equal("req-1", error.RequestId);
            Assert.Null(error.BodyDescription);
            Assert.Equal("APIGW.0308: The throttling threshold has been reached", error.Describe());
        }

        [Fact]
        public void Falls_back_to_code_and_message_as_the_vendor_SDK_does()
        {
            ServiceError error = ServiceError.Read("{\"code\":\"CFW.00200005\",\"message\":\"Invalid job id\"}");

            Assert.Equal("CFW.00200005", error.Code);
            Assert.Equal("Invalid job id", error.Message);
            Assert.Equal("CFW.00200005: Invalid job id", error.Describe());
        }

        [Fact]
        public void Error_code_and_error_msg_win_over_code_and_message()
        {
            ServiceError error = ServiceError.Read(
                "{\"code\":\"other\",\"message\":\"other text\",\"error_code\":\"APIGW.0301\",\"error_msg\":\"token expires\"}");

            Assert.Equal("APIGW.0301", error.Code);
            Assert.Equal("token expires", error.Message);
        }

        [Fact]
        public void Describes_a_code_or_a_message_alone()
        {
            Assert.Equal("APIGW.0302", ServiceError.Read("{\"error_code\":\"APIGW.0302\"}").Describe());
            Assert.Equal("Forbidden", ServiceError.Read("{\"error_msg\":\"Forbidden\",\"error_code\":\"  \"}").Describe());
        }

        [Fact]
        public void A_JSON_object_without_error_fields_has_no_details()
        {
            ServiceError error = ServiceError.Read("{\"trace_id\":\"t\"}");

            Assert.Null(error.Code);
            Assert.Null(error.Message);
            Assert.Equal("no details", error.Describe());
        }

        [Fact]
        public void An_HTML_page_is_described_by_its_title()
        {
            ServiceError error = ServiceError.Read(
                "<html><head><title>\n  503 Service Temporarily Unavailable </title></head><body><h1>503</h1></body></html>");

            Assert.Null(error.Code);
            Assert.Null(error.Message);
            Assert.Equal("an HTML page titled '503 Service Temporarily Unavailable'", error.Describe());
        }

        [Fact]
        public void An_HTML_page_without_a_title_is_still_named_as_HTML()
        {
            Assert.Equal("an HTML page", ServiceError.Read("<html><body>Bad gateway</body></html>").Describe());
            Assert.Equal("an HTML page", ServiceError.Read("  <!DOCTYPE html><p>oops</p>").Describe());
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  \r\n ")]
        public void An_empty_body_is_named_as_such(string? body)
        {
            ServiceError error = ServiceError.Read(body);

            Assert.Null(error.Code);
            Assert.Equal("an empty body", error.Describe());
        }

        [Theory]
        [InlineData("Service Unavailable")]
        [InlineData("[\"error\"]")]
        public void Text_that_is_neither_JSON_nor_HTML_is_named_as_such(string body)
        {
            ServiceError error = ServiceError.Read(body);

            Assert.Null(error.Code);
            Assert.Null(error.Message);
            Assert.Equal("a body that is neither JSON nor HTML", error.Describe());
        }

        [Fact]
        public void Broken_JSON_is_named_as_such()
        {
            Assert.Equal("a body that is not valid JSON", ServiceError.Read("{\"error_code\": \"APIGW").Describe());
        }

        [Theory]
        [InlineData("{\"errorMessage\":\"Resource not found\",\"errorCode\":\"CCE.01404001\"}", "CCE.01404001: Resource not found")]
        [InlineData("{\"error\":{\"code\":\"X.0404\",\"message\":\"no such job\"}}", "X.0404: no such job")]
        public void Reads_the_camel_case_and_nested_error_shapes_of_CCE_and_the_ECS_family(string body, string expected) =>
            Assert.Equal(expected, ServiceError.Read(body).Describe());
    }
}
