package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/** The JUnit 5 extension: a test gets an SfnClient pointed at a server of its class. */
@ExtendWith(Asl4jServerExtension.class)
class Asl4jServerExtensionTest {
  @Test
  void aTestGetsAClientOfTheClassesServer(SfnClient sfn, Asl4jServer server) throws Exception {
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("from-extension")
                        .roleArn(StepFunctionsApiTest.ROLE)
                        .definition(StepFunctionsApiTest.PASS_CHAIN))
            .stateMachineArn();
    assertEquals(
        "arn:aws:states:"
            + server.region()
            + ":"
            + server.account()
            + ":stateMachine:from-extension",
        machine);
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\":1}")).executionArn();
    assertEquals("{\"sum\":2,\"size\":\"big\"}", StepFunctionsApiTest.awaitEnd(sfn, arn).output());
    assertEquals(List.of(), server.runningExecutions());
  }

  @Test
  void closingTheServerLetsARequestInFlightFinish() throws Exception {
    Asl4jServer server =
        Asl4jServer.start(new Asl4jServer.Config().activityPoll(Duration.ofMillis(700)));
    try (SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String activity = sfn.createActivity(b -> b.name("idle")).activityArn();
      CompletableFuture<GetActivityTaskResponse> polling =
          CompletableFuture.supplyAsync(() -> sfn.getActivityTask(b -> b.activityArn(activity)));
      while (server.requestsInFlight() == 0) {
        Thread.sleep(2);
      }
      server.close();
      assertEquals(null, polling.get().taskToken()); // answered (no task came), not cut off
    }
  }
}
