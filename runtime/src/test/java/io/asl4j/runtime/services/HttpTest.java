package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.run;
import static io.asl4j.runtime.services.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.runtime.Execution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTest {
  private static final String CONNECTION = "arn:aws:events:us-east-1:123456789012:connection/api/1";

  @Test
  void invokeSendsTheRequestToThePluggedEndpointAndAnswersWithAwssShapeBodyParsed() {
    AwsServices services = AwsServices.create();
    services.http().handler(request ->
        new Http.Response(200, Map.of("Content-Type", "application/json"), "{\"id\":\"o-1\",\"status\":\"PAID\"}"));
    Execution execution = run(task("arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/orders','Method':'GET','Authentication':{'ConnectionArn':'" + CONNECTION + "'},"
            + "'Headers':{'Accept':'application/json'},'QueryParameters':{'id':'o-1','q':'a b'}}"), services, "{}");

    assertEquals(json("{'Headers':{'content-type':['application/json']},'ResponseBody':{'id':'o-1','status':'PAID'},"
        + "'StatusCode':'200','StatusText':'OK'}"), execution.output());
    assertEquals(List.of(new Http.Request("GET", "https://api.example.com/orders?id=o-1&q=a+b",
        Map.of("Accept", "application/json"), null)), services.http().requests());
  }

  @Test
  void aJsonRequestBodyIsSentAsJsonTextAndAFormBodyUrlEncoded() {
    AwsServices services = AwsServices.create();
    services.http().handler(request -> new Http.Response(201, Map.of(), "created"));
    Execution json = run(task("arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/orders','Method':'POST','RequestBody':{'id':'o-1'}}"), services, "{}");
    run(task("arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/form','Method':'post','RequestBody':{'a':'1 2','b':['x','y']},"
            + "'Transform':{'RequestBodyEncoding':'URL_ENCODED'}}"), services, "{}");

    assertEquals(json("{'Headers':{},'ResponseBody':'created','StatusCode':'201','StatusText':'Created'}"), json.output());
    List<Http.Request> requests = services.http().requests();
    assertEquals(new Http.Request("POST", "https://api.example.com/orders",
        Map.of("Content-Type", "application/json; charset=UTF-8"), "{\"id\":\"o-1\"}"), requests.get(0));
    assertEquals(new Http.Request("POST", "https://api.example.com/form",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=1+2&b=x&b=y"), requests.get(1));
  }

  @Test
  void aStatusOutsideTwoHundredsFailsWithTheStatusCodeError() {
    AwsServices services = AwsServices.create();
    services.http().handler(request -> new Http.Response(404, Map.of(), "{\"message\":\"no order\"}"));
    Execution execution = run(task("arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/orders/9','Method':'GET'}"), services, "{}");

    assertEquals("States.Http.StatusCode.404", execution.error());
    assertEquals("{\"Headers\":{},\"ResponseBody\":{\"message\":\"no order\"},\"StatusCode\":\"404\",\"StatusText\":\"Not Found\"}",
        execution.cause());
  }

  @Test
  void withoutAnEndpointTheTaskFailsSayingHowToPlugOneIn() {
    Execution execution = run(task("arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com','Method':'GET'}"), AwsServices.create(), "{}");

    assertEquals("States.Http.Socket", execution.error());
    assertEquals("No HTTP endpoint is set up for https://api.example.com; plug one in with AwsServices.http().handler(...)",
        execution.cause());
  }
}
