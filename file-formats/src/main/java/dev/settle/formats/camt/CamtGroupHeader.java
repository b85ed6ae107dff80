package dev.settle.formats.camt;

/**
 * GrpHdr of a camt message.
 *
 * @param message message type and version, detected from the Document namespace
 * @param messageId MsgId
 * @param creationDateTime CreDtTm as written (ISODateTime, with or without offset)
 */
public record CamtGroupHeader(CamtMessage message, String messageId, String creationDateTime, XmlLocation location)
        implements CamtRecord {
}
