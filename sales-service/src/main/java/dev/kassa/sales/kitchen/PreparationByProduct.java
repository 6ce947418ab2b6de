package dev.kassa.sales.kitchen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kitchen's report per station and product, from the tickets made ready in the period and the lines they carried
 * (which the order feature answers): per station and product, the tickets that carried it, and the average and the
 * longest time from the order to ready over those lines (a ticket with two lines of the product counts twice in the
 * average, as the report's join of tickets and lines did), each rounded to the whole second, halves away from zero; the
 * slowest first, then by product (then by station).
 */
final class PreparationByProduct {
    private PreparationByProduct() {}

    private record Key(String station, long productId) {}

    /** The lines of one product at one station. */
    private static final class Lines {
        private final Set<Long> tickets = new HashSet<>();
        private BigDecimal seconds = BigDecimal.ZERO;
        private BigDecimal longest;
        private long count;
        private String productName;

        void add(KitchenTicketRepository.Ready ticket, OrderLines.Line line) {
            tickets.add(ticket.id());
            seconds = seconds.add(ticket.seconds());
            if (longest == null || ticket.seconds().compareTo(longest) > 0) {
                longest = ticket.seconds();
            }
            count++;
            // the greatest of the names the lines gave the product, as max(product_name) was
            if (productName == null || line.productName().compareTo(productName) > 0) {
                productName = line.productName();
            }
        }

        KitchenTicketRepository.Preparation preparation(Key key) {
            return new KitchenTicketRepository.Preparation(
                    key.station(),
                    key.productId(),
                    productName,
                    tickets.size(),
                    seconds.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                            .longValueExact(),
                    longest.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
    }

    static List<KitchenTicketRepository.Preparation> of(
            List<KitchenTicketRepository.Ready> ready, List<OrderLines.Line> lines) {
        Map<Long, KitchenTicketRepository.Ready> tickets =
                ready.stream().collect(Collectors.toMap(KitchenTicketRepository.Ready::id, Function.identity()));
        Map<Key, Lines> byProduct = new HashMap<>();
        for (OrderLines.Line line : lines) {
            KitchenTicketRepository.Ready ticket = tickets.get(line.ticket());
            if (ticket != null) {
                byProduct
                        .computeIfAbsent(new Key(ticket.station(), line.productId()), k -> new Lines())
                        .add(ticket, line);
            }
        }
        return byProduct.entrySet().stream()
                .map(e -> e.getValue().preparation(e.getKey()))
                .sorted(Comparator.comparing(
                                KitchenTicketRepository.Preparation::averageSeconds, Comparator.<Long>reverseOrder())
                        .thenComparing(KitchenTicketRepository.Preparation::productId)
                        .thenComparing(KitchenTicketRepository.Preparation::station))
                .toList();
    }
}
