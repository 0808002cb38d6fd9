package com.example.claims;

import io.asl4j.cdk.Asl4jDefinition;
import io.asl4j.cdk.Asl4jStateMachine;
import io.asl4j.cdk.DefinitionSubstitutions;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** Deploys the tested definition, its function and topic bound through placeholders. */
public final class ClaimStack extends Stack {
  public ClaimStack(Construct scope, String id) {
    super(scope, id);
    IFunction assess =
        Function.fromFunctionArn(this, "AssessClaim", "arn:aws:lambda:eu-west-1:111122223333:function:assess-claim");
    Topic topic = Topic.Builder.create(this, "Claims").build();
    Asl4jStateMachine.Builder.create(this, "ClaimHandling")
        .definition(
            Asl4jDefinition.fromModel(ClaimHandlingDefinition.stateMachine())
                .replacing(Map.of(ClaimHandling.ASSESS, "${AssessFn}", ClaimHandling.TOPIC, "${ClaimsTopic}")))
        .substitutions(
            DefinitionSubstitutions.builder()
                .function("AssessFn", assess)
                .topic("ClaimsTopic", topic)
                .build())
        .build();
  }
}
