package dev.kassa.platform.imports;

/**
 * What the rows of a job leave in the service's memory beside the database: a JPA persistence context, whose entities
 * a long file would otherwise pile up and whose state a rolled-back row leaves untrue. The runner lets go of it after
 * each chunk and after each rollback.
 */
interface ImportMemory {

    /** After rows that stay (or stay until the transaction ends): written out, then let go. */
    void release();

    /** After a rollback: let go without writing anything. */
    void forget();

    ImportMemory NONE = new ImportMemory() {
        @Override
        public void release() {}

        @Override
        public void forget() {}
    };
}
