package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.SEED;
import static io.asl4j.runtime.services.Fixtures.START;
import static io.asl4j.runtime.services.Fixtures.ids;
import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.run;
import static io.asl4j.runtime.services.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.runtime.Execution;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBridgeTest {
  private static final String PUT =
      task("arn:aws:states:::events:putEvents", "{'Entries.$':'$.entries'}");

  @Test
  void putEventsAnswersWithAnEventIdPerEntryAndRecordsTheEvents() {
    AwsServices services = AwsServices.create(SEED);
    Execution execution =
        run(
            PUT,
            services,
            "{'entries':[{'Source':'shop','DetailType':'OrderPlaced','Detail':{'orderId':'o-1'}},"
                + "{'Source':'shop','DetailType':'OrderPlaced','Detail':'{\\\"orderId\\\":\\\"o-2\\\"}','EventBusName':'orders'}]}");

    List<String> ids = ids(2);
    assertEquals(
        json(
            "{'Entries':[{'EventId':'"
                + ids.get(0)
                + "'},{'EventId':'"
                + ids.get(1)
                + "'}],'FailedEntryCount':0}"),
        execution.output());
    assertEquals(
        List.of(
            new EventBridge.Event(
                ids.get(0),
                "default",
                "shop",
                "OrderPlaced",
                json("{'orderId':'o-1'}"),
                json("[]"),
                START),
            new EventBridge.Event(
                ids.get(1),
                "orders",
                "shop",
                "OrderPlaced",
                json("{'orderId':'o-2'}"),
                json("[]"),
                START)),
        services.eventBridge().events());
    assertEquals(1, services.eventBridge().events("orders").size());
  }

  @Test
  void aDetailStringThatIsNotAJsonObjectFailsTheTaskWithTheResponseAsCause() {
    AwsServices services = AwsServices.create(SEED);
    Execution execution =
        run(
            PUT,
            services,
            "{'entries':[{'Source':'shop','DetailType':'T','Detail':{'ok':1}},"
                + "{'Source':'shop','DetailType':'T','Detail':'\\\"jsonstring\\\"'}]}");

    assertEquals("EventBridge.FailedEntry", execution.error());
    assertEquals(
        "{\"Entries\":[{\"EventId\":\""
            + ids(1).get(0)
            + "\"},{\"ErrorCode\":\"MalformedDetail\","
            + "\"ErrorMessage\":\"Detail is malformed.\"}],\"FailedEntryCount\":1}",
        execution.cause());
    assertEquals(1, services.eventBridge().events().size());
  }

  @Test
  void anEntryWithoutSourceIsAnInvalidArgument() {
    Execution execution =
        run(PUT, AwsServices.create(SEED), "{'entries':[{'DetailType':'T','Detail':{}}]}");

    assertEquals("EventBridge.FailedEntry", execution.error());
    assertEquals(
        "{\"Entries\":[{\"ErrorCode\":\"InvalidArgument\",\"ErrorMessage\":\"Parameter Source is not valid. "
            + "Reason: Source is a required argument.\"}],\"FailedEntryCount\":1}",
        execution.cause());
  }
}
