package dev.settle.jobs.lock;

import org.redisson.api.RLock;

/**
 * A held job lock. {@link #fencingToken()} is a number from a Redis counter, larger for every
 * acquisition of the same lock, so writers can refuse work from a node whose lock has since been
 * taken by another. Close it on the thread that acquired it.
 */
public final class JobLock implements AutoCloseable {

    private final String name;
    private final RLock lock;
    private final long fencingToken;

    JobLock(String name, RLock lock, long fencingToken) {
        this.name = name;
        this.lock = lock;
        this.fencingToken = fencingToken;
    }

    public String name() {
        return name;
    }

    public long fencingToken() {
        return fencingToken;
    }

    public boolean stillHeld() {
        return lock.isHeldByCurrentThread();
    }

    @Override
    public void close() {
        if (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }
}
