package dev.kassa.platform.testapp;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** The test application's event: a note was written. */
@KassaEvent(topic = Topics.CATALOG)
record NoteCreated(String text) {}
