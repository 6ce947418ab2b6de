package dev.kassa.sales.print;

import dev.kassa.platform.warmup.HotPath;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * A receipt, printed once in every format and on both papers before the instance is ready (platform's warm-up): the
 * first receipt a new instance printed as a PDF took most of a second (the font loaded, the drawing's classes), a web
 * page a tenth of one.
 */
@Component
class PrintWarmUp implements HotPath {

    @Override
    public void run() {
        Printout receipt = Printout.titled("Warm-up")
                .heading("Kassa")
                .row("Warm-up", Formats.money(BigDecimal.ONE))
                .rule()
                .link("https://kassa.invalid/r/warm-up")
                .build();
        for (Paper paper : Paper.values()) {
            for (PrintFormat format : PrintFormat.values()) {
                format.answer(receipt, paper, "warm-up");
            }
        }
    }
}
