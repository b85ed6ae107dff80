package dev.settle.formats.nacha;

import java.time.LocalDateTime;

/**
 * What the file header of a Settle payout file says.
 *
 * @param immediateDestination 9-digit routing number of the bank receiving the file (written as (4-13) " " + routing)
 * @param immediateOrigin 9-digit routing number (written " " + routing) or 10-character originator id (14-23)
 * @param createdAt file creation date and time (24-33), minutes precision
 * @param fileIdModifier (34) A-Z or 0-9
 * @param immediateDestinationName (41-63) at most 23 characters
 * @param immediateOriginName (64-86) at most 23 characters
 * @param referenceCode (87-94) at most 8 characters, may be empty
 */
public record NachaFileSpec(
        String immediateDestination,
        String immediateOrigin,
        LocalDateTime createdAt,
        char fileIdModifier,
        String immediateDestinationName,
        String immediateOriginName,
        String referenceCode) {
}
