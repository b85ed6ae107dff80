package dev.settle.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per file of the source waiting to be staged. Partition names are stable
 * ({@code file-<id>}), and on a restart Spring Batch reuses the stored partitions, so an
 * interrupted file resumes from its last committed chunk.
 */
class PendingFilesPartitioner implements Partitioner {

    static final String FILE_ID_KEY = "ingest.fileId";

    private final FileRegistry registry;
    private final String source;
    private final long jobExecutionId;

    PendingFilesPartitioner(FileRegistry registry, String source, long jobExecutionId) {
        this.registry = registry;
        this.source = source;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (InboundFile file : registry.loadable(source)) {
            registry.markLoading(file.id(), jobExecutionId);
            ExecutionContext context = new ExecutionContext();
            context.putLong(FILE_ID_KEY, file.id());
            partitions.put("file-" + file.id(), context);
        }
        return partitions;
    }
}
