package com.example.claims;

import io.asl4j.dsl.annotation.WorkflowData;

/** A claim as the workflow receives it; the processor generates {@code ClaimPaths} from it. */
@WorkflowData
public record Claim(String claimId, String policy, double amount) {}
