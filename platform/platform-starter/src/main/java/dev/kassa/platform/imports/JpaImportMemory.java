package dev.kassa.platform.imports;

import jakarta.persistence.EntityManager;

/** The transaction's persistence context, flushed and cleared after a chunk and cleared after a rollback. */
record JpaImportMemory(EntityManager entities) implements ImportMemory {

    @Override
    public void release() {
        entities.flush();
        entities.clear();
    }

    @Override
    public void forget() {
        entities.clear();
    }
}
