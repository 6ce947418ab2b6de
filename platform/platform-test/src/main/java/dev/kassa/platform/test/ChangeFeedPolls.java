package dev.kassa.platform.test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Polls a delta-sync feed ({@code ChangeFeed}) as an offline till does: a change shows once every transaction older than
 * it has ended, which on a busy database can take a moment, so a test waits (with a deadline) for the page it expects.
 */
public final class ChangeFeedPolls {
    private ChangeFeedPolls() {}

    /** The first answer of {@code url} whose page holds {@code changes} changes: items of {@code list} plus deleted ids. */
    public static Api.Response until(Api till, String url, String list, int changes) {
        Api.Response[] last = new Api.Response[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            last[0] = till.get(url);
            return last[0].status() == 200
                    && last[0].at("/" + list).size() + last[0].at("/deleted").size() == changes;
        });
        return last[0];
    }
}
