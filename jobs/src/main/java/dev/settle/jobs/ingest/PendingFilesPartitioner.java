package dev.settle.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per file of the source waiting to be staged. Partition names are stable
 * ({@code file-<id>}): a restart plans the partitions again (Spring Batch calls a partitioner that
 * names no partitions anew), and an interrupted file's partition finds its step's saved position
 * under the same name and resumes from its last committed chunk; a file finance rejected
 * meanwhile ({@link FileReview}) is no longer planned.
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
            if (!registry.markLoading(file.id(), jobExecutionId)) {
                continue; // rejected by finance since it was listed
            }
            ExecutionContext context = new ExecutionContext();
            context.putLong(FILE_ID_KEY, file.id());
            partitions.put("file-" + file.id(), context);
        }
        return partitions;
    }
}
