package dev.kassa.analytics.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A delivery with the body it sends and every attempt so far, oldest first. */
record DeliveryDetail(@JsonUnwrapped Delivery delivery, JsonNode body, List<Delivery.Attempt> attemptLog) {}
