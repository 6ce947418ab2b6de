package dev.kassa.infra.bench;

/** The measuring runs' background threads: daemons, so that a run that gives up never waits for them. */
final class Threads {

    private Threads() {}

    /** A daemon thread named {@code name}, started on {@code work}. */
    static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
