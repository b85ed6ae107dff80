package dev.settle.formats.bai2;

/**
 * 98 Group Trailer: 98,controlTotal,numberOfAccounts,numberOfRecords/
 *
 * @param controlTotal Σ of the group's 49 control totals; null when blank
 */
public record Bai2GroupTrailer(Long controlTotal, Long numberOfAccounts, Long numberOfRecords, long line,
        int physicalRecords) implements Bai2Record {

    @Override
    public String recordCode() {
        return "98";
    }
}
