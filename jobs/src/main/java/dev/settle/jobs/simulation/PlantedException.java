package dev.settle.jobs.simulation;

/**
 * One exception the generator planted and reconciliation must find: its type (a MatchOutcome name
 * or a continuity type) and the reference reconciliation reports it under.
 */
public record PlantedException(String type, String reference) implements Comparable<PlantedException> {

    @Override
    public int compareTo(PlantedException o) {
        int byType = type.compareTo(o.type);
        return byType != 0 ? byType : reference.compareTo(o.reference);
    }

    @Override
    public String toString() {
        return type + " " + reference;
    }
}
