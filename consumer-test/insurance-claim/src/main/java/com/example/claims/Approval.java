package com.example.claims;

/** What the assessment decides. */
public record Approval(String adjuster, boolean approved) {}
