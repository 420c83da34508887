package com.example.workshop.runtime.sfn;

/** A Task waiting for its task token: the state it is in and the token to answer. */
public record PendingTask(String stateName, String taskToken) {}
