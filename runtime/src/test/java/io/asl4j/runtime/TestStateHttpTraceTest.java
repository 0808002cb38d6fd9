package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.runtime.services.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TestState at TRACE shows an HTTP task's exchange ({@code request}, {@code response}); what its
 * EventBridge connection adds only with {@code revealSecrets}.
 */
class TestStateHttpTraceTest {
  private static final String CONNECTION = "arn:aws:events:us-east-1:123456789012:connection/api/1";

  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  private static TestStateResult test(String level, boolean reveal) {
    AwsServices services = AwsServices.create(1);
    services
        .http()
        .handler(
            request ->
                new Http.Response(
                    200, Map.of("Content-Type", "application/json"), "{\"ok\":true}"));
    services
        .http()
        .connection(
            CONNECTION,
            new Http.Connection(Map.of("Authorization", "Bearer s3cret"), Map.of(), Map.of()));
    JsonNode request =
        json(
            "{'definition':{'Type':'Task','Resource':'arn:aws:states:::http:invoke','End':true,"
                + "'Parameters':{'ApiEndpoint':'https://api.example.com/orders','Method':'POST',"
                + "'Authentication':{'ConnectionArn':'"
                + CONNECTION
                + "'},'Headers':{'Accept':'application/json'},"
                + "'RequestBody':{'id':'o-1'}}},'input':{},'inspectionLevel':'"
                + level
                + "','revealSecrets':"
                + reveal
                + "}");
    TestState.Builder builder = TestState.fromRequest(request);
    services.handlers().forEach(builder::handler);
    return builder.run();
  }

  @Test
  void traceShowsTheHttpRequestAndResponseWithoutTheConnectionsSecrets() {
    TestStateResult result = test("TRACE", false);

    assertEquals(
        json(
            "{'protocol':'https','method':'POST','url':'https://api.example.com/orders',"
                + "'headers':'Accept: application/json\\nContent-Type: application/json; charset=UTF-8','body':'{\\\"id\\\":\\\"o-1\\\"}'}"),
        result.inspectionData().get("request"));
    assertEquals(
        json(
            "{'protocol':'https','statusCode':'200','statusMessage':'OK','headers':'Content-Type: application/json',"
                + "'body':'{\\\"ok\\\":true}'}"),
        result.inspectionData().get("response"));
  }

  @Test
  void revealSecretsShowsTheRequestAsSentWithWhatTheConnectionAdded() {
    TestStateResult result = test("TRACE", true);

    assertEquals(
        "Accept: application/json\nAuthorization: Bearer s3cret\nContent-Type: application/json; charset=UTF-8",
        result.inspectionData().get("request").get("headers").asText());
  }

  @Test
  void debugShowsNoHttpExchange() {
    TestStateResult result = test("DEBUG", true);

    assertEquals(
        json(
            "{'input':{},'afterInputPath':{},'afterParameters':{'ApiEndpoint':'https://api.example.com/orders','Method':'POST',"
                + "'Authentication':{'ConnectionArn':'"
                + CONNECTION
                + "'},'Headers':{'Accept':'application/json'},'RequestBody':{'id':'o-1'}},"
                + "'result':{'Headers':{'content-type':['application/json']},'ResponseBody':{'ok':true},'StatusCode':'200','StatusText':'OK'},"
                + "'afterResultSelector':{'Headers':{'content-type':['application/json']},'ResponseBody':{'ok':true},'StatusCode':'200','StatusText':'OK'},"
                + "'afterResultPath':{'Headers':{'content-type':['application/json']},'ResponseBody':{'ok':true},'StatusCode':'200','StatusText':'OK'}}"),
        result.inspectionData());
  }
}
