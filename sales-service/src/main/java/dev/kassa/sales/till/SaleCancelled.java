package dev.kassa.sales.till;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** A sale in progress was cancelled before payment; its stock holds are released. */
@KassaEvent(topic = Topics.SALES)
public record SaleCancelled(String saleId, String receiptNumber, long sessionId) {}
