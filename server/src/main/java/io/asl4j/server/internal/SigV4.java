package io.asl4j.server.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 as AWS does for one access key: a request signed with another
 * key is refused with {@code UnrecognizedClientException}, one whose signature does not match with
 * {@code InvalidSignatureException}.
 */
public final class SigV4 {
  private final String accessKey;
  private final String secretKey;

  public SigV4(String accessKey, String secretKey) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  void verify(HttpExchange exchange, byte[] body) {
    Headers headers = exchange.getRequestHeaders();
    String authorization = headers.getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
      throw new ApiException("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2) {
        switch (pair[0]) {
          case "Credential" -> credential = pair[1];
          case "SignedHeaders" -> signedHeaders = pair[1];
          case "Signature" -> signature = pair[1];
          default -> {}
        }
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      throw new ApiException(
          "IncompleteSignatureException",
          "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !scope[0].equals(accessKey)) {
      throw new ApiException(
          "UnrecognizedClientException", "The security token included in the request is invalid.");
    }
    String amzDate = headers.getFirst("X-Amz-Date");
    StringBuilder canonical = new StringBuilder();
    canonical.append(exchange.getRequestMethod()).append('\n');
    String path = exchange.getRequestURI().getRawPath();
    canonical.append(path == null || path.isEmpty() ? "/" : path).append('\n');
    String query = exchange.getRequestURI().getRawQuery();
    canonical.append(query == null ? "" : canonicalQuery(query)).append('\n');
    for (String name : signedHeaders.split(";")) {
      List<String> values = headers.get(name);
      List<String> trimmed = new ArrayList<>();
      if (values != null) {
        for (String value : values) {
          trimmed.add(value.trim().replaceAll(" +", " "));
        }
      }
      canonical
          .append(name.toLowerCase(Locale.ROOT))
          .append(':')
          .append(String.join(",", trimmed))
          .append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(hex(sha256(body)));
    String scopeText = String.join("/", scope[1], scope[2], scope[3], scope[4]);
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scopeText
            + "\n"
            + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope[1]);
    key = hmac(key, scope[2]);
    key = hmac(key, scope[3]);
    key = hmac(key, scope[4]);
    String expected = hex(hmac(key, toSign));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiException(
          "InvalidSignatureException",
          "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
              + " Access Key and signing method. Consult the service documentation for details.");
    }
  }

  private static String canonicalQuery(String query) {
    List<String> pairs = new ArrayList<>(List.of(query.split("&")));
    java.util.Collections.sort(pairs);
    return String.join("&", pairs);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
