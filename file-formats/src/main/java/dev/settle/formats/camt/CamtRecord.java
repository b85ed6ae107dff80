package dev.settle.formats.camt;

/**
 * One item of a camt stream, in file order: {@link CamtGroupHeader} once, then per statement
 * (notification) a {@link CamtStatement}, its {@link CamtEntry}s and a {@link CamtStatementEnd}.
 */
public sealed interface CamtRecord permits CamtGroupHeader, CamtStatement, CamtEntry, CamtStatementEnd {

    XmlLocation location();
}
