package dev.settle.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a step's population into {@code n} hash partitions ({@code hash-0-of-n} …): each
 * partition's execution context holds its number under {@code key}, and its SQL selects the rows
 * with {@code mod(abs(hashtext(<column>)), n) = partition}. Partitions are plain step executions,
 * so they run on parallel threads now and could run on other nodes later.
 */
public final class HashPartitions implements Partitioner {

    private final String key;
    private final int partitions;

    public HashPartitions(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        this.key = key;
        this.partitions = partitions;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(key, p);
            contexts.put("hash-" + p + "-of-" + partitions, context);
        }
        return contexts;
    }
}
