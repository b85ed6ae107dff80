package dev.settle.schedules;

import java.time.LocalDate;
import java.util.List;

/** A pipeline run for one business date: its stages in order. */
public record PipelineResult(LocalDate businessDate, List<StageResult> stages) {

    /** True when every stage completed now, earlier, or is not deployed. */
    public boolean completed() {
        return stages.stream().allMatch(s -> s.outcome().lets_next_start());
    }

    /** COMPLETED when {@link #completed()}, else the worst outcome. */
    public StageOutcome outcome() {
        if (completed()) {
            return StageOutcome.COMPLETED;
        }
        return stages.stream().map(StageResult::outcome).max(Enum::compareTo).orElse(StageOutcome.COMPLETED);
    }
}
