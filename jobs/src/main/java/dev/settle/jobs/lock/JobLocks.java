package dev.settle.jobs.lock;

import java.time.Clock;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * Distributed job locks in Redis (Redisson). A lock is taken without a lease time, so Redisson's
 * watchdog renews it every 10 s while this JVM lives and lets it expire 30 s after the JVM dies.
 * Fail closed: if Redis cannot be reached, no lock is granted and the job does not start.
 */
public final class JobLocks {

    private final String PREFIX;

    private final RedissonClient redisson;
    private final String node;
    private final Clock clock;

    public JobLocks(RedissonClient redisson, String node, Clock clock) {
        this(redisson, node, clock, "");
    }

    /**
     * @param namespace keeps environments that share a Redis apart (keys {@code settle:lock:<namespace>:<name>});
     *     the application uses the database name, so a test database or a staging copy never
     *     contends with production for "reconcile:2026-11-24"
     */
    public JobLocks(RedissonClient redisson, String node, Clock clock, String namespace) {
        this.PREFIX = namespace == null || namespace.isBlank() ? "settle:lock:" : "settle:lock:" + namespace + ":";
        this.redisson = redisson;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Takes the lock {@code name} at once or fails.
     *
     * @throws JobLockException HELD_ELSEWHERE naming the holder, or REDIS_UNAVAILABLE
     */
    public JobLock acquire(String name) {
        return acquire(name, java.time.Duration.ZERO);
    }

    /**
     * Takes the lock {@code name}, waiting up to {@code wait} for its holder to release it.
     *
     * @throws JobLockException HELD_ELSEWHERE naming the holder, or REDIS_UNAVAILABLE
     */
    public JobLock acquire(String name, java.time.Duration wait) {
        String key = PREFIX + name;
        try {
            RLock lock = redisson.getLock(key);
            boolean locked;
            try {
                locked = wait.isZero() ? lock.tryLock() : lock.tryLock(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                locked = false;
            }
            if (!locked) {
                RBucket<String> holder = redisson.getBucket(key + ":holder");
                throw new JobLockException(JobLockException.Reason.HELD_ELSEWHERE,
                        name + " is already running on " + describe(holder.get()), null);
            }
            long fencingToken = redisson.getAtomicLong(key + ":fence").incrementAndGet();
            redisson.<String>getBucket(key + ":holder").set(node + " since " + clock.instant() + " (fencing token " + fencingToken + ")");
            return new JobLock(name, lock, fencingToken);
        } catch (JobLockException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JobLockException(JobLockException.Reason.REDIS_UNAVAILABLE,
                    "cannot take lock " + name + ": Redis unreachable (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "); refusing to start", e);
        }
    }

    /** The holder of a lock, or null when it is free. */
    public String holder(String name) {
        String key = PREFIX + name;
        return redisson.getLock(key).isLocked() ? redisson.<String>getBucket(key + ":holder").get() : null;
    }

    /** The latest fencing token handed out for a lock (0 if never taken). */
    public long currentFencingToken(String name) {
        return redisson.getAtomicLong(PREFIX + name + ":fence").get();
    }

    /** The Redis key of a lock (for operators: {@code redis-cli TTL <key>}). */
    public String key(String name) {
        return PREFIX + name;
    }

    private static String describe(String holder) {
        return holder == null ? "another node" : holder;
    }
}
