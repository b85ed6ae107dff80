package dev.settle.jobs.lock;

/** A job could not take its lock: another node holds it, or Redis is unreachable (fail closed). */
public final class JobLockException extends RuntimeException {

    public enum Reason { HELD_ELSEWHERE, REDIS_UNAVAILABLE }

    private final Reason reason;

    public JobLockException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
