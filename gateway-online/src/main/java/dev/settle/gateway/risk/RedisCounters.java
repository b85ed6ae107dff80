package dev.settle.gateway.risk;

import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Windowed counters in Redis, each one atomic Lua call: add, set the expiry on first use, and
 * optionally refuse (undo the add) past a limit. Keys are namespaced by a prefix so tests and
 * environments sharing one Redis never see each other's counts. Thread-safe.
 */
public final class RedisCounters {

    // KEYS[1] counter; ARGV: delta, ttl ms, limit (0 = none), undo-on-refusal (1/0).
    // Returns the new value, or -1 when the limit refused the add.
    private static final String ADD_SCRIPT = """
            local v = redis.call('INCRBY', KEYS[1], ARGV[1])
            if v == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            local limit = tonumber(ARGV[3])
            if limit > 0 and v > limit then
              if ARGV[4] == '1' then redis.call('DECRBY', KEYS[1], ARGV[1]) end
              return -1
            end
            return v""";

    private final RedissonClient redisson;
    private final String keyPrefix;

    public RedisCounters(RedissonClient redisson, String keyPrefix) {
        this.redisson = redisson;
        this.keyPrefix = keyPrefix;
    }

    /**
     * Adds {@code delta} to the counter {@code key} (expiring {@code ttl} after its first add).
     *
     * @param limit 0 for none; otherwise the highest value allowed
     * @param undoOnRefusal whether a refused add is taken back (amounts) or still counts (attempts)
     * @return false when the new value passed the limit
     */
    public boolean addWithin(String key, long delta, Duration ttl, long limit, boolean undoOnRefusal) {
        Long result = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, ADD_SCRIPT,
                RScript.ReturnType.LONG, List.of(keyPrefix + key),
                String.valueOf(delta), String.valueOf(ttl.toMillis()), String.valueOf(limit), undoOnRefusal ? "1" : "0");
        return result != null && result >= 0;
    }

    /** Takes {@code delta} back from a counter (a reserved amount whose authorisation failed). */
    public void subtract(String key, long delta) {
        redisson.getAtomicLong(keyPrefix + key).addAndGet(-delta);
    }
}
