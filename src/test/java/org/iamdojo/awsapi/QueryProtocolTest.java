package org.iamdojo.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.iamdojo.iam.account.AwsException;
import org.junit.jupiter.api.Test;

/**
 * The Query protocol's generic conversion: {@code Name.member.N} lists and nested structures in, AWS's XML shapes out
 * (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html; IAM's URL-encoded policy documents,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html).
 */
class QueryProtocolTest {
    @Test
    void formPairsBecomeTheOperationsJson() {
        var params = QueryProtocol.params(AwsRequest.decodeForm("Action=TagUser&Version=2010-05-08&UserName=alice"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=blue&Tags.member.2.Key=env&Tags.member.2.Value=dev"
                + "&ActionNames.member.1=s3%3AGetObject&ActionNames.member.2=s3%3APutObject"));
        assertThat(params.json().toString()).isEqualTo("{\"UserName\":\"alice\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"blue\"},"
                + "{\"Key\":\"env\",\"Value\":\"dev\"}],\"ActionNames\":[\"s3:GetObject\",\"s3:PutObject\"]}");
        assertThat(params.list("ActionNames")).containsExactly("s3:GetObject", "s3:PutObject");
    }

    @Test
    void aNameThatIsBothAListAndAStructureIsALocatedError() {
        assertThatThrownBy(() -> QueryProtocol.params(AwsRequest.decodeForm("Tags.member.1=a&Tags.member.1.Key=b")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedQueryString");
                    assertThat(e.getMessage()).contains("Tags.member.1.Key");
                });
    }

    @Test
    void responsesAndErrorsTakeAwsXmlShapes() throws Exception {
        ObjectNode result = (ObjectNode) new ObjectMapper().readTree("{\"Users\":[{\"UserName\":\"a&b\"}],\"IsTruncated\":false,"
                + "\"PolicyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\"}\",\"Marker\":null}");
        String xml = QueryProtocol.response("iam", "ListUsers", result, "req-1");
        assertThat(xml).contains("<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListUsersResult>"
                + "<Users><member><UserName>a&amp;b</UserName></member></Users><IsTruncated>false</IsTruncated>"
                + "<PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</PolicyDocument></ListUsersResult>"
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListUsersResponse>");
        assertThat(QueryProtocol.response("iam", "DeleteUser", new ObjectMapper().createObjectNode(), "r"))
                .doesNotContain("DeleteUserResult");
        assertThat(QueryProtocol.error("sts", new AwsException("ExpiredToken", 400, "expired <now>"), "r2"))
                .contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                        + "<Code>ExpiredToken</Code><Message>expired &lt;now&gt;</Message></Error><RequestId>r2</RequestId>");
    }
}
