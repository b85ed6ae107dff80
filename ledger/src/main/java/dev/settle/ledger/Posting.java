package dev.settle.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A posting as stored.
 *
 * @param replayed true when this call found an earlier posting with the same reference and wrote nothing
 */
public record Posting(
        long id,
        String reference,
        String kind,
        LocalDate businessDate,
        String description,
        Long reversesPostingId,
        Instant createdAt,
        List<PostingLine> lines,
        boolean replayed) {
}
