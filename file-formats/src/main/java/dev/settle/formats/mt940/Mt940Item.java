package dev.settle.formats.mt940;

/**
 * What {@link Mt940Reader} streams: per statement one {@link Mt940StatementHeader}, then zero or
 * more {@link Mt940Entry}, then one {@link Mt940StatementTrailer}. Streaming per entry keeps memory
 * flat for statements with a million lines.
 */
public sealed interface Mt940Item permits Mt940StatementHeader, Mt940Entry, Mt940StatementTrailer {

    /** 1-based physical line where the item starts. */
    long line();
}
