package dev.kassa.platform.testapp;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.warmup.HotPath;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** The test application's hot path: writes a note (never kept) and remembers in which store it ran; fails when told to. */
@Component
class NoteWarmUp implements HotPath {

    final List<String> stores = new CopyOnWriteArrayList<>();
    final AtomicBoolean fail = new AtomicBoolean();

    private final NoteRepository notes;

    NoteWarmUp(NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public void run() {
        stores.add(TenantContext.require().key());
        notes.saveAndFlush(new Note("warm-up", BigDecimal.ONE));
        if (fail.get()) {
            throw new IllegalStateException("told to fail");
        }
    }
}
