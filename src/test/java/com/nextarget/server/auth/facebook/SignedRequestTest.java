package com.nextarget.server.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextarget.server.error.ProblemException;
import com.nextarget.server.testing.SignedRequests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

    private static final String SECRET = "app-secret";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aRequestSignedWithTheAppSecretNamesItsUser() {
        String signed = SignedRequests.signed(SECRET, SignedRequests.payload("HMAC-SHA256", "10157"));
        assertThat(SignedRequest.verify(signed, SECRET).userId()).isEqualTo("10157");
    }

    @Test
    void aVectorComputedWithOpensslVerifies() {
        // printf %s "$payload" | openssl dgst -sha256 -hmac app-secret
        String payload = "eyJhbGdvcml0aG0iOiJITUFDLVNIQTI1NiIsImlzc3VlZF9hdCI6MTcwMDAwMDAwMCwidXNlcl9pZCI6IjEyMzQ1Njc4OTAxMjM0NSJ9";
        assertThat(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .isEqualTo("{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":1700000000,\"user_id\":\"123456789012345\"}");
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(
                "2947eec97cde2887db37dd4c88e449fbd31dc0be3c3be867b19e28332a02e859"));
        assertThat(SignedRequest.verify(signature + "." + payload, SECRET).userId()).isEqualTo("123456789012345");
    }

    @Test
    void theAlgorithmIsComparedWithoutRegardToCase() {
        String signed = SignedRequests.signed(SECRET, SignedRequests.payload("hmac-sha256", "42"));
        assertThat(SignedRequest.verify(signed, SECRET).userId()).isEqualTo("42");
    }

    @Test
    void partsWithTheirBase64PaddingAreAcceptedToo() {
        String json = SignedRequests.payload("HMAC-SHA256", "4");
        String payload = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        if (!payload.endsWith("=")) {
            json = json.replace("\"4\"", "\"45\"");
            payload = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(payload).endsWith("=");
        String signature = SignedRequests.signature(SECRET, payload) + "=";
        assertThat(SignedRequest.verify(signature + "." + payload, SECRET).userId()).startsWith("4");
    }

    @Test
    void aNumericUserIdIsReadAsItsDigits() {
        String signed = SignedRequests.signed(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":123456789012345678}");
        assertThat(SignedRequest.verify(signed, SECRET).userId()).isEqualTo("123456789012345678");
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefused() {
        assertRefused(SignedRequests.signed("another-secret", SignedRequests.payload("HMAC-SHA256", "1")),
                "wrong signature");
    }

    @Test
    void aChangedPayloadIsRefused() {
        String signed = SignedRequests.signed(SECRET, SignedRequests.payload("HMAC-SHA256", "1"));
        String other = SignedRequests.base64url(SignedRequests.payload("HMAC-SHA256", "2").getBytes(StandardCharsets.UTF_8));
        assertRefused(signed.substring(0, signed.indexOf('.') + 1) + other, "wrong signature");
    }

    @Test
    void aTruncatedSignatureIsRefused() {
        String signed = SignedRequests.signed(SECRET, SignedRequests.payload("HMAC-SHA256", "1"));
        assertRefused(signed.substring(4), "wrong signature");
    }

    @Test
    void anotherAlgorithmIsRefusedEvenWhenSigned() {
        assertRefused(SignedRequests.signed(SECRET, SignedRequests.payload("HMAC-SHA1", "1")), "algorithm");
        assertRefused(SignedRequests.signed(SECRET, "{\"user_id\":\"1\"}"), "algorithm");
        assertRefused(SignedRequests.signed(SECRET, "{\"algorithm\":null,\"user_id\":\"1\"}"), "algorithm");
    }

    @Test
    void aPayloadWithoutAUsableUserIdIsRefused() {
        assertRefused(SignedRequests.signed(SECRET, "{\"algorithm\":\"HMAC-SHA256\"}"), "user_id");
        assertRefused(SignedRequests.signed(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"\"}"), "user_id");
        assertRefused(SignedRequests.signed(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1 OR 1=1\"}"), "user_id");
        assertRefused(SignedRequests.signed(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":1.5}"), "user_id");
        assertRefused(SignedRequests.signed(SECRET, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":[\"1\"]}"), "user_id");
    }

    @Test
    void aSignedPayloadThatIsNotAJsonObjectIsRefused() {
        for (String json : new String[] {"not json", "[1,2]", "\"text\"", "{\"algorithm\":", ""}) {
            assertRefused(SignedRequests.signed(SECRET, json), json.isEmpty() ? "<signature>.<payload>" : "JSON");
        }
        String invalidUtf8 = SignedRequests.base64url(new byte[] {'{', (byte) 0xC3, '}'});
        assertRefused(SignedRequests.signature(SECRET, invalidUtf8) + "." + invalidUtf8, "JSON");
    }

    @Test
    void missingPartsAreRefused() {
        String signed = SignedRequests.signed(SECRET, SignedRequests.payload("HMAC-SHA256", "1"));
        String signature = signed.substring(0, signed.indexOf('.'));
        String payload = signed.substring(signed.indexOf('.') + 1);
        for (String request : new String[] {signature, payload, "." + payload, signature + ".", ".", signed + "." + payload,
                signature + ".." + payload}) {
            assertRefused(request, "<signature>.<payload>");
        }
        assertRefused(null, "missing");
    }

    @Test
    void textThatIsNotBase64UrlIsRefused() {
        String signed = SignedRequests.signed(SECRET, SignedRequests.payload("HMAC-SHA256", "1"));
        String standardAlphabet = signed.replace('-', '+').replace('_', '/');
        for (String request : new String[] {"a!b.c$d", "%%%.%%%", "abcde.abcde", "a b.cd", signed.replace(".", ".=x"),
                standardAlphabet.equals(signed) ? "+/+/.+/+/" : standardAlphabet}) {
            assertRefused(request, "base64url");
        }
    }

    @Test
    void anOverlongRequestIsRefusedBeforeAnyWork() {
        assertRefused("a".repeat(9000) + ".b", "too long");
    }

    @Test
    void theFormFieldIsReadFromAFormEncodedBody() {
        assertThat(SignedRequest.fromForm(FORM, "signed_request=abc.def")).isEqualTo("abc.def");
        assertThat(SignedRequest.fromForm(FORM + "; charset=UTF-8", "x=1&signed_request=a%2Db.c_d")).isEqualTo("a-b.c_d");
    }

    @Test
    void aBodyWithoutTheFieldOrNotFormEncodedIsRefused() {
        assertFormRefused(FORM, "", "missing");
        assertFormRefused(FORM, "signed_request=", "missing");
        assertFormRefused(FORM, "signed_request", "missing");
        assertFormRefused(FORM, "other=1", "missing");
        assertFormRefused(FORM, null, "missing");
        assertFormRefused(FORM, "signed_request=a.b&signed_request=c.d", "repeated");
        assertFormRefused(FORM, "signed_request=%zz", "URL encoding");
        assertFormRefused("application/json", "{\"signed_request\":\"a.b\"}", "form-encoded");
        assertFormRefused(null, "signed_request=a.b", "form-encoded");
        assertFormRefused(FORM, "signed_request=" + "a".repeat(9000), "too large");
    }

    private static void assertRefused(String signedRequest, String reason) {
        assertThatThrownBy(() -> SignedRequest.verify(signedRequest, SECRET))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(reason);
    }

    private static void assertFormRefused(String contentType, String body, String reason) {
        assertThatThrownBy(() -> SignedRequest.fromForm(contentType, body))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(reason);
    }
}
