package dev.settle.formats.bai2;

/**
 * One logical BAI2 record, 88 continuations already merged into it.
 *
 * <p>{@link #line()} is the 1-based physical line where the record starts; {@link #physicalRecords()}
 * is 1 plus the number of 88 records merged, which is what the 49/98/99 record counts count.
 */
public sealed interface Bai2Record permits Bai2FileHeader, Bai2GroupHeader, Bai2AccountIdentifier,
        Bai2TransactionDetail, Bai2AccountTrailer, Bai2GroupTrailer, Bai2FileTrailer {

    /** The two-digit record code ("01", "16", ...). */
    String recordCode();

    long line();

    int physicalRecords();
}
