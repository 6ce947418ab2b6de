package dev.kassa.platform.testapp;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** A test event on the task topic. */
@KassaEvent(topic = Topics.TASK)
record Probe(String marker) {}
