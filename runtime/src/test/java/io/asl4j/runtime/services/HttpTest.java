package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.runTask;
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
    services
        .http()
        .handler(
            request ->
                new Http.Response(
                    200,
                    Map.of("Content-Type", "application/json"),
                    "{\"id\":\"o-1\",\"status\":\"PAID\"}"));
    Execution execution =
        runTask(
            "arn:aws:states:::http:invoke",
            "{'ApiEndpoint':'https://api.example.com/orders','Method':'GET','Authentication':{'ConnectionArn':'"
                + CONNECTION
                + "'},"
                + "'Headers':{'Accept':'application/json'},'QueryParameters':{'id':'o-1','q':'a b'}}",
            services,
            "{}");

    assertEquals(
        json(
            "{'Headers':{'content-type':['application/json']},'ResponseBody':{'id':'o-1','status':'PAID'},"
                + "'StatusCode':'200','StatusText':'OK'}"),
        execution.output());
    assertEquals(
        List.of(
            new Http.Request(
                "GET",
                "https://api.example.com/orders?id=o-1&q=a+b",
                Map.of("Accept", "application/json"),
                null)),
        services.http().requests());
  }

  @Test
  void aJsonRequestBodyIsSentAsJsonTextAndAFormBodyUrlEncoded() {
    AwsServices services = AwsServices.create();
    services.http().handler(request -> new Http.Response(201, Map.of(), "created"));
    Execution json =
        runTask(
            "arn:aws:states:::http:invoke",
            "{'ApiEndpoint':'https://api.example.com/orders','Method':'POST','RequestBody':{'id':'o-1'}}",
            services,
            "{}");
    runTask(
        "arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/form','Method':'post','RequestBody':{'a':'1 2','b':['x','y']},"
            + "'Transform':{'RequestBodyEncoding':'URL_ENCODED'}}",
        services,
        "{}");

    assertEquals(
        json("{'Headers':{},'ResponseBody':'created','StatusCode':'201','StatusText':'Created'}"),
        json.output());
    List<Http.Request> requests = services.http().requests();
    assertEquals(
        new Http.Request(
            "POST",
            "https://api.example.com/orders",
            Map.of("Content-Type", "application/json; charset=UTF-8"),
            "{\"id\":\"o-1\"}"),
        requests.get(0));
    assertEquals(
        new Http.Request(
            "POST",
            "https://api.example.com/form",
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            "a=1+2&b%5B0%5D=x&b%5B1%5D=y"),
        requests.get(1));
  }

  @Test
  void aStatusOutsideTwoHundredsFailsWithTheStatusCodeError() {
    AwsServices services = AwsServices.create();
    services
        .http()
        .handler(request -> new Http.Response(404, Map.of(), "{\"message\":\"no order\"}"));
    Execution execution =
        runTask(
            "arn:aws:states:::http:invoke",
            "{'ApiEndpoint':'https://api.example.com/orders/9','Method':'GET'}",
            services,
            "{}");

    assertEquals("States.Http.StatusCode.404", execution.error());
    assertEquals(
        "{\"Headers\":{},\"ResponseBody\":{\"message\":\"no order\"},\"StatusCode\":\"404\",\"StatusText\":\"Not Found\"}",
        execution.cause());
  }

  @Test
  void withoutAnEndpointTheTaskFailsSayingHowToPlugOneIn() {
    Execution execution =
        runTask(
            "arn:aws:states:::http:invoke",
            "{'ApiEndpoint':'https://api.example.com','Method':'GET'}",
            AwsServices.create(),
            "{}");

    assertEquals("States.Http.Socket", execution.error());
    assertEquals(
        "No HTTP endpoint is set up for https://api.example.com; plug one in with AwsServices.http().handler(...)",
        execution.cause());
  }

  @Test
  void arrayFormatDecidesHowAFormBodyEncodesItsArrays() {
    AwsServices services = AwsServices.create();
    services.http().handler(request -> new Http.Response(200, Map.of(), ""));
    for (String format : List.of("INDICES", "REPEAT", "COMMAS", "BRACKETS")) {
      runTask(
          "arn:aws:states:::http:invoke",
          "{'ApiEndpoint':'https://api.example.com/form','Method':'POST','RequestBody':{'tag':['a','b c'],'n':1},"
              + "'Transform':{'RequestBodyEncoding':'URL_ENCODED','RequestEncodingOptions':{'ArrayFormat':'"
              + format
              + "'}}}",
          services,
          "{}");
    }

    List<String> bodies = services.http().requests().stream().map(Http.Request::body).toList();
    assertEquals(
        List.of(
            "tag%5B0%5D=a&tag%5B1%5D=b+c&n=1",
            "tag=a&tag=b+c&n=1", "tag=a%2Cb+c&n=1", "tag%5B%5D=a&tag%5B%5D=b+c&n=1"),
        bodies);
  }

  @Test
  void theConnectionsInvocationParametersAreMergedIntoTheRequestAndWinOverTheTasksOwn() {
    AwsServices services = AwsServices.create();
    services.http().handler(request -> new Http.Response(200, Map.of(), ""));
    services
        .http()
        .connection(
            CONNECTION,
            new Http.Connection(
                Map.of("x-api-key", "secret"),
                new java.util.TreeMap<>(Map.of("tenant", "t-1", "q", "from-connection")),
                Map.of("client_id", "c-9")));

    runTask(
        "arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/orders','Method':'POST','Authentication':{'ConnectionArn':'"
            + CONNECTION
            + "'},"
            + "'Headers':{'Accept':'application/json','x-api-key':'from-task'},'QueryParameters':{'q':'from-task'},"
            + "'RequestBody':{'id':'o-1','client_id':'from-task'}}",
        services,
        "{}");
    runTask(
        "arn:aws:states:::http:invoke",
        "{'ApiEndpoint':'https://api.example.com/token','Method':'POST','Authentication':{'ConnectionArn':'"
            + CONNECTION
            + "'},"
            + "'Transform':{'RequestBodyEncoding':'URL_ENCODED'}}",
        services,
        "{}");

    assertEquals(
        List.of(
            new Http.Request(
                "POST",
                "https://api.example.com/orders?q=from-connection&tenant=t-1",
                Map.of(
                    "Accept",
                    "application/json",
                    "x-api-key",
                    "secret",
                    "Content-Type",
                    "application/json; charset=UTF-8"),
                "{\"id\":\"o-1\",\"client_id\":\"c-9\"}"),
            new Http.Request(
                "POST",
                "https://api.example.com/token?q=from-connection&tenant=t-1",
                Map.of("x-api-key", "secret", "Content-Type", "application/x-www-form-urlencoded"),
                "client_id=c-9")),
        services.http().requests());
  }
}
